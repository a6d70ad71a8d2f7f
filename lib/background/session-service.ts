import type { SessionEvent, SessionState } from '../session/types';
import { reduce } from '../session/machine';
import { nextDueAt } from '../session/derive';
import { sessionItem, settingsItem } from '../storage-items';
import { chimeFor } from '../session/chime-for';
import { chimeFromBackground } from './sound';
import { toBreakEntry } from '../log/entry';
import { addBreak, openLog } from '../log/db';
import { getDeviceId } from './device-id';
import { noteRolledAreas } from './last-rolled';
import { nextBadgeChangeAt, showBadge } from './badge';
import { scheduleSessionAlarm } from './alarm';
import { serial } from './serial';
import { requestSync } from './sync-service';
import { syncFollowScript } from './follow-timer';

const queue = serial();

/**
 * Applies one event to the stored session and carries out what follows: persist, log a finished break,
 * set the next alarm, update the badge. Nothing is kept in memory between calls: the service worker may be
 * gone before the next one.
 */
export function dispatch(event: SessionEvent, now: () => number = Date.now): Promise<SessionState> {
  return queue(async () => {
    const before = await sessionItem.getValue();
    const at = now();
    const after = reduce(before, event, at);
    if (after !== before) {
      // Log before persisting: if the worker dies in between, the next wake replays the same end and
      // addBreak's id check keeps it to one entry.
      if (after.status === 'finished' || after.status === 'ended') {
        const entry = toBreakEntry(after, await getDeviceId());
        if (entry) {
          const db = await openLog();
          try {
            if (await addBreak(db, entry)) {
              await noteRolledAreas(entry);
              void requestSync();
            }
          } finally {
            db.close();
          }
        }
      }
      await sessionItem.setValue(after);
      const chime = chimeFor(before, after, event);
      if (chime && (await settingsItem.getValue()).sound) void chimeFromBackground(chime);
    }
    await refreshSideEffects(after, at);
    return after;
  });
}

/**
 * Alarm, badge and the timer's page-load script for a state; safe to repeat, and repeated on every wake
 * so a lost alarm is recreated.
 */
export async function refreshSideEffects(state: SessionState, now: number): Promise<void> {
  const due = state.status === 'running' ? nextDueAt(state) : null;
  const badge = nextBadgeChangeAt(state, now);
  const when = due === null ? badge : badge === null ? due : Math.min(due, badge);
  await Promise.all([scheduleSessionAlarm(when), showBadge(state, now), syncFollowScript(state)]);
}

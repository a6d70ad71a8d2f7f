import { browser } from 'wxt/browser';
import type { SessionEvent, SessionState } from '../session/types';
import { reduce } from '../session/machine';
import { nextDueAt } from '../session/derive';
import { sessionItem } from '../storage-items';
import { getSettings } from './settings-service';
import { chimeFor } from '../session/chime-for';
import { chimeFromBackground } from './sound';
import { toBreakEntry } from '../log/entry';
import { addBreak, openLog } from '../log/db';
import { getDeviceId } from './device-id';
import { noteRolledAreas } from './last-rolled';
import { nextBadgeChangeAt, showBadge } from './badge';
import { SESSION_ALARM, scheduleSessionAlarm } from './alarm';
import { logFailure } from './log-failure';
import { serial } from './serial';
import { requestSync } from './sync-service';

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
      if (chime && (await getSettings()).sound) void chimeFromBackground(chime);
    }
    await refreshSideEffects(after, at);
    return after;
  });
}

/** Alarm and badge for a state; safe to repeat, and repeated on every wake so a lost alarm is recreated. */
export async function refreshSideEffects(state: SessionState, now: number): Promise<void> {
  const due = state.status === 'running' ? nextDueAt(state) : null;
  const badge = nextBadgeChangeAt(state, now);
  const when = due === null ? badge : badge === null ? due : Math.min(due, badge);
  await Promise.all([scheduleSessionAlarm(when), showBadge(state, now)]);
}

/**
 * The session's alarm wakes the background at the next step, hold end or badge change; every start of the
 * background catches the session up to now and recreates its alarm and badge (a browser restart clears them).
 */
export function registerSession(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SESSION_ALARM) dispatch({ type: 'tick' }).catch(logFailure('session tick'));
  });
  dispatch({ type: 'tick' }).catch(logFailure('session catch-up'));
}

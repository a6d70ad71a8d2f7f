import { browser } from 'wxt/browser';
import type { SessionEvent, SessionState } from '../session/types';
import { reduce } from '../session/machine';
import { nextDueAt } from '../session/derive';
import { shiftedBack } from '../session/shift';
import { sessionItem } from '../storage/items';
import { checkInAreas, toBreakEntry } from '../log/entry';
import { getDeviceId } from './device-id';
import { nextBadgeChangeAt, showBadge } from './badge';
import { SESSION_ALARM, scheduleSessionAlarm } from './alarm';
import { logFailure } from './log-failure';
import { detached, serial } from './serial';
import { requestSync } from './sync-service';
import type { LogOutbox } from './log-outbox';
import { EMPTY_OUTBOX, flushOutbox, logOutboxItem, queueEntry } from './log-outbox';
import { syncFollowScript } from './follow-timer';

const queue = serial('session');

/**
 * What a feature does when the session changes (the running break's chime and voice, the reminders' count
 * restarted by a start), added by its `register.ts` in the first turn of every start, as its listeners are.
 * Each runs after the change is stored and is not waited for: it holds no lock in the session's queue.
 */
export type SessionFollower = (before: SessionState, after: SessionState, event: SessionEvent, at: number) => Promise<void>;
const followers = new Map<string, SessionFollower>();

/** A feature's follower, named for its failure messages; the same name again replaces it. */
export function followSession(name: string, follower: SessionFollower): void {
  followers.set(name, follower);
}

const isDone = (s: SessionState) => s.status === 'finished' || s.status === 'ended';

/**
 * Applies one event to the stored session and carries out what follows: persist, log a finished break,
 * tell the features that follow it (followSession), set the next alarm, update the badge. Nothing is kept in memory between calls: the service worker may be
 * gone before the next one.
 *
 * A finished break's entry goes to the log outbox (log-outbox.ts) before the session records the end: if
 * the worker dies in between, the next wake replays the same end and the outbox keeps it to one entry.
 * Then the outbox is written to IndexedDB; a failed write leaves the entry there, the done session says
 * `saved: false` (the pages show "Saving…"), and the session's alarm comes back at the retry time.
 */
export function dispatch(event: SessionEvent, now: () => number = Date.now): Promise<SessionState> {
  return queue(async () => {
    const before = await sessionItem.getValue();
    const at = now();
    let after = reduce(before, event, at);
    const justDone = after !== before && isDone(after);
    let queued = false;
    if (justDone && after.status !== 'idle') {
      const entry = toBreakEntry(after, await getDeviceId());
      if (entry && after.checkIn === 'ask') after = { ...after, checkInAreas: checkInAreas(entry) };
      // An entry outside the log's rules is reported and not written (see queueEntry): nothing to wait for.
      queued = entry !== null && (await queueEntry(entry));
    }
    const { written, outbox } = await flushOutbox(at);
    if (written.length > 0) detached(requestSync).catch(logFailure('sync after logging'));
    // The done screen says whether its break is in the log yet: "Saving…" until the write succeeds.
    if (after.status !== 'idle' && isDone(after) && (justDone ? queued : after.saved === false)) {
      const id = after.id;
      const saved = !outbox.entries.some((e) => e.id === id);
      if (after.saved !== saved) after = { ...after, saved };
    }
    if (after !== before) {
      await sessionItem.setValue(after);
      for (const [name, follower] of followers) detached(() => follower(before, after, event, at)).catch(logFailure(name));
    }
    await refreshSideEffects(after, at, outbox);
    return after;
  });
}

/**
 * For "Delete all my data": the break in progress stops without being logged and breaks waiting to be
 * logged are forgotten, in the session's queue so no event interleaves.
 */
export function resetSession(): Promise<void> {
  return queue(async () => {
    await Promise.all([sessionItem.setValue({ status: 'idle' }), logOutboxItem.setValue(EMPTY_OUTBOX)]);
    await refreshSideEffects({ status: 'idle' }, Date.now(), EMPTY_OUTBOX);
  });
}

/**
 * E2E builds only: the running break as if it had started `ms` earlier (lib/session/shift.ts), so a test
 * reaches "ten seconds on this area" without waiting for them. Its alarm and badge follow the moved times.
 */
export function ageSession(ms: number): Promise<void> {
  return queue(async () => {
    const state = await sessionItem.getValue();
    if (state.status !== 'running' && state.status !== 'paused') return;
    const moved = shiftedBack(state, ms);
    await sessionItem.setValue(moved);
    await refreshSideEffects(moved, Date.now());
  });
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
/**
 * Alarm and badge for a state; safe to repeat, and repeated on every wake so a lost alarm is recreated.
 * The one session alarm also brings the background back for a log write that waits for its retry.
 */
export async function refreshSideEffects(state: SessionState, now: number, outbox?: LogOutbox): Promise<void> {
  const pending = outbox ?? (await logOutboxItem.getValue());
  const times = [
    state.status === 'idle' ? null : nextDueAt(state),
    nextBadgeChangeAt(state, now),
    pending.entries.length > 0 ? Math.max(pending.retryAt ?? now, now + 1000) : null,
  ].filter((t): t is number => t !== null);
  await Promise.all([
    scheduleSessionAlarm(times.length > 0 ? Math.min(...times) : null),
    showBadge(state, now),
    syncFollowScript(state),
  ]);
}

/**
 * Reducers for the stored reminder state: each takes the state and the moment and returns a new state
 * (or the same object when nothing changes). None of them decides when a reminder is due; nextReminder
 * derives that from what they record.
 *
 * How the background uses them (lib/background/reminders/reminders.ts, each step inside updateReminders):
 *   on idle.onStateChanged    → recordActivity(state, { at: now, state }, settings)
 *   on the reminder alarm     → if sleptFromLateAlarm(alarm.scheduledTime, now) is not null:
 *                                 recordWake(state, now, thatTime, settings)
 *   on a break started        → recordBreak(state, now) (by hand, by shortcut or from a reminder)
 *   on a settings change      → settingsChanged(state, before, after, now, timeZone)
 *   on snooze / pause / resume → snooze, pauseFor, pauseUntilTomorrow, resumeReminders
 *   then                      → next = nextReminder(settings, state, now, timeZone)
 *   if next.reason === 'due': holdBack(state, moment, now) ? (its state, alarm at its retryAt)
 *                                                       : (show it, reminderShown, recompute)
 *   one alarm at next.dueAt (cleared when null).
 */

import type { ActivityRecord, PauseSpan, ReminderSettings, ReminderState } from './types';
import { IDLE_DETECTION_SECONDS, MINUTE_MS } from './types';
import { nextSessionStart } from './hours';
import { awaySpans, countActive, isAway, mergeSpans } from './schedule';
import { normalizeReminderSettings, sameCountingRules } from './settings';

/** Past this many records the oldest short away stretches are dropped (see compact). */
export const MAX_ACTIVITY_RECORDS = 200;
export const MAX_SNOOZE_MINUTES = 24 * 60;

export function initialReminderState(now: number): ReminderState {
  return {
    countingSince: now,
    activity: [],
    pauses: [],
    snoozedUntil: null,
    lastReminderAt: null,
    deferredSince: null,
    checkpoint: null,
  };
}

/**
 * Records an idle.onStateChanged transition. Chrome and Firefox report 'idle' only once the user has been
 * inactive for the detection interval, so an 'idle' record is back-dated by `idleDetectionSeconds` to when
 * the user actually stopped; 'locked' (Chrome only) comes at once. Records never go back past the previous
 * one, and a repeat of the same kind (active/active, or idle then locked: both away) is dropped so the
 * history alternates, with each away run starting at its earliest record. Completed natural breaks are
 * folded in right away (compact), which keeps the history short.
 */
export function recordActivity(
  state: ReminderState,
  record: ActivityRecord,
  settings: ReminderSettings,
  idleDetectionSeconds: number = IDLE_DETECTION_SECONDS,
): ReminderState {
  if (!Number.isFinite(record.at)) return state;
  const last = state.activity[state.activity.length - 1];
  if (last && isAway(last) === isAway(record)) return state;
  let at = record.state === 'idle' ? record.at - Math.max(0, idleDetectionSeconds) * 1000 : record.at;
  if (last) at = Math.max(at, last.at);
  const next: ReminderState = {
    ...state,
    activity: [...state.activity, { at, state: record.state }],
    countingSince: state.countingSince ?? at,
  };
  return compact(next, Math.max(record.at, at), settings);
}

/**
 * Records that the device was asleep (or the browser closed) from `sleptFrom` until `at`, and that the user
 * is back. Browsers have no wake event and a sleeping machine reports no idle state, so a sleep can look like
 * plain activity. The background knows one: an alarm that fires late was due while the device slept, so
 * `alarm.scheduledTime` is a safe `sleptFrom` (the sleep may have begun earlier, never later). The sleep
 * becomes an away stretch; at least `idleBreakMinutes` long it is a natural break like any other. If the
 * device locked on the way to sleep the away stretch already began then, and this only ends it.
 */
export function recordWake(state: ReminderState, at: number, sleptFrom: number, settings: ReminderSettings): ReminderState {
  const asleep = recordActivity(state, { at: Math.min(sleptFrom, at), state: 'locked' }, settings);
  return recordActivity(asleep, { at, state: 'active' }, settings);
}

/** An alarm this late was not merely busy: the device slept (or the browser was closed) through it. */
export const LATE_ALARM_MS = MINUTE_MS;

/**
 * For recordWake: given an alarm's `scheduledTime` and when it actually ran, where the sleep began at the
 * latest, or null if the alarm was on time. The sleep may have started earlier, never later.
 */
export function sleptFromLateAlarm(scheduledTime: number, firedAt: number): number | null {
  return firedAt - scheduledTime > LATE_ALARM_MS ? scheduledTime : null;
}

/** A new stretch from `at` (never moving backwards): the old count, snooze, deferral and checkpoint are done. */
function restartCount(state: ReminderState, at: number): ReminderState {
  return {
    ...state,
    countingSince: Math.max(state.countingSince ?? at, at),
    snoozedUntil: null,
    deferredSince: null,
    checkpoint: null,
  };
}

/** A break taken, by hand or from a reminder; pass when it ended. The count restarts from there. */
export function recordBreak(state: ReminderState, at: number): ReminderState {
  return compact(restartCount(state, at), at);
}

/**
 * A reminder was shown. The count restarts, so an ignored reminder comes back one interval later and a
 * backlog (a laptop that slept through several due times) yields exactly one.
 */
export function reminderShown(state: ReminderState, now: number): ReminderState {
  return compact({ ...restartCount(state, now), lastReminderAt: now }, now);
}

/**
 * "Remind me again in `minutes`": the reminder is due at snoozedUntil (moved into active hours and out of
 * pauses) whatever the count says. The count restarts too, so that a natural break after the snooze (being
 * away ≥ idleBreakMinutes, which is a break) voids it; a short idle does not. Meant as the answer to a shown
 * reminder, where the count has just restarted anyway; from elsewhere it means "remind me in N", not "+N".
 */
export function snooze(state: ReminderState, minutes: number, now: number): ReminderState {
  const m = Number.isFinite(minutes) ? Math.min(MAX_SNOOZE_MINUTES, Math.max(1, Math.round(minutes))) : 1;
  return compact({ ...restartCount(state, now), snoozedUntil: now + m * MINUTE_MS }, now);
}

/**
 * Pauses reminders from now until `until`; paused time does not count, and the count from before the pause
 * carries on after it. A pause already running is replaced (so this also shortens or extends it), and
 * `until` ≤ now just ends it. (Needs `now` as well as `until`: a pause's start is what keeps it uncounted.)
 */
export function pauseFor(state: ReminderState, until: number, now: number): ReminderState {
  const pauses: PauseSpan[] = state.pauses
    .map((p) => (p.from <= now && now < p.until ? { from: p.from, until: now } : p))
    .filter((p) => p.until > p.from);
  if (until > now) pauses.push({ from: now, until });
  return { ...state, pauses: mergeSpans(pauses.map((p) => ({ from: p.from, to: p.until }))).map(toPause) };
}

export function resumeReminders(state: ReminderState, now: number): ReminderState {
  return pauseFor(state, now, now);
}

/** Pauses until the next active day's start (see nextSessionStart for what "tomorrow" is). */
export function pauseUntilTomorrow(
  state: ReminderState,
  now: number,
  settings: ReminderSettings,
  timeZone: string,
): ReminderState {
  const until = nextSessionStart(normalizeReminderSettings(settings), now, timeZone);
  return pauseFor(state, until ?? now + 24 * 60 * MINUTE_MS, now);
}

/** The end of the pause in force at `now`, or null. */
export function pausedUntil(state: ReminderState, now: number): number | null {
  for (const p of state.pauses) if (p.from <= now && now < p.until) return p.until;
  return null;
}

/** Sound held a due reminder back; remembers when that began, for the cap (see defer.ts). */
export function deferReminder(state: ReminderState, now: number): ReminderState {
  return state.deferredSince !== null ? state : { ...state, deferredSince: now };
}

/**
 * Call when the settings change (storage.onChanged gives both). Turning reminders on starts a fresh count,
 * or time counted while they were off would fire at once. Changing what counts (hours, days, idle break)
 * freezes the count so far under the old rules in a checkpoint, so the change neither loses nor re-judges
 * time already counted. Changing the interval needs nothing: the count never depended on it.
 */
export function settingsChanged(
  state: ReminderState,
  previous: ReminderSettings,
  next: ReminderSettings,
  now: number,
  timeZone: string,
): ReminderState {
  const before = normalizeReminderSettings(previous);
  const after = normalizeReminderSettings(next);
  if (!after.enabled) return state;
  if (!before.enabled) return compact(restartCount(state, now), now);
  if (sameCountingRules(before, after)) return state;
  const { countedMs } = countActive(before, state, now, timeZone);
  return { ...state, checkpoint: { at: now, countedMs } };
}

function toPause(s: { from: number; to: number }): PauseSpan {
  return { from: s.from, until: s.to };
}

/**
 * Folds what is settled into countingSince and drops history that can no longer change any answer of
 * nextReminder at `now` or later (with the same settings):
 * - with `settings`: a completed natural break after countingSince moves countingSince to its end, which
 *   also voids the snooze, deferral and any earlier checkpoint, exactly as nextReminder would judge them;
 * - activity before countingSince, except the run in force at it (an away stretch straddling countingSince
 *   can still grow into a natural break);
 * - pauses and checkpoints from before countingSince.
 * Past MAX_ACTIVITY_RECORDS (only without breaks or reminders for a very long time) the oldest short away
 * stretches are forgotten, which counts them as active: the one place where compaction changes an answer,
 * towards an earlier reminder.
 */
export function compact(state: ReminderState, now: number, settings?: ReminderSettings): ReminderState {
  let s = state;
  if (settings) {
    const idleBreakMs = normalizeReminderSettings(settings).idleBreakMinutes * MINUTE_MS;
    let end: number | null = null;
    for (const span of awaySpans(s.activity, now)) {
      if (span.ongoing || span.to - span.from < idleBreakMs) continue;
      if (span.to > (s.countingSince ?? -Infinity) && (end === null || span.to > end)) end = span.to;
    }
    if (end !== null) {
      s = {
        ...s,
        countingSince: end,
        snoozedUntil: null,
        deferredSince: null,
        checkpoint: s.checkpoint && s.checkpoint.at > end ? s.checkpoint : null,
      };
    }
  }

  const since = s.countingSince;
  let activity = s.activity;
  if (since !== null) {
    let k = -1;
    for (let i = 0; i < activity.length && activity[i]!.at <= since; i++) k = i;
    while (k > 0 && isAway(activity[k - 1]!) === isAway(activity[k]!)) k--;
    if (k > 0) activity = activity.slice(k);
  }
  if (activity.length > MAX_ACTIVITY_RECORDS) activity = capActivity(activity);

  // Nothing nextReminder asks about lies before countingSince: the count, a live snooze and `now` are all after it.
  const pauses = s.pauses.filter((p) => p.until > p.from && (since === null || p.until > since));
  const checkpoint = s.checkpoint && (since === null || s.checkpoint.at > since) ? s.checkpoint : null;

  if (activity === s.activity && pauses.length === s.pauses.length && checkpoint === s.checkpoint) return s;
  return { ...s, activity, pauses, checkpoint };
}

/** Drops the oldest away-then-active pairs until the history fits. */
function capActivity(activity: ActivityRecord[]): ActivityRecord[] {
  const out = [...activity];
  while (out.length > MAX_ACTIVITY_RECORDS) {
    const i = out.findIndex((r, j) => isAway(r) && out[j + 1] !== undefined && !isAway(out[j + 1]!));
    if (i < 0) out.shift();
    else out.splice(i, 2);
  }
  return out;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const ACTIVITY_STATES = new Set<unknown>(['active', 'idle', 'locked']);

/**
 * State as stored (possibly missing, from an older version, or hand-edited) → a valid state. An old single
 * `pausedUntil` becomes a pause starting now. Activity is sorted and made to alternate.
 */
export function normalizeReminderState(raw: unknown, now: number): ReminderState {
  if (!raw || typeof raw !== 'object') return initialReminderState(now);
  const r = raw as Record<string, unknown>;
  const records = (Array.isArray(r.activity) ? r.activity : [])
    .filter(
      (x): x is ActivityRecord =>
        !!x &&
        typeof x === 'object' &&
        finiteOrNull((x as ActivityRecord).at) !== null &&
        ACTIVITY_STATES.has((x as ActivityRecord).state),
    )
    .map((x) => ({ at: x.at, state: x.state }))
    .sort((a, b) => a.at - b.at);
  const activity: ActivityRecord[] = [];
  for (const rec of records) {
    const last = activity[activity.length - 1];
    if (!last || isAway(last) !== isAway(rec)) activity.push(rec);
  }
  const spans = (Array.isArray(r.pauses) ? r.pauses : [])
    .filter(
      (p): p is PauseSpan =>
        !!p &&
        typeof p === 'object' &&
        finiteOrNull((p as PauseSpan).from) !== null &&
        finiteOrNull((p as PauseSpan).until) !== null,
    )
    .map((p) => ({ from: p.from, to: p.until }));
  const legacyPausedUntil = finiteOrNull(r.pausedUntil);
  if (legacyPausedUntil !== null && legacyPausedUntil > now) spans.push({ from: now, to: legacyPausedUntil });
  const cp = r.checkpoint as Record<string, unknown> | null | undefined;
  const cpAt = cp && typeof cp === 'object' ? finiteOrNull(cp.at) : null;
  const cpMs = cp && typeof cp === 'object' ? finiteOrNull(cp.countedMs) : null;
  return {
    countingSince: finiteOrNull(r.countingSince) ?? now,
    activity,
    pauses: mergeSpans(spans).map(toPause),
    snoozedUntil: finiteOrNull(r.snoozedUntil),
    lastReminderAt: finiteOrNull(r.lastReminderAt),
    deferredSince: finiteOrNull(r.deferredSince),
    checkpoint: cpAt !== null && cpMs !== null && cpMs >= 0 ? { at: cpAt, countedMs: cpMs } : null,
  };
}

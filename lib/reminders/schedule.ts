/**
 * When the next desk-break reminder is due: a pure function of (settings, state, now, time zone).
 *
 * What counts. Active time is time inside active hours on an active day, not away (idle or locked) and not
 * paused, since the stretch began. The stretch begins at `countingSince` (the last break, reminder or
 * snooze) or at the end of the latest natural break, whichever is later. A natural break is any away stretch
 * of at least `idleBreakMinutes`, wherever it falls (inside hours or not: being away is a break either way);
 * a shorter one is simply not counted. The count is recomputed from this history every time, so changing
 * the interval keeps what was counted; changes to what counts go through settingsChanged (state.ts).
 *
 * The future. Nobody knows when the user will next be away, so the due time assumes they stay active from
 * now on (also when they are away right now: the 'active' transition wakes the background to recompute).
 * The background re-asks on every activity change, break, settings change and alarm, so the guess only has
 * to be right until then.
 *
 * Nights and weekends. Time outside active hours never counts, so 30 minutes counted by Friday 18:00 make
 * the reminder due Monday 09:30 if nothing else happens. In practice something does: the night or weekend
 * shows up as an idle/locked stretch or a sleep (recordWake) far longer than the natural-break threshold,
 * and the count restarts when the user is back. The night itself never resets the count; only the absence
 * does, so a user working through the evening is still owed the minutes counted before 18:00.
 *
 * One reminder, not a burst. The due time is a single instant, reported as 'due' however long ago it
 * passed; showing it (reminderShown) restarts the count. A laptop that slept through a reminder gets one on
 * waking, unless the sleep was reported (recordWake) and was long enough to be a natural break, in which
 * case it gets none: the user was away, which is what the reminder wanted.
 */

import type { ActivityRecord, NextReminder, ReminderSettings, ReminderState } from './types';
import { DAY_MS, MINUTE_MS } from './types';
import type { Span } from './hours';
import { activeWindows, isWithinActiveHours } from './hours';
import { normalizeReminderSettings } from './settings';

/** Counting never looks further back than this, so a stale `countingSince` cannot make a call slow. */
export const LOOKBACK_MS = 28 * DAY_MS;
/** How far ahead a due time is searched for (tiny active hours with a long interval can take a while). */
const HORIZON_MS = 400 * DAY_MS;
/**
 * A reminder whose alarm fired this late is still shown though active hours ended in between: the count
 * reached its interval exactly at 18:00, the alarm ran at 18:00:01, and the user did earn the reminder.
 */
export const LATE_GRACE_MS = 2 * MINUTE_MS;

export function isAway(record: ActivityRecord): boolean {
  return record.state !== 'active';
}

/**
 * Away stretches up to `now`: from the first away record of a run to the next 'active' one. A stretch still
 * going at `now` ends at `now` (and is marked ongoing). Records after `now` have not happened yet.
 */
export function awaySpans(activity: readonly ActivityRecord[], now: number): (Span & { ongoing: boolean })[] {
  const spans: (Span & { ongoing: boolean })[] = [];
  let from: number | null = null;
  for (const r of [...activity].sort((a, b) => a.at - b.at)) {
    if (r.at > now) break;
    if (isAway(r)) {
      from ??= r.at;
    } else if (from !== null) {
      if (r.at > from) spans.push({ from, to: r.at, ongoing: false });
      from = null;
    }
  }
  if (from !== null && now > from) spans.push({ from, to: now, ongoing: true });
  return spans;
}

/** Sorted, with overlapping or touching spans joined. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  return out;
}

function pauseSpans(state: ReminderState): Span[] {
  return mergeSpans(state.pauses.map((p) => ({ from: p.from, to: p.until })));
}

/** Countable time from `from` on, in order: active-hours windows minus the `blocked` spans (sorted, merged). */
function* countable(
  settings: ReminderSettings,
  from: number,
  blocked: readonly Span[],
  timeZone: string,
): Generator<Span, void, undefined> {
  let i = 0;
  for (const w of activeWindows(settings, from, timeZone)) {
    let a = Math.max(w.from, from);
    const b = w.to;
    if (a >= b) continue;
    while (i < blocked.length && blocked[i]!.to <= a) i++;
    for (let j = i; a < b; j++) {
      const k = blocked[j];
      if (!k || k.from >= b) {
        yield { from: a, to: b };
        break;
      }
      if (k.from > a) yield { from: a, to: k.from };
      a = Math.max(a, k.to);
    }
  }
}

/** The first instant at or after `from` inside active hours and outside `pauses`; null if none in reach. */
function firstCountableAt(settings: ReminderSettings, from: number, pauses: readonly Span[], timeZone: string): number | null {
  for (const seg of countable(settings, from, pauses, timeZone)) return seg.from > from + HORIZON_MS ? null : seg.from;
  return null;
}

function countableMsBetween(
  settings: ReminderSettings,
  from: number,
  to: number,
  pauses: readonly Span[],
  timeZone: string,
): number {
  let total = 0;
  for (const seg of countable(settings, from, pauses, timeZone)) {
    if (seg.from >= to) break;
    total += Math.min(seg.to, to) - seg.from;
  }
  return total;
}

export interface Count {
  /** Where the stretch starts: `countingSince` or the end of a later natural break. */
  start: number;
  /** A natural break ended (or is under way) after `countingSince`: the snooze is void. */
  naturalBreak: boolean;
  countedMs: number;
  /** When the count reaches the interval (past or projected), or null if not within the horizon. */
  reachedAt: number | null;
}

/** The current stretch's count under `settings` (already normalized). */
export function countActive(settings: ReminderSettings, state: ReminderState, now: number, timeZone: string): Count {
  const idleBreakMs = settings.idleBreakMinutes * MINUTE_MS;
  const intervalMs = settings.intervalMinutes * MINUTE_MS;
  const away = awaySpans(state.activity, now);
  const base = state.countingSince ?? now;
  let start = base;
  for (const s of away) if (s.to - s.from >= idleBreakMs && s.to > start) start = s.to;

  // Away spans all end by `now`, so after `now` only pauses block: the projection assumes activity.
  const blocked = mergeSpans([...away, ...pauseSpans(state)]);
  let from = Math.max(start, now - LOOKBACK_MS);
  let cum = 0;
  const cp = state.checkpoint;
  if (cp && cp.at > start && cp.at <= now) {
    from = Math.max(cp.at, now - LOOKBACK_MS);
    cum = Math.max(0, cp.countedMs);
  }
  let counted = cum;
  // A checkpoint already over the interval does not say when it got there; its own time is close enough.
  let reachedAt = cum >= intervalMs ? from : null;
  for (const seg of countable(settings, from, blocked, timeZone)) {
    if (seg.from > now + HORIZON_MS) break;
    const len = seg.to - seg.from;
    if (reachedAt === null && cum + len >= intervalMs) reachedAt = seg.from + (intervalMs - cum);
    if (seg.from < now) counted += Math.min(seg.to, now) - seg.from;
    cum += len;
    if (reachedAt !== null && seg.to >= now) break;
  }
  return { start, naturalBreak: start > base, countedMs: counted, reachedAt };
}

const OFF: NextReminder = Object.freeze({ dueAt: null, reason: 'off', activeMinutesCounted: 0, minutesLeft: null });

/**
 * The next reminder. Reasons, first match wins: 'off' (disabled, or no active days), 'paused' (now is in a
 * pause; dueAt is after it), 'snoozed' (a live snooze ends later), 'due' (dueAt ≤ now: show one reminder
 * now), 'outside-hours' (now is outside active hours; dueAt is in a later window), else 'counting'.
 * `settings` may come straight from storage: they are normalized here.
 */
export function nextReminder(settings: ReminderSettings, state: ReminderState, now: number, timeZone: string): NextReminder {
  const s = normalizeReminderSettings(settings);
  if (!s.enabled || s.days.length === 0) return OFF;
  const count = countActive(s, state, now, timeZone);
  const pauses = pauseSpans(state);
  const pausedNow = pauses.some((p) => p.from <= now && now < p.to);
  // A natural break since the snooze answers the reminder the snooze put off.
  const snoozedUntil = count.naturalBreak ? null : state.snoozedUntil;

  let dueAt = snoozedUntil !== null ? firstCountableAt(s, snoozedUntil, pauses, timeZone) : count.reachedAt;
  if (dueAt !== null && dueAt <= now) {
    // Overdue: show it now if now is a time it may be shown, else at the next such time. Never more than
    // one: however many intervals have passed, there is one due time and reminderShown restarts the count.
    const showableNow = !pausedNow && (now - dueAt <= LATE_GRACE_MS || firstCountableAt(s, now, pauses, timeZone) === now);
    if (!showableNow) dueAt = firstCountableAt(s, now, pauses, timeZone);
  }

  let reason: NextReminder['reason'];
  if (pausedNow) reason = 'paused';
  else if (snoozedUntil !== null && snoozedUntil > now) reason = 'snoozed';
  else if (dueAt !== null && dueAt <= now) reason = 'due';
  else if (!isWithinActiveHours(s, now, timeZone)) reason = 'outside-hours';
  else reason = 'counting';

  const minutesLeft = dueAt === null ? null : dueAt <= now ? 0 : countableMsBetween(s, now, dueAt, pauses, timeZone) / MINUTE_MS;
  return { dueAt, reason, activeMinutesCounted: count.countedMs / MINUTE_MS, minutesLeft };
}

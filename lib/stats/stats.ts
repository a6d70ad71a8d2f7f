import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import type { BreakEntry } from '../log/entry';
import { dayStartTs, localDay, weekStart } from '../domain/days';

/** What the history page shows, computed in one pass over the log. */
export interface Stats {
  /** Days in a row, up to today, with at least one break; a streak stays alive until today is over. */
  streak: number;
  /** Active minutes this week (local time; the week starts on the day computeStats is given). */
  minutesThisWeek: number;
  /** Active minutes per week for the last `weeks` weeks, oldest first; the last is this week. */
  weeks: Array<{ start: number; minutes: number }>;
  /** Seconds rolled per area in the last 7 and 30 days (today included). */
  coverage7: Record<AreaId, number>;
  coverage30: Record<AreaId, number>;
  totalBreaks: number;
}

function emptyCoverage(): Record<AreaId, number> {
  return Object.fromEntries(AREA_IDS.map((a) => [a, 0])) as Record<AreaId, number>;
}

/**
 * Breaks known only as per-day totals (synced from another browser that folded them, lib/sync/folded.ts):
 * a local calendar day `YYYY-MM-DD`, how many, their active seconds and seconds per area.
 */
export interface ExtraDay {
  day: string;
  count: number;
  activeSeconds: number;
  areas: ReadonlyArray<{ area: AreaId; seconds: number }>;
}

/** The day number (days.ts) of a `YYYY-MM-DD` local day. */
function dayNumberOf(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000) : null;
}

/**
 * localDay for timestamps read one after another: the day found last is kept with its bounds, so a log in
 * time order costs a date computation per day, not per break.
 */
function dayReader(): (ts: number) => number {
  let from = 0;
  let to = 0;
  let day = 0;
  return (ts) => {
    if (ts < from || ts >= to) {
      day = localDay(ts);
      from = dayStartTs(day);
      to = dayStartTs(day + 1);
    }
    return day;
  };
}

/**
 * The days (days.ts) of timestamps, newest first, each day once: `next()` returns the next older day, or
 * -Infinity when there is none. `times` is sorted here unless `inOrder` says it is already (oldest first).
 * A date computation per day met, none per timestamp: a streak of 14 years is 5,000 of them.
 */
function daysNewestFirst(times: Float64Array, inOrder: boolean): () => number {
  if (!inOrder) times.sort();
  let i = times.length - 1;
  // Start of the day returned last: the timestamps from there on are that day's.
  let dayStart = Infinity;
  return () => {
    while (i >= 0 && times[i]! >= dayStart) i--;
    if (i < 0) return -Infinity;
    const ts = times[i--]!;
    // localDay and dayStartTs of one timestamp, with one Date: its local date, then that date's local midnight
    // (never after the timestamp itself, so each call moves on).
    const d = new Date(ts);
    const day = Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
    dayStart = Math.min(d.setHours(0, 0, 0, 0), ts);
    return day;
  };
}

/**
 * `firstDay` starts the week, 0 = Sunday … 6 = Saturday (lib/i18n/week.ts gives the user's); Monday by default.
 * `extraDays` are breaks known only as day totals: they count like the breaks they stand for.
 *
 * Cost over a lifetime of breaks (issue 23, `npm run bench`): the weeks and coverage look at the last few
 * weeks only, so a break before them costs one comparison and the copy of its start time; their days are
 * worked out only as far back as the streak reaches. Any order of `entries` gives the same figures.
 */
export function computeStats(
  entries: readonly BreakEntry[],
  now: number,
  weekCount = 8,
  firstDay = 1,
  extraDays: readonly ExtraDay[] = [],
): Stats {
  const today = localDay(now);
  const thisWeek = weekStart(today, firstDay);
  const firstWeek = thisWeek - 7 * (weekCount - 1);
  const weekSeconds = new Array<number>(weekCount).fill(0);
  const coverage7 = emptyCoverage();
  const coverage30 = emptyCoverage();
  // Days with a break: every one in the window below, and the day totals'.
  const days = new Set<number>();

  // Breaks from two days before the first day a figure counts (the chart's first week, or 30 days ago) are
  // read in full; the margin keeps a break of that first day in, whatever the clocks did around its midnight.
  // Before it, only the start time is kept, for the streak.
  const cut = dayStartTs(Math.min(firstWeek, today - 29)) - 2 * 86_400_000;
  const older = new Float64Array(entries.length);
  let olderCount = 0;
  let olderInOrder = true;
  let lastOlder = -Infinity;
  const dayOf = dayReader();
  // The day's week, worked out once per day met (breaks of one day come together in a log in time order).
  let last = NaN;
  let w = -1;
  for (const e of entries) {
    const ts = e.startedAt;
    if (ts < cut) {
      if (ts < lastOlder) olderInOrder = false;
      older[olderCount++] = lastOlder = ts;
      continue;
    }
    const day = dayOf(ts);
    if (day !== last) {
      last = day;
      days.add(day);
      w = (weekStart(day, firstDay) - firstWeek) / 7;
    }
    if (w >= 0 && w < weekCount) weekSeconds[w]! += e.activeSeconds;
    const age = today - day;
    if (age < 0 || age >= 30) continue;
    for (const step of e.steps) {
      coverage30[step.area] += step.seconds;
      if (age < 7) coverage7[step.area] += step.seconds;
    }
  }

  let extraBreaks = 0;
  for (const x of extraDays) {
    const day = dayNumberOf(x.day);
    if (day === null || x.count <= 0) continue;
    extraBreaks += x.count;
    days.add(day);
    const w = (weekStart(day, firstDay) - firstWeek) / 7;
    if (w >= 0 && w < weekCount) weekSeconds[w]! += x.activeSeconds;
    const age = today - day;
    if (age < 0 || age >= 30) continue;
    for (const a of x.areas) {
      if (!(a.area in coverage30)) continue;
      coverage30[a.area] += a.seconds;
      if (age < 7) coverage7[a.area] += a.seconds;
    }
  }

  // Today without a break yet does not break the streak: count back from yesterday then. A day missing from
  // `days` may still hold an older break: their days are met newest first, only as far back as needed.
  let nextOlder: (() => number) | null = null;
  let olderDay = Infinity;
  const rolledOn = (d: number): boolean => {
    if (days.has(d)) return true;
    nextOlder ??= daysNewestFirst(older.subarray(0, olderCount), olderInOrder);
    while (olderDay > d) olderDay = nextOlder();
    return olderDay === d;
  };
  let streak = 0;
  for (let d = rolledOn(today) ? today : today - 1; rolledOn(d); d--) streak++;

  const weeks = weekSeconds.map((seconds, i) => ({ start: firstWeek + i * 7, minutes: Math.round(seconds / 60) }));
  return {
    streak,
    minutesThisWeek: weeks[weekCount - 1]!.minutes,
    weeks,
    coverage7,
    coverage30,
    totalBreaks: entries.length + extraBreaks,
  };
}

/**
 * Areas that got no time in a window, when others did: the ones to call out. Nothing is "neglected"
 * before the user has rolled anything in that window.
 */
export function neglectedAreas(coverage: Record<AreaId, number>, candidates: readonly AreaId[] = AREA_IDS): AreaId[] {
  if (!Object.values(coverage).some((s) => s > 0)) return [];
  return candidates.filter((a) => coverage[a] === 0);
}

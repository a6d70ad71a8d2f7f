/**
 * Calendar days in the browser's own time zone, as integers, so streaks and weeks follow the user's
 * midnight. A day number is days since 1970-01-01 in local time; consecutive days differ by exactly one,
 * DST changes included.
 */
export function localDay(ts: number): number {
  const d = new Date(ts);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** The local day number of the Monday that starts `day`'s week (ISO weeks). */
export function weekStart(day: number): number {
  // 1970-01-01 was a Thursday: day 0 has ISO weekday 4 (Mon = 1).
  const isoWeekday = ((day + 3) % 7 + 7) % 7; // 0 = Monday
  return day - isoWeekday;
}

/** The local midnight (a timestamp) that starts a day number. */
export function dayStartTs(day: number): number {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()).getTime();
}

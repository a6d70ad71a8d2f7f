/**
 * Calendar days in the browser's own time zone, as integers, so streaks and weeks follow the user's
 * midnight. A day number is days since 1970-01-01 in local time; consecutive days differ by exactly one,
 * DST changes included.
 */
export function localDay(ts: number): number {
  const d = new Date(ts);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/**
 * The local day number of the first day of `day`'s week. Weeks start on `firstDay`, counted as
 * `Date#getDay` does (0 = Sunday, 1 = Monday, the default, as in ISO weeks; lib/i18n/week.ts finds the user's).
 */
export function weekStart(day: number, firstDay = 1): number {
  // 1970-01-01 (day 0) was a Thursday, weekday 4.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return day - ((weekday - firstDay + 7) % 7);
}

/** The local midnight (a timestamp) that starts a day number. */
export function dayStartTs(day: number): number {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()).getTime();
}

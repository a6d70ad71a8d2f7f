/**
 * Wall-clock maths in an IANA zone with nothing but Intl.DateTimeFormat: instant → local date and time, and
 * local date + 'HH:MM' → instant. Pure (the formatter cache only saves work).
 */

import { DAY_MS, MINUTE_MS } from './types';

/** A calendar date in some zone; month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface WallClock extends LocalDate {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

const SECOND_MS = 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fieldsAt(instant: number, timeZone: string) {
  const out = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'minute':
      case 'second':
        out[part.type] = Number(part.value);
        break;
      case 'hour':
        // Some engines once wrote midnight as 24 even with h23.
        out.hour = Number(part.value) % 24;
        break;
    }
  }
  return out;
}

/** The zone's offset from UTC at `instant`, in ms (Berlin in winter: +3 600 000). */
export function offsetAt(instant: number, timeZone: string): number {
  const f = fieldsAt(instant, timeZone);
  const wholeSecond = Math.floor(instant / SECOND_MS) * SECOND_MS;
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - wholeSecond;
}

export function wallClock(instant: number, timeZone: string): WallClock {
  const f = fieldsAt(instant, timeZone);
  return { ...f, weekday: weekdayOf(f) };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The first instant at which the wall clock in `timeZone` reads `minuteOfDay` (or later) on `date`.
 * Ordinary times have exactly one instant. In a fall-back overlap the time happens twice: the first one wins,
 * so an active-hours boundary fires the first time the clock shows it. In a spring-forward gap the time never
 * happens: the answer is the moment of the jump, when the clock leaps past it (02:30 on Berlin's 2026-03-29
 * is 03:00 CEST), rather than the "compatible" 03:30 that pushing forward by the gap would give.
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  // The wall time written as if it were UTC; the real instant is this minus the offset in force then.
  const local = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  // Offsets run from −12 h to +14 h, so a day either side brackets any single transition near `local`.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  let found: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = local - offset;
    if (offsetAt(t, timeZone) === offset && (found === null || t < found)) found = t;
  }
  if (found !== null) return found;
  // A gap: `lo` still has the old offset, `hi` already the new one; find the jump to the second.
  let lo = local - after;
  let hi = local - before;
  if (lo >= hi) return local - before;
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
    if (offsetAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** 'HH:MM' or 'H:MM' (00:00–23:59) → minutes after midnight; null for anything else. */
export function parseClock(text: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The given zone when Intl knows it, else the system's; a bad stored zone must not break the alarm. */
export function resolveTimeZone(timeZone?: string | null): string {
  if (timeZone && isValidTimeZone(timeZone)) return timeZone;
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

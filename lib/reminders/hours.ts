/**
 * Active hours as real time spans. A day's window starts at `start` on that day and ends at the first `end`
 * after it, so 22:00–02:00 on Friday runs into Saturday morning and belongs to Friday (the day it starts).
 * Boundaries are wall-clock times converted with zonedInstant, so a window across a DST change is as long as
 * the clock says, not 24 h × hours: 22:00–06:00 is 7 real hours on the spring-forward night, 9 on fall-back.
 */

import type { ReminderSettings } from './types';
import { DAY_MS } from './types';
import type { LocalDate } from './zoned';
import { addDays, parseClock, wallClock, weekdayOf, zonedInstant } from './zoned';

/** A half-open span of time, [from, to). */
export interface Span {
  from: number;
  to: number;
}

const MINUTES_PER_DAY = 24 * 60;

/** Enough for the longest look-back (28 days) plus the longest look-ahead (400 days) in schedule.ts. */
const MAX_DAYS = 440;

interface Hours {
  start: number;
  end: number;
  days: ReadonlySet<number>;
}

function hoursOf(settings: ReminderSettings): Hours | null {
  const start = parseClock(settings.activeHours.start);
  const end = parseClock(settings.activeHours.end);
  if (start === null || end === null || settings.days.length === 0) return null;
  return { start, end, days: new Set(settings.days) };
}

/**
 * The active-hours windows that end after `from`, in order and never overlapping (all-day hours on
 * consecutive days touch end to start). A window may start before `from`: callers clip. Lazy, because the
 * callers mostly need one or two windows; merging touching ones would mean reading a year ahead for 24/7.
 */
export function* activeWindows(settings: ReminderSettings, from: number, timeZone: string): Generator<Span, void, undefined> {
  const h = hoursOf(settings);
  if (!h) return;
  const endsNextDay = h.end <= h.start;
  // Start a day early: yesterday's window may run past midnight into `from`'s day.
  let date = addDays(wallClock(from, timeZone), -1);
  let lastEnd = -Infinity;
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    if (!h.days.has(weekdayOf(date))) continue;
    const ws = Math.max(lastEnd, zonedInstant(date, h.start, timeZone));
    const we = zonedInstant(endsNextDay ? addDays(date, 1) : date, h.end, timeZone);
    // Empty only when both ends fall into the same DST gap.
    if (we <= ws || we <= from) continue;
    lastEnd = we;
    yield { from: ws, to: we };
  }
}

/** Whether `at` falls inside active hours on an active day. */
export function isWithinActiveHours(settings: ReminderSettings, at: number, timeZone: string): boolean {
  for (const w of activeWindows(settings, at, timeZone)) return w.from <= at && at < w.to;
  return false;
}

/**
 * Where "pause until tomorrow" ends: the first active-hours start after the next day boundary, where the day
 * turns over in the middle of the off-hours (01:30 for 09:00–18:00, 12:00 for 22:00–02:00) rather than at
 * midnight. So from anywhere in today's hours, the evening after them or the night, it is the next active
 * day's start; from 07:00 before today's hours it skips today's (pausing until 09:00 would do nothing); and
 * at 01:00 inside a 22:00–02:00 stretch it is tonight's 22:00, not tomorrow night's. Null without any hours.
 */
export function nextSessionStart(settings: ReminderSettings, now: number, timeZone: string): number | null {
  const h = hoursOf(settings);
  if (!h) return null;
  const offHours = (h.start - h.end + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const turnover = (h.end + Math.floor(offHours / 2)) % MINUTES_PER_DAY;
  const today = wallClock(now, timeZone);
  let boundary = zonedInstant(today, turnover, timeZone);
  if (boundary <= now) boundary = zonedInstant(addDays(today, 1), turnover, timeZone);
  const endsNextDay = h.end <= h.start;
  let date: LocalDate = wallClock(boundary, timeZone);
  for (let i = 0; i < 9; i++, date = addDays(date, 1)) {
    if (!h.days.has(weekdayOf(date))) continue;
    const ws = zonedInstant(date, h.start, timeZone);
    const we = zonedInstant(endsNextDay ? addDays(date, 1) : date, h.end, timeZone);
    if (ws >= boundary && we > ws) return ws;
  }
  // Only reachable when a week's windows all vanish into DST gaps; a day's pause is the sane fallback.
  return boundary + DAY_MS;
}

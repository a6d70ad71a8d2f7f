import { describe, expect, it } from 'vitest';
import { addDays, formatClock, offsetAt, parseClock, resolveTimeZone, wallClock, weekdayOf, zonedInstant } from './zoned';

/** Instants are written with their offset spelled out, so the tests do not lean on the code under test. */
const t = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('wallClock', () => {
  it('reads date, weekday and time in the zone, not in UTC', () => {
    expect(wallClock(t('2026-03-27T23:30:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 28,
      weekday: 6,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(wallClock(t('2026-03-28T03:30:00Z'), 'America/New_York')).toMatchObject({ day: 27, weekday: 5, hour: 23 });
  });

  it('follows DST: the same UTC hour reads differently either side of the change', () => {
    expect(wallClock(t('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 1, minute: 30 });
    expect(wallClock(t('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
    expect(offsetAt(t('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(offsetAt(t('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
  });
});

describe('zonedInstant', () => {
  const berlin = 'Europe/Berlin';
  const ny = 'America/New_York';

  it('converts an ordinary wall time in winter and in summer', () => {
    expect(zonedInstant({ year: 2026, month: 1, day: 15 }, 9 * 60, berlin)).toBe(t('2026-01-15T09:00+01:00'));
    expect(zonedInstant({ year: 2026, month: 7, day: 15 }, 9 * 60, berlin)).toBe(t('2026-07-15T09:00+02:00'));
    expect(zonedInstant({ year: 2026, month: 7, day: 15 }, 18 * 60 + 45, ny)).toBe(t('2026-07-15T18:45-04:00'));
    expect(zonedInstant({ year: 2026, month: 7, day: 15 }, 9 * 60 + 15, 'Asia/Kolkata')).toBe(t('2026-07-15T09:15+05:30'));
  });

  it('maps a time inside a spring-forward gap to the moment of the jump', () => {
    // Berlin 2026-03-29: 02:00 CET → 03:00 CEST; 02:30 never happens.
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, berlin)).toBe(t('2026-03-29T03:00+02:00'));
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 2 * 60, berlin)).toBe(t('2026-03-29T03:00+02:00'));
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 3 * 60, berlin)).toBe(t('2026-03-29T03:00+02:00'));
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 1 * 60 + 59, berlin)).toBe(t('2026-03-29T01:59+01:00'));
    // New York 2026-03-08: 02:00 EST → 03:00 EDT.
    expect(zonedInstant({ year: 2026, month: 3, day: 8 }, 2 * 60 + 30, ny)).toBe(t('2026-03-08T03:00-04:00'));
    // Lord Howe moves by 30 minutes: 02:00 → 02:30 on 2026-10-04.
    expect(zonedInstant({ year: 2026, month: 10, day: 4 }, 2 * 60 + 15, 'Australia/Lord_Howe')).toBe(t('2026-10-04T02:30+11:00'));
  });

  it('takes the first of the two instants in a fall-back overlap', () => {
    // Berlin 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 happens twice.
    expect(zonedInstant({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30, berlin)).toBe(t('2026-10-25T02:30+02:00'));
    expect(zonedInstant({ year: 2026, month: 10, day: 25 }, 3 * 60, berlin)).toBe(t('2026-10-25T03:00+01:00'));
    // New York 2026-11-01: 02:00 EDT → 01:00 EST; 01:30 happens twice.
    expect(zonedInstant({ year: 2026, month: 11, day: 1 }, 1 * 60 + 30, ny)).toBe(t('2026-11-01T01:30-04:00'));
    expect(zonedInstant({ year: 2026, month: 11, day: 1 }, 2 * 60, ny)).toBe(t('2026-11-01T02:00-05:00'));
  });

  it('round-trips every quarter hour of a DST day that is not in a gap', () => {
    for (const zone of [berlin, ny]) {
      for (const date of [
        { year: 2026, month: 3, day: 29 },
        { year: 2026, month: 11, day: 1 },
      ]) {
        for (let m = 0; m < 24 * 60; m += 15) {
          const at = zonedInstant(date, m, zone);
          const back = wallClock(at, zone);
          if (back.hour * 60 + back.minute === m) expect(back).toMatchObject(date);
          else expect(back.hour * 60 + back.minute).toBeGreaterThan(m); // only in a gap, and then later
        }
      }
    }
  });
});

describe('dates and clocks', () => {
  it('adds days across month and year ends and knows the weekday', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(weekdayOf({ year: 2026, month: 3, day: 27 })).toBe(5);
  });

  it('parses and formats HH:MM', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(parseClock('noon')).toBeNull();
    expect(formatClock(545)).toBe('09:05');
  });

  it('falls back to a working zone for an unknown one', () => {
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: resolveTimeZone('Mars/Olympus') })).not.toThrow();
  });
});

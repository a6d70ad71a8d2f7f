import { describe, expect, it } from 'vitest';
import type { Span } from './hours';
import { activeWindows, isWithinActiveHours, nextSessionStart } from './hours';
import type { ReminderSettings } from './types';
import { DEFAULT_REMINDER_SETTINGS } from './types';

const t = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

function settings(over: Partial<ReminderSettings> & { start?: string; end?: string } = {}): ReminderSettings {
  const { start, end, ...rest } = over;
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    activeHours: { start: start ?? '09:00', end: end ?? '18:00' },
    ...rest,
  };
}

function take(gen: Generator<Span>, n: number): Span[] {
  const out: Span[] = [];
  for (const w of gen) {
    out.push(w);
    if (out.length === n) break;
  }
  return out;
}

describe('activeWindows', () => {
  it('gives the working days only, and skips the weekend', () => {
    // Friday 2026-03-27 noon; the next window is Monday, already in summer time.
    const ws = take(activeWindows(settings(), t('2026-03-27T12:00+01:00'), BERLIN), 2);
    expect(ws).toEqual([
      { from: t('2026-03-27T09:00+01:00'), to: t('2026-03-27T18:00+01:00') },
      { from: t('2026-03-30T09:00+02:00'), to: t('2026-03-30T18:00+02:00') },
    ]);
  });

  it('runs hours past midnight into the next day, belonging to the day they start', () => {
    const fridayNights = settings({ start: '22:00', end: '02:00', days: [5] });
    const ws = take(activeWindows(fridayNights, t('2026-03-21T01:00+01:00'), BERLIN), 2);
    expect(ws).toEqual([
      { from: t('2026-03-20T22:00+01:00'), to: t('2026-03-21T02:00+01:00') },
      { from: t('2026-03-27T22:00+01:00'), to: t('2026-03-28T02:00+01:00') },
    ]);
    expect(isWithinActiveHours(fridayNights, t('2026-03-21T01:00+01:00'), BERLIN)).toBe(true);
    // Saturday's own 22:00 is not active: Saturday is not an active day.
    expect(isWithinActiveHours(fridayNights, t('2026-03-21T23:00+01:00'), BERLIN)).toBe(false);
  });

  it('makes a night window as long as the clock says across a DST change', () => {
    const nights = settings({ start: '22:00', end: '06:00', days: EVERY_DAY });
    const [spring] = take(activeWindows(nights, t('2026-03-28T23:00+01:00'), BERLIN), 1);
    expect(spring).toEqual({ from: t('2026-03-28T22:00+01:00'), to: t('2026-03-29T06:00+02:00') });
    expect(spring!.to - spring!.from).toBe(7 * HOUR);
    const [autumn] = take(activeWindows(nights, t('2026-10-24T23:00+02:00'), BERLIN), 1);
    expect(autumn!.to - autumn!.from).toBe(9 * HOUR);
    const [nySpring] = take(activeWindows(nights, t('2026-03-07T23:00-05:00'), NY), 1);
    expect(nySpring!.to - nySpring!.from).toBe(7 * HOUR);
    const [nyAutumn] = take(activeWindows(nights, t('2026-10-31T23:00-04:00'), NY), 1);
    expect(nyAutumn!.to - nyAutumn!.from).toBe(9 * HOUR);
  });

  it('ends hours whose end falls in the spring-forward gap at the jump, and in the overlap at the first one', () => {
    const late = settings({ start: '22:00', end: '02:30', days: EVERY_DAY });
    const [gap] = take(activeWindows(late, t('2026-03-28T23:00+01:00'), BERLIN), 1);
    // 02:30 never happens on 2026-03-29; the hours end when the clock jumps from 02:00 to 03:00.
    expect(gap).toEqual({ from: t('2026-03-28T22:00+01:00'), to: t('2026-03-29T03:00+02:00') });
    expect(gap!.to - gap!.from).toBe(4 * HOUR);
    const [overlap] = take(activeWindows(late, t('2026-10-24T23:00+02:00'), BERLIN), 1);
    expect(overlap).toEqual({ from: t('2026-10-24T22:00+02:00'), to: t('2026-10-25T02:30+02:00') });
    const nyLate = settings({ start: '21:00', end: '02:30', days: EVERY_DAY });
    const [nyGap] = take(activeWindows(nyLate, t('2026-03-07T22:00-05:00'), NY), 1);
    expect(nyGap).toEqual({ from: t('2026-03-07T21:00-05:00'), to: t('2026-03-08T03:00-04:00') });
  });

  it('keeps ordinary daytime hours on DST days', () => {
    const days = settings({ days: EVERY_DAY });
    const [spring] = take(activeWindows(days, t('2026-03-29T08:00+02:00'), BERLIN), 1);
    expect(spring).toEqual({ from: t('2026-03-29T09:00+02:00'), to: t('2026-03-29T18:00+02:00') });
    const [nyAutumn] = take(
      activeWindows(settings({ start: '00:00', end: '12:00', days: EVERY_DAY }), t('2026-11-01T00:30-04:00'), NY),
      1,
    );
    // Midnight to noon on the fall-back day is 13 real hours.
    expect(nyAutumn).toEqual({ from: t('2026-11-01T00:00-04:00'), to: t('2026-11-01T12:00-05:00') });
  });

  it('treats equal start and end as all day, consecutive days touching', () => {
    const allWeek = settings({ start: '00:00', end: '00:00', days: EVERY_DAY });
    expect(take(activeWindows(allWeek, t('2026-06-10T12:00+02:00'), BERLIN), 2)).toEqual([
      { from: t('2026-06-10T00:00+02:00'), to: t('2026-06-11T00:00+02:00') },
      { from: t('2026-06-11T00:00+02:00'), to: t('2026-06-12T00:00+02:00') },
    ]);
    expect(isWithinActiveHours(allWeek, t('2026-06-11T00:00+02:00'), BERLIN)).toBe(true);
  });

  it('has no windows without active days', () => {
    expect(take(activeWindows(settings({ days: [] }), t('2026-06-10T12:00+02:00'), BERLIN), 1)).toEqual([]);
  });
});

describe('nextSessionStart ("pause until tomorrow")', () => {
  const d = settings();
  it("from inside today's hours or the evening after them: the next active day's start", () => {
    expect(nextSessionStart(d, t('2026-03-24T10:00+01:00'), BERLIN)).toBe(t('2026-03-25T09:00+01:00'));
    expect(nextSessionStart(d, t('2026-03-24T19:00+01:00'), BERLIN)).toBe(t('2026-03-25T09:00+01:00'));
    expect(nextSessionStart(d, t('2026-03-25T00:30+01:00'), BERLIN)).toBe(t('2026-03-25T09:00+01:00'));
    // Friday → Monday, across the DST change.
    expect(nextSessionStart(d, t('2026-03-27T15:00+01:00'), BERLIN)).toBe(t('2026-03-30T09:00+02:00'));
  });

  it("from the early morning before today's hours: tomorrow's, not today's", () => {
    expect(nextSessionStart(d, t('2026-03-24T07:00+01:00'), BERLIN)).toBe(t('2026-03-25T09:00+01:00'));
  });

  it("inside night hours after midnight: tonight's start", () => {
    const nights = settings({ start: '22:00', end: '02:00', days: EVERY_DAY });
    expect(nextSessionStart(nights, t('2026-03-24T01:00+01:00'), BERLIN)).toBe(t('2026-03-24T22:00+01:00'));
    expect(nextSessionStart(nights, t('2026-03-24T23:00+01:00'), BERLIN)).toBe(t('2026-03-25T22:00+01:00'));
    expect(nextSessionStart(nights, t('2026-03-24T03:00+01:00'), BERLIN)).toBe(t('2026-03-24T22:00+01:00'));
  });

  it('is null without active days', () => {
    expect(nextSessionStart(settings({ days: [] }), t('2026-03-24T10:00+01:00'), BERLIN)).toBeNull();
  });
});

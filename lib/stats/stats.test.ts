import { describe, expect, it } from 'vitest';
import type { BreakEntry } from '../log/entry';
import { computeStats, neglectedAreas } from './stats';
import { localDay, weekStart, dayStartTs } from '../domain/days';

// Wednesday 2026-11-25, 15:00 local time.
const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();

function entry(
  startedAt: number,
  activeSeconds = 300,
  steps: BreakEntry['steps'] = [{ area: 'quads', side: 'left', seconds: 60 }],
): BreakEntry {
  return {
    id: `b-${startedAt}-${activeSeconds}`,
    deviceId: 'd',
    startedAt,
    endedAt: startedAt + activeSeconds * 1000,
    activeSeconds,
    plannedSeconds: 300,
    steps,
    holdCount: 0,
    context: 'desk',
    tool: 'ball',
    completed: true,
  };
}

describe('days', () => {
  it('numbers local days consecutively and finds the Monday of a week', () => {
    expect(localDay(at(2026, 11, 25)) - localDay(at(2026, 11, 24))).toBe(1);
    expect(localDay(at(2026, 11, 25, 0))).toBe(localDay(at(2026, 11, 25, 23)));
    expect(weekStart(localDay(at(2026, 11, 25)))).toBe(localDay(at(2026, 11, 23))); // Monday
    expect(weekStart(localDay(at(2026, 11, 23)))).toBe(localDay(at(2026, 11, 23)));
    expect(weekStart(localDay(at(2026, 11, 29)))).toBe(localDay(at(2026, 11, 23))); // Sunday
    expect(dayStartTs(localDay(at(2026, 11, 25)))).toBe(new Date(2026, 10, 25).getTime());
  });

  it('starts weeks on the day the locale says: Sunday in the US, Saturday in Egypt', () => {
    const wednesday = localDay(at(2026, 11, 25));
    expect(weekStart(wednesday, 0)).toBe(localDay(at(2026, 11, 22))); // Sunday
    expect(weekStart(wednesday, 6)).toBe(localDay(at(2026, 11, 21))); // Saturday
    expect(weekStart(localDay(at(2026, 11, 22)), 0)).toBe(localDay(at(2026, 11, 22)));
    expect(weekStart(localDay(at(2026, 11, 21)), 0)).toBe(localDay(at(2026, 11, 15)));
    for (let day = -800; day < 800; day++)
      for (let first = 0; first < 7; first++) {
        const start = weekStart(day, first);
        expect(day - start).toBeGreaterThanOrEqual(0);
        expect(day - start).toBeLessThan(7);
        expect(new Date(dayStartTs(start)).getDay()).toBe(first);
      }
  });
});

describe('computeStats', () => {
  it('counts a streak of consecutive days up to today', () => {
    const log = [entry(at(2026, 11, 25)), entry(at(2026, 11, 24)), entry(at(2026, 11, 23)), entry(at(2026, 11, 21))];
    expect(computeStats(log, NOW).streak).toBe(3);
  });

  it("keeps yesterday's streak alive before today's break, and ends it after a missed day", () => {
    expect(computeStats([entry(at(2026, 11, 24)), entry(at(2026, 11, 23))], NOW).streak).toBe(2);
    expect(computeStats([entry(at(2026, 11, 23))], NOW).streak).toBe(0);
    expect(computeStats([], NOW).streak).toBe(0);
  });

  it('sums minutes this week from Monday and keeps eight weeks, oldest first', () => {
    const log = [
      entry(at(2026, 11, 23), 300),
      entry(at(2026, 11, 25), 600),
      entry(at(2026, 11, 22), 1200), // Sunday: last week
      entry(at(2026, 10, 5), 120), // 8th week back counts, 9th does not
      entry(at(2026, 9, 28), 999),
    ];
    const stats = computeStats(log, NOW);
    expect(stats.minutesThisWeek).toBe(15);
    expect(stats.weeks).toHaveLength(8);
    expect(stats.weeks.map((w) => w.minutes)).toEqual([2, 0, 0, 0, 0, 0, 20, 15]);
    expect(stats.weeks[7]!.start).toBe(localDay(at(2026, 11, 23)));
  });

  it('starts this week on Sunday where the week starts on Sunday', () => {
    const log = [entry(at(2026, 11, 23), 300), entry(at(2026, 11, 22), 1200), entry(at(2026, 11, 21), 60)];
    const stats = computeStats(log, NOW, 8, 0);
    expect(stats.minutesThisWeek).toBe(25); // Sunday 22nd and Monday 23rd
    expect(stats.weeks.at(-2)!.minutes).toBe(1); // Saturday 21st
    expect(stats.weeks[7]!.start).toBe(localDay(at(2026, 11, 22)));
  });

  it('adds up seconds per area over 7 and 30 days', () => {
    const log = [
      entry(at(2026, 11, 25), 300, [
        { area: 'quads', side: 'left', seconds: 40 },
        { area: 'quads', side: 'right', seconds: 40 },
      ]),
      entry(at(2026, 11, 10), 300, [{ area: 'calves', side: 'left', seconds: 30 }]),
      entry(at(2026, 10, 1), 300, [{ area: 'feet', side: 'left', seconds: 30 }]),
    ];
    const { coverage7, coverage30 } = computeStats(log, NOW);
    expect(coverage7.quads).toBe(80);
    expect(coverage7.calves).toBe(0);
    expect(coverage30.calves).toBe(30);
    expect(coverage30.feet).toBe(0);
  });

  it('names neglected areas only once something was rolled', () => {
    const { coverage7 } = computeStats([entry(at(2026, 11, 25))], NOW);
    expect(neglectedAreas(coverage7, ['quads', 'calves', 'feet'])).toEqual(['calves', 'feet']);
    expect(neglectedAreas(computeStats([], NOW).coverage7)).toEqual([]);
  });
});

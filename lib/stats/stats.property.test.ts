import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import { localDay, weekStart } from '../domain/days';
import type { BreakEntry } from '../log/entry';
import { rng } from '../../tests/fixtures/breaks';
import { propertyRuns } from '../../tests/unit/property-runs';
import type { ExtraDay, Stats } from './stats';
import { computeStats } from './stats';

/**
 * computeStats reads only the last weeks in full and works out older days only as far back as the streak
 * reaches (issue 23: flat costs over a lifetime of breaks). Here it must give exactly what the plain
 * definition gives, a date computation for every break, on logs of up to a few years in any order, in
 * time zones whose clocks change at 02:00, at midnight, by half an hour, or that skipped a whole day.
 */

/** The figures by their definition: every break's day, in one straightforward pass. */
function reference(
  entries: readonly BreakEntry[],
  now: number,
  weekCount: number,
  firstDay: number,
  extra: readonly ExtraDay[],
): Stats {
  const today = localDay(now);
  const firstWeek = weekStart(today, firstDay) - 7 * (weekCount - 1);
  const weekSeconds = new Array<number>(weekCount).fill(0);
  const zero = () => Object.fromEntries(AREA_IDS.map((a) => [a, 0])) as Record<AreaId, number>;
  const coverage7 = zero();
  const coverage30 = zero();
  const days = new Set<number>();
  const count = (day: number, seconds: number, areas: ReadonlyArray<{ area: AreaId; seconds: number }>) => {
    days.add(day);
    const w = (weekStart(day, firstDay) - firstWeek) / 7;
    if (w >= 0 && w < weekCount) weekSeconds[w]! += seconds;
    const age = today - day;
    if (age < 0 || age >= 30) return;
    for (const a of areas) {
      coverage30[a.area] += a.seconds;
      if (age < 7) coverage7[a.area] += a.seconds;
    }
  };
  for (const e of entries) count(localDay(e.startedAt), e.activeSeconds, e.steps);
  let extraBreaks = 0;
  for (const x of extra) {
    const [y, m, d] = x.day.split('-').map(Number) as [number, number, number];
    extraBreaks += x.count;
    count(Math.round(Date.UTC(y, m - 1, d) / 86_400_000), x.activeSeconds, x.areas);
  }
  let streak = 0;
  for (let d = days.has(today) ? today : today - 1; days.has(d); d--) streak++;
  const weeks = weekSeconds.map((s, i) => ({ start: firstWeek + i * 7, minutes: Math.round(s / 60) }));
  return {
    streak,
    minutesThisWeek: weeks[weekCount - 1]!.minutes,
    weeks,
    coverage7,
    coverage30,
    totalBreaks: entries.length + extraBreaks,
  };
}

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago', // clocks change at midnight
  'America/Havana', // at midnight too (the day starts at 01:00 in spring)
  'Australia/Lord_Howe', // by half an hour
  'Asia/Kathmandu',
  'Pacific/Apia', // 2011-12-30 never happened there
];
/** Now, between 2008 and 2030, and the days around Apia's skipped one. */
const nowArb = fc.oneof(
  fc.integer({ min: Date.UTC(2008, 0, 1), max: Date.UTC(2030, 0, 1) }),
  fc.integer({ min: Date.UTC(2011, 11, 25), max: Date.UTC(2012, 1, 20) }),
);

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  now: nowArb,
  /** Days back the log reaches (a streak can reach as far). */
  span: fc.integer({ min: 0, max: 400 }),
  /** Share of days without a break: none, now and then, often. */
  miss: fc.constantFrom(0, 0, 0.004, 0.05, 0.4),
  perDay: fc.integer({ min: 1, max: 4 }),
  order: fc.constantFrom('oldest first', 'oldest first', 'newest first', 'shuffled'),
  weekCount: fc.integer({ min: 1, max: 12 }),
  firstDay: fc.integer({ min: 0, max: 6 }),
  extra: fc.integer({ min: 0, max: 6 }),
  seed: fc.integer(),
});

function entry(startedAt: number, activeSeconds: number, area: AreaId, seconds: number): BreakEntry {
  return {
    id: `b-${startedAt}`,
    deviceId: 'd',
    startedAt,
    endedAt: startedAt + activeSeconds * 1000,
    activeSeconds,
    plannedSeconds: 300,
    steps: [{ area, side: null, seconds }],
    holdCount: 0,
    context: 'desk',
    tool: 'ball',
    completed: true,
  };
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('computeStats', () => {
  const tz = process.env.TZ;
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('gives the figures of a date computation per break, in any order and time zone, across clock changes', () => {
    let longStreaks = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        process.env.TZ = c.zone;
        const r = rng(c.seed);
        const today = new Date(c.now);
        // Local times of day, midnight and the hours around the clock changes included; a few breaks ahead of now.
        const at = (daysBack: number) =>
          new Date(
            today.getFullYear(),
            today.getMonth(),
            today.getDate() - daysBack,
            r() < 0.3 ? Math.floor(r() * 3) : Math.floor(r() * 24),
            Math.floor(r() * 60),
            Math.floor(r() * 60),
          ).getTime();
        const entries: BreakEntry[] = [];
        for (let back = c.span; back >= -2; back--) {
          if (back < 0 && r() < 0.8) continue;
          if (r() < c.miss) continue;
          const n = 1 + Math.floor(r() * c.perDay);
          const times = Array.from({ length: n }, () => at(back)).sort((a, b) => a - b);
          for (const t of times) entries.push(entry(t, Math.floor(r() * 900), AREA_IDS[Math.floor(r() * AREA_IDS.length)]!, 30));
        }
        if (c.order === 'newest first') entries.reverse();
        if (c.order === 'shuffled') entries.sort(() => r() - 0.5);
        const extra: ExtraDay[] = Array.from({ length: c.extra }, () => ({
          day: iso(new Date(at(Math.floor(r() * (c.span + 40))))),
          count: 1 + Math.floor(r() * 3),
          activeSeconds: Math.floor(r() * 900),
          areas: [{ area: AREA_IDS[Math.floor(r() * AREA_IDS.length)]!, seconds: 20 }],
        }));
        const want = reference(entries, c.now, c.weekCount, c.firstDay, extra);
        if (want.streak > 60) longStreaks++;
        expect(computeStats(entries, c.now, c.weekCount, c.firstDay, extra)).toEqual(want);
      }),
      { numRuns: propertyRuns(400) },
    );
    // Streaks reached back past the weeks read in full (the older days were worked out): not vacuous.
    expect(longStreaks).toBeGreaterThan(10);
  });
});

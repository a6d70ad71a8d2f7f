import { afterEach, describe, expect, it } from 'vitest';
import { importBreaks, readLog } from '../log/store';
import { FakeSyncCloud } from '../../tests/doubles/fake-sync-area';
import { SimDevice } from '../../tests/doubles/sim-device';
import { realisticLog } from '../../tests/fixtures/breaks';
import { computeStats } from '../stats/stats';
import { readSnapshot } from './merge';
import { foldedHistory } from './folded';
import { INACTIVE_DAYS } from './share';
import { limit } from '../../tests/unit/patience';

/**
 * Every browser shows the whole history: a browser that logged years of breaks (folding the oldest into day
 * totals in sync) and an old laptop whose breaks were archived; a new browser that only synced shows the
 * same figures as the one that logged them.
 */

const DAY = 86_400_000;
const START = new Date(2026, 5, 1, 8).getTime();
let clock = START;
const now = () => clock;
const devices: SimDevice[] = [];

afterEach(() => {
  for (const d of devices.splice(0)) d.close();
  clock = START;
});

async function device(id: string, cloud: FakeSyncCloud): Promise<SimDevice> {
  const d = await SimDevice.create(id, cloud, now);
  devices.push(d);
  return d;
}

async function figures(d: SimDevice) {
  const local = await readLog(d.db);
  const folded = foldedHistory(local, readSnapshot(d.area.snapshot()));
  return { stats: computeStats(local.entries, clock, 8, 1, folded.days), folded, held: local.entries.length };
}

describe('whole history on every browser', () => {
  it(
    'a browser that only synced shows the same breaks logged, streak, weeks and coverage as the one that logged them',
    async () => {
      const cloud = new FakeSyncCloud();
      const laptop = await device('eeee5555-0000-4000-8000-00000000000e', cloud);
      const main = await device('aaaa1111-0000-4000-8000-00000000000a', cloud);
      // An old laptop's year, then four years on the main browser up to today: far more than 100 KB.
      await importBreaks(laptop.db, realisticLog(21, laptop.deviceId, 700, START - 5 * 365 * DAY));
      for (const d of [laptop, main]) {
        await d.sync();
        cloud.propagate();
      }
      await importBreaks(
        main.db,
        realisticLog(22, main.deviceId, 4_400, START - 4 * 365 * DAY).filter((e) => e.startedAt < START),
      );
      clock += (INACTIVE_DAYS + 1) * DAY;
      for (let i = 0; i < 3; i++) {
        await main.sync();
        cloud.propagate();
      }
      const all = main.area.snapshot();
      expect(Object.keys(all).some((k) => k.startsWith('agg:aaaa1111'))).toBe(true);
      expect(Object.keys(all).some((k) => k.includes('eeee5555'))).toBe(false);

      const fresh = await device('cccc3333-0000-4000-8000-00000000000c', cloud);
      for (let i = 0; i < 2; i++) {
        await fresh.sync();
        cloud.propagate();
      }
      const logged = await figures(main);
      const synced = await figures(fresh);
      // The new browser holds fewer breaks in full, and knows the rest as day totals...
      expect(synced.held).toBeLessThan(logged.held);
      expect(synced.folded.count).toBeGreaterThan(0);
      // ...and shows the same figures.
      expect(synced.stats.totalBreaks).toBe(logged.stats.totalBreaks);
      expect(logged.stats.totalBreaks).toBe(logged.held + logged.folded.count);
      expect(synced.stats.streak).toBe(logged.stats.streak);
      expect(synced.stats.minutesThisWeek).toBe(logged.stats.minutesThisWeek);
      expect(synced.stats.weeks).toEqual(logged.stats.weeks);
      // Coverage: a synced copy keeps each area's seconds to 5 s, so within that rounding.
      for (const [area, seconds] of Object.entries(logged.stats.coverage30)) {
        expect(
          Math.abs(synced.stats.coverage30[area as keyof typeof logged.stats.coverage30] - seconds),
          area,
        ).toBeLessThanOrEqual(Math.max(30, seconds * 0.05));
      }
      console.log(
        `whole history: ${logged.stats.totalBreaks} breaks; the logging browser holds ${logged.held}, the new one ${synced.held} in full and ` +
          `${synced.folded.count} as day totals up to ${synced.folded.through}`,
      );
    },
    limit(300_000),
  );
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RATE_LIMITS, nextWriteAt, pruneWrites, recordWrites } from './rate';
import { SYNC_QUOTA } from './layout';

const T = 1_800_000_000_000;
const MIN = 60_000;
const HOUR = 3_600_000;

describe('nextWriteAt', () => {
  it('allows a write at once with no history', () => {
    expect(nextWriteAt([], T)).toBe(T);
    expect(nextWriteAt([], T, 2)).toBe(T);
    expect(nextWriteAt([], T, 0)).toBe(T);
  });

  it('stays under Chrome limits by default', () => {
    expect(DEFAULT_RATE_LIMITS.perMinute).toBeLessThan(SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE);
    expect(DEFAULT_RATE_LIMITS.perHour).toBeLessThan(SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR);
  });

  it('waits for the oldest write of a full minute to leave it', () => {
    const limits = { perMinute: 3, perHour: 100 };
    const history = [T - 50_000, T - 40_000, T - 10_000];
    expect(nextWriteAt(history, T, 1, limits)).toBe(T - 50_000 + MIN);
    expect(nextWriteAt(history, T, 2, limits)).toBe(T - 40_000 + MIN);
    expect(nextWriteAt(history, T - 50_000 + MIN, 1, limits)).toBe(T - 50_000 + MIN);
  });

  it('waits for the hour window too', () => {
    const limits = { perMinute: 100, perHour: 4 };
    const history = [T - 59 * MIN, T - 30 * MIN, T - 20 * MIN, T - 5 * MIN];
    expect(nextWriteAt(history, T, 1, limits)).toBe(T - 59 * MIN + HOUR);
  });

  it('is Infinity for a batch bigger than a limit', () => {
    expect(nextWriteAt([], T, 101)).toBe(Infinity);
  });

  it('forgets writes older than an hour and from the future', () => {
    expect(pruneWrites([T - HOUR - 1, T - HOUR + 1, T + 5], T)).toEqual([T - HOUR + 1]);
    expect(recordWrites([T - 2 * HOUR], T, 2)).toEqual([T, T]);
  });

  it('never lets a simulated writer past either limit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 2 }),
        (gaps, ops) => {
          const limits = { perMinute: 10, perHour: 40 };
          let history: number[] = [];
          let now = T;
          const log: number[] = [];
          for (const gap of gaps) {
            now += gap;
            const at = nextWriteAt(history, now, ops, limits);
            expect(at).toBeGreaterThanOrEqual(now);
            now = at;
            history = recordWrites(history, now, ops);
            for (let i = 0; i < ops; i++) log.push(now);
            const minute = log.filter((t) => t > now - MIN).length;
            const hour = log.filter((t) => t > now - HOUR).length;
            expect(minute).toBeLessThanOrEqual(limits.perMinute);
            expect(hour).toBeLessThanOrEqual(limits.perHour);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

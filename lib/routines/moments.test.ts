import { describe, expect, it } from 'vitest';
import { AREA_IDS } from '../domain/areas';
import { HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from '../session/types';
import { MAX_MINUTES, MIN_MINUTES, MOMENT_LENGTHS } from './lengths';
import { BOUT_MAX_SECONDS, BOUT_MIN_SECONDS, MAX_SETS, MOMENTS, MOMENT_IDS, PRE_DONE_KEY, momentKey } from './moments';

describe('moments', () => {
  it('has the four moments', () => {
    expect(Object.keys(MOMENTS).sort()).toEqual([...MOMENT_IDS].sort());
  });

  it('keeps every per-side range within the evidence (30–120 s) and on a 5 s grid', () => {
    expect([BOUT_MIN_SECONDS, BOUT_MAX_SECONDS, MAX_SETS]).toEqual([30, 120, 3]);
    for (const moment of MOMENT_IDS) {
      const [min, max] = MOMENTS[moment].secondsPerSide;
      expect(min).toBeGreaterThanOrEqual(30);
      expect(max).toBeLessThanOrEqual(120);
      expect(min).toBeLessThanOrEqual(max);
      for (const n of [min, max, MOMENTS[moment].moveSeconds, MOMENTS[moment].switchSeconds]) expect(n % 5).toBe(0);
    }
  });

  it('is short before a workout and at least 90 s per side after, where soreness needs it', () => {
    expect(MOMENTS.pre.secondsPerSide).toEqual([30, 60]);
    expect(MOMENTS.post.secondsPerSide).toEqual([90, 120]);
  });

  it('puts the trained muscles first only before and after a workout', () => {
    expect(MOMENT_IDS.filter((moment) => MOMENTS[moment].trainedFirst)).toEqual(['pre', 'post']);
  });

  it('caps knot holds at 20 s before a workout and 30 s otherwise, within the hold range', () => {
    expect(MOMENTS.pre.maxHoldSeconds).toBe(20);
    for (const moment of ['post', 'rest', 'desk'] as const) expect(MOMENTS[moment].maxHoldSeconds).toBe(30);
    for (const moment of MOMENT_IDS) {
      expect(MOMENTS[moment].maxHoldSeconds).toBeGreaterThanOrEqual(HOLD_MIN_SECONDS);
      expect(MOMENTS[moment].maxHoldSeconds).toBeLessThanOrEqual(HOLD_MAX_SECONDS);
    }
  });

  it('keeps desk breaks off the floor and allows the floor otherwise', () => {
    expect(MOMENTS.desk.floorAllowed).toBe(false);
    for (const moment of ['pre', 'post', 'rest'] as const) expect(MOMENTS[moment].floorAllowed).toBe(true);
  });

  it('lists known, distinct areas as priorities; desk favours the areas sitting tightens', () => {
    for (const moment of MOMENT_IDS) {
      const { priority } = MOMENTS[moment];
      expect(priority.length).toBeGreaterThan(0);
      expect(new Set(priority).size).toBe(priority.length);
      for (const area of priority) expect(AREA_IDS).toContain(area);
    }
    expect(MOMENTS.desk.priority.slice(0, 6)).toEqual(['upper-back', 'forearms', 'feet', 'upper-traps', 'chest', 'glutes']);
  });

  it("fits any single area at its minimum, both sides, in the moment's shortest break", () => {
    for (const moment of MOMENT_IDS) {
      const { secondsPerSide, moveSeconds, switchSeconds } = MOMENTS[moment];
      const largest = moveSeconds + 2 * secondsPerSide[0] + switchSeconds;
      expect(largest, moment).toBeLessThanOrEqual(MOMENT_LENGTHS[moment].min * 60);
    }
  });

  it("keeps each moment's lengths within 3–10 minutes, a pre-workout roll within 8", () => {
    for (const moment of MOMENT_IDS) {
      const { min, max, suggested } = MOMENT_LENGTHS[moment];
      expect(min).toBeGreaterThanOrEqual(MIN_MINUTES);
      expect(max).toBeLessThanOrEqual(MAX_MINUTES);
      expect(suggested).toBeGreaterThanOrEqual(min);
      expect(suggested).toBeLessThanOrEqual(max);
    }
    expect(MOMENT_LENGTHS.pre.max).toBe(8);
  });

  it('has short transitions', () => {
    for (const moment of MOMENT_IDS) {
      expect(MOMENTS[moment].moveSeconds).toBeGreaterThan(0);
      expect(MOMENTS[moment].moveSeconds).toBeLessThanOrEqual(15);
      expect(MOMENTS[moment].switchSeconds).toBeGreaterThan(0);
      expect(MOMENTS[moment].switchSeconds).toBeLessThanOrEqual(10);
    }
  });

  it('builds the i18n keys', () => {
    expect(momentKey('desk')).toBe('moment_desk');
    expect(PRE_DONE_KEY).toBe('moment_pre_done');
  });
});

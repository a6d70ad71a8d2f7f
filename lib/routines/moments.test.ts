import { describe, expect, it } from 'vitest';
import { AREAS, AREA_IDS } from './areas';
import { HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from '../session/types';
import { MIN_MINUTES } from './generate-plan';
import { MOMENTS, MOMENT_IDS, PRE_DONE_KEY, momentKey } from './moments';

describe('moments', () => {
  it('has the four moments', () => {
    expect(Object.keys(MOMENTS).sort()).toEqual([...MOMENT_IDS].sort());
  });

  it('keeps every per-side range within the evidence (30–120 s) and on a 5 s grid', () => {
    for (const moment of MOMENT_IDS) {
      const [min, max] = MOMENTS[moment].secondsPerArea;
      expect(min).toBeGreaterThanOrEqual(30);
      expect(max).toBeLessThanOrEqual(120);
      expect(min).toBeLessThanOrEqual(max);
      for (const n of [min, max, MOMENTS[moment].moveSeconds, MOMENTS[moment].switchSeconds]) expect(n % 5).toBe(0);
    }
  });

  it('is brisk before a workout and slower after', () => {
    expect(MOMENTS.pre.secondsPerArea).toEqual([30, 60]);
    expect(MOMENTS.post.secondsPerArea).toEqual([60, 120]);
    expect(MOMENTS.pre.holds).toBe('brief');
    expect(MOMENTS.post.holds).toBe('encouraged');
    expect(MOMENTS.rest.holds).toBe('long');
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

  it('fits any single area at its minimum in the shortest break', () => {
    for (const moment of MOMENT_IDS) {
      const { secondsPerArea, moveSeconds, switchSeconds } = MOMENTS[moment];
      const sided = Object.values(AREAS).some((area) => area.sided);
      const largest = moveSeconds + (sided ? 2 * secondsPerArea[0] + switchSeconds : secondsPerArea[0]);
      expect(largest).toBeLessThanOrEqual(MIN_MINUTES * 60);
    }
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

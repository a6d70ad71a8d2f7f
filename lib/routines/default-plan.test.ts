import { describe, expect, it } from 'vitest';
import { defaultPlan } from './default-plan';
import { AREAS, AREA_IDS } from './areas';

describe('defaultPlan', () => {
  const plan = defaultPlan();
  const areas = [...new Set(plan.steps.map((step) => step.area))];

  it('lasts 300 s', () => {
    expect(plan.steps.reduce((sum, step) => sum + step.seconds, 0)).toBe(300);
  });

  it('covers 4 to 6 distinct known areas', () => {
    expect(areas.length).toBeGreaterThanOrEqual(4);
    expect(areas.length).toBeLessThanOrEqual(6);
    for (const area of areas) expect(AREA_IDS).toContain(area);
  });

  it('gives every step at least 30 s', () => {
    for (const step of plan.steps) expect(step.seconds).toBeGreaterThanOrEqual(30);
  });

  it('rolls each sided area left then right, back to back, for equal times', () => {
    for (const area of areas) {
      const steps = plan.steps.filter((step) => step.area === area);
      if (AREAS[area].sided) {
        expect(steps.map((step) => step.side)).toEqual(['left', 'right']);
        expect(steps[0]!.seconds).toBe(steps[1]!.seconds);
        // Adjacent, so "switch side" can jump from one to the other.
        const left = plan.steps.indexOf(steps[0]!);
        expect(plan.steps[left + 1]).toBe(steps[1]);
      } else {
        expect(steps.map((step) => step.side)).toEqual([null]);
      }
    }
  });

  it('is a rest-time foam-roller plan', () => {
    expect(plan.moment).toBe('rest');
    expect(plan.tool).toBe('roller');
  });

  it('returns a fresh plan each time', () => {
    const a = defaultPlan();
    a.steps.pop();
    expect(defaultPlan()).toEqual(plan);
  });
});

import { describe, expect, it } from 'vitest';
import type { Plan } from '../session/types';
import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import { techniqueFor } from './catalogue';
import {
  DEFAULT_MINUTES,
  MAX_MINUTES,
  MIN_MINUTES,
  candidateOrder,
  generatePlan,
  normalizeMinutes,
  suitableAreas,
  trainedAreas,
} from './generate-plan';
import type { PlanInput } from './generate-plan';
import { lengthForMoment } from './lengths';
import { MOMENT_IDS } from './moments';
import { summarizePlan } from './plan-summary';
import { TRAINED_MUSCLES } from '../domain/trained';

const base: PlanInput = { moment: 'rest', tool: 'roller', minutes: 5, focus: [], recent: [], seed: 1 };
const DAY = 24 * 60 * 60 * 1000;

/** "kind:area:side:seconds" for every step, e.g. "move:quads:left:15". */
function compact(plan: Plan): string[] {
  return plan.steps.map((step) => `${step.kind}:${step.area}:${step.side ?? '-'}:${step.seconds}`);
}

function areasOf(plan: Plan): AreaId[] {
  return [...new Set(plan.steps.map((step) => step.area))];
}

function totalOf(plan: Plan): number {
  return plan.steps.reduce((sum, step) => sum + step.seconds, 0);
}

describe('generatePlan examples', () => {
  it('builds a 5-minute desk break with the ball: both sides of the upper back, forearms, feet, all off the floor', () => {
    const plan = generatePlan({ ...base, moment: 'desk', tool: 'ball', minutes: 5 });
    expect(plan).toMatchObject({ moment: 'desk', tool: 'ball', minutes: 5 });
    expect(compact(plan)).toEqual([
      'move:upper-back:left:15',
      'roll:upper-back:left:45',
      'switch:upper-back:right:5',
      'roll:upper-back:right:45',
      'move:forearms:left:10',
      'roll:forearms:left:40',
      'switch:forearms:right:5',
      'roll:forearms:right:40',
      'move:feet:left:10',
      'roll:feet:left:40',
      'switch:feet:right:5',
      'roll:feet:right:40',
    ]);
    expect(totalOf(plan)).toBe(300);
    for (const area of areasOf(plan)) expect(techniqueFor(area, 'ball')?.position).not.toBe('floor');
  });

  it('rolls both thighs at once where the roller technique does, and each side elsewhere', () => {
    const plan = generatePlan({ ...base, moment: 'pre', tool: 'roller', minutes: 3, trained: 'full' });
    expect(compact(plan)).toEqual([
      'move:quads:-:10',
      'roll:quads:-:55',
      'move:upper-back:left:10',
      'roll:upper-back:left:50',
      'switch:upper-back:right:5',
      'roll:upper-back:right:50',
    ]);
  });

  it('starts a post-workout legs plan with quads and hamstrings after a day of rolled legs', () => {
    const now = 100 * DAY;
    const legs = TRAINED_MUSCLES.legs.map((area) => ({ area, at: now - DAY }));
    const upper = ['upper-back', 'lats'].map((area) => ({ area: area as AreaId, at: now - 7 * DAY }));
    for (const tool of ['roller', 'ball', 'gun'] as const) {
      const plan = generatePlan({ ...base, moment: 'post', tool, minutes: 7, trained: 'legs', recent: [...legs, ...upper] });
      expect(areasOf(plan).slice(0, 2), tool).toEqual(['quads', 'hamstrings']);
    }
    // The same history with no workout in view: recency leads, and the legs wait.
    const rest = generatePlan({ ...base, moment: 'rest', minutes: 7, recent: [...legs, ...upper] });
    expect(areasOf(rest)).not.toContain('quads');
  });

  it('gives every muscle at least 90 s per side after a workout, in sets of at most 120 s', () => {
    expect(summarizePlan(generatePlan({ ...base, moment: 'post', tool: 'gun', minutes: 10, trained: 'legs' }))).toEqual([
      { area: 'quads', perSide: true, sets: 1, seconds: 90 },
      { area: 'hamstrings', perSide: true, sets: 1, seconds: 90 },
      { area: 'glutes', perSide: true, sets: 1, seconds: 90 },
    ]);
    // 5 minutes fit two both-legs rolls, not a third area at 90 s: the two get two sets each.
    const five = generatePlan({ ...base, moment: 'post', tool: 'roller', minutes: 5, trained: 'legs' });
    expect(compact(five)).toEqual([
      'move:quads:-:15',
      'roll:quads:-:65',
      'switch:quads:-:5',
      'roll:quads:-:65',
      'move:hamstrings:-:15',
      'roll:hamstrings:-:65',
      'switch:hamstrings:-:5',
      'roll:hamstrings:-:65',
    ]);
  });

  it('splits a desk break that only reaches two areas into sets instead of 140 s in one go', () => {
    const plan = generatePlan({ ...base, moment: 'desk', tool: 'roller', minutes: 10 });
    expect(summarizePlan(plan)).toEqual([
      { area: 'forearms', perSide: true, sets: 2, seconds: 70 },
      { area: 'feet', perSide: true, sets: 2, seconds: 65 },
    ]);
    // Sides alternate between sets.
    expect(plan.steps.filter((s) => s.kind === 'roll' && s.area === 'feet').map((s) => s.side)).toEqual([
      'left',
      'right',
      'left',
      'right',
    ]);
  });

  it('gives a 3-minute rest day with the upper back as focus 80 s per side, not 165 s in one go', () => {
    const plan = generatePlan({ ...base, moment: 'rest', tool: 'roller', minutes: 3, focus: ['upper-back'] });
    expect(compact(plan)).toEqual([
      'move:upper-back:left:15',
      'roll:upper-back:left:80',
      'switch:upper-back:right:5',
      'roll:upper-back:right:80',
    ]);
  });

  it('covers what was trained before a workout, and keeps the break within 8 minutes', () => {
    const plan = generatePlan({ ...base, moment: 'pre', tool: 'ball', minutes: 10, trained: 'run' });
    expect(plan.minutes).toBe(8);
    expect(totalOf(plan)).toBe(480);
    expect(areasOf(plan)).toEqual(['calves', 'quads', 'hamstrings', 'glutes']);
    for (const step of plan.steps) if (step.kind === 'roll') expect(step.seconds).toBeLessThanOrEqual(60);
  });

  it('orders desk and rest-day areas by recency, never-rolled first', () => {
    const rolled = suitableAreas('rest', 'gun').filter((area) => area !== 'lats');
    const recent = rolled.map((area, i) => ({ area, at: 10_000 + i }));
    recent.push({ area: 'quads', at: 1_000 }, { area: 'hamstrings', at: 2_000 });
    // quads and hamstrings were also rolled later: the latest time counts.
    expect(candidateOrder({ ...base, tool: 'gun', recent }).slice(0, 2)).toEqual(['lats', rolled[0]]);
  });

  it('ranks the areas a workout did not train by the moment priority, recency breaking ties', () => {
    // Everything rolled at once, long ago, except calves yesterday: after an upper-body session the legs
    // follow in the post-workout priority, calves still third.
    const recent = AREA_IDS.map((area) => ({ area, at: area === 'calves' ? 5_000 : 1 }));
    const order = candidateOrder({ ...base, moment: 'post', tool: 'gun', trained: 'upper', recent });
    expect(order.slice(0, 4)).toEqual(['lats', 'chest', 'upper-traps', 'forearms']);
    expect(order.slice(4, 7)).toEqual(['quads', 'hamstrings', 'calves']);
    // Among areas the priority does not name, the least recently rolled first.
    const tied = candidateOrder({ ...base, moment: 'pre', tool: 'ball', trained: 'upper', recent: [{ area: 'feet', at: 1 }] });
    expect(tied.indexOf('feet')).toBeGreaterThan(tied.indexOf('shins'));
  });

  it('lets the seed order the areas the moment has no preference for, reproducibly', () => {
    const recent = AREA_IDS.filter((area) => area !== 'adductors' && area !== 'shins' && area !== 'hip-flexors').map((area) => ({
      area,
      at: 1,
    }));
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed += 1) {
      const input = { ...base, moment: 'rest' as const, recent, seed };
      const order = candidateOrder(input).slice(0, 3);
      expect(order.slice().sort()).toEqual(['adductors', 'hip-flexors', 'shins']);
      expect(candidateOrder(input).slice(0, 3)).toEqual(order);
      orders.add(order.join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('puts focus areas first, in the order given, then the trained muscles, and ignores unsuitable ones', () => {
    const plan = generatePlan({
      ...base,
      moment: 'post',
      tool: 'gun',
      minutes: 10,
      trained: 'legs',
      focus: ['hip-flexors', 'calves', 'calves', 'upper-traps'],
    });
    // No gun on the hip flexors: ignored. The duplicate is dropped. Then the legs.
    expect(areasOf(plan)).toEqual(['calves', 'upper-traps', 'quads']);
  });

  it('uses what was trained only before and after a workout', () => {
    expect(trainedAreas({ moment: 'post', tool: 'roller', trained: 'upper' })).toEqual(['upper-back', 'lats', 'forearms']);
    expect(trainedAreas({ moment: 'desk', tool: 'ball', trained: 'legs' })).toEqual([]);
    expect(trainedAreas({ moment: 'rest', tool: 'ball', trained: 'legs' })).toEqual([]);
    // Unknown or absent: a full-body session.
    expect(trainedAreas({ moment: 'pre', tool: 'gun' })).toEqual(trainedAreas({ moment: 'pre', tool: 'gun', trained: 'full' }));
    expect(trainedAreas({ moment: 'pre', tool: 'gun', trained: 'yoga' as never })).toEqual(
      trainedAreas({ moment: 'pre', tool: 'gun', trained: 'full' }),
    );
  });

  it('keeps a desk break off the floor even when a floor-only area is asked for', () => {
    const plan = generatePlan({ ...base, moment: 'desk', tool: 'roller', focus: ['quads', 'feet'] });
    expect(areasOf(plan)).toEqual(['feet', 'forearms']);
    expect(suitableAreas('desk', 'roller')).toEqual(['feet', 'forearms']);
  });

  it('adds areas before stretching past the max', () => {
    // Pre-workout roller, 5 minutes: four areas at 40–45 s rather than two stretched past 60 s.
    const pre = generatePlan({ ...base, moment: 'pre', tool: 'roller', minutes: 5, trained: 'legs' });
    expect(areasOf(pre)).toEqual(['quads', 'hamstrings', 'glutes', 'calves']);
    for (const step of pre.steps) if (step.kind === 'roll') expect(step.seconds).toBeLessThanOrEqual(60);
  });

  it('gives every moment and tool at least one suitable area', () => {
    for (const moment of MOMENT_IDS) {
      for (const tool of ['roller', 'ball', 'gun'] as const) {
        expect(suitableAreas(moment, tool).length, `${moment} ${tool}`).toBeGreaterThan(0);
      }
    }
    expect(suitableAreas('desk', 'ball')).toEqual(AREA_IDS);
  });

  it('does not change its input', () => {
    const input: PlanInput = Object.freeze({
      ...base,
      focus: Object.freeze(['calves'] as AreaId[]),
      recent: Object.freeze([Object.freeze({ area: 'quads' as const, at: 3 })]),
    });
    expect(() => generatePlan(input)).not.toThrow();
  });
});

describe('one side left alone (leaveSide)', () => {
  it('rolls only the other side where the area is rolled one side at a time, and says so in the summary', () => {
    const input: PlanInput = {
      ...base,
      tool: 'ball',
      minutes: 5,
      focus: ['calves'],
      leaveSide: [{ area: 'calves', side: 'right' }],
    };
    const plan = generatePlan(input);
    const calves = plan.steps.filter((step) => step.area === 'calves');
    expect(calves.length).toBeGreaterThan(0);
    expect(calves.every((step) => step.side === 'left')).toBe(true);
    expect(totalOf(plan)).toBe(300);
    expect(summarizePlan(plan).find((dose) => dose.area === 'calves')).toMatchObject({ perSide: true, only: 'left' });
    // Both sides rolled: no `only`.
    expect(summarizePlan(generatePlan({ ...input, leaveSide: [] })).find((d) => d.area === 'calves')).not.toHaveProperty('only');
  });

  it('leaves out the whole area where the technique works both sides at once (both thighs on the roller)', () => {
    const plan = generatePlan({ ...base, tool: 'roller', focus: ['quads'], leaveSide: [{ area: 'quads', side: 'right' }] });
    expect(areasOf(plan)).not.toContain('quads');
    expect(totalOf(plan)).toBe(300);
  });

  it('leaves out the whole area when both sides are left alone', () => {
    const plan = generatePlan({
      ...base,
      tool: 'ball',
      focus: ['calves'],
      leaveSide: [
        { area: 'calves', side: 'right' },
        { area: 'calves', side: 'left' },
      ],
    });
    expect(areasOf(plan)).not.toContain('calves');
  });
});

describe('break lengths', () => {
  it('rounds and clamps to 3–10, with 5 for NaN', () => {
    expect([MIN_MINUTES, DEFAULT_MINUTES, MAX_MINUTES]).toEqual([3, 5, 10]);
    expect(normalizeMinutes(5)).toBe(5);
    expect(normalizeMinutes(4.6)).toBe(5);
    expect(normalizeMinutes(4.4)).toBe(4);
    expect(normalizeMinutes(0)).toBe(3);
    expect(normalizeMinutes(-7)).toBe(3);
    expect(normalizeMinutes(99)).toBe(10);
    expect(normalizeMinutes(Number.NaN)).toBe(5);
    expect(normalizeMinutes(Number.POSITIVE_INFINITY)).toBe(10);
    expect(normalizeMinutes(Number.NEGATIVE_INFINITY)).toBe(3);
  });

  it('keeps a pre-workout roll to 8 minutes and a post-workout roll to at least 4', () => {
    expect(normalizeMinutes(10, 'pre')).toBe(8);
    expect(normalizeMinutes(3, 'post')).toBe(4);
    expect(normalizeMinutes(3, 'desk')).toBe(3);
    expect(generatePlan({ ...base, moment: 'post', minutes: 3 }).minutes).toBe(4);
  });

  it('suggests 7 minutes after a workout, keeping a longer choice', () => {
    expect(lengthForMoment(5, 'post')).toBe(7);
    expect(lengthForMoment(9, 'post')).toBe(9);
    expect(lengthForMoment(10, 'pre')).toBe(8);
    expect(lengthForMoment(4, 'desk')).toBe(4);
  });

  it('is applied to the plan', () => {
    const plan = generatePlan({ ...base, minutes: 12.7 });
    expect(plan.minutes).toBe(10);
    expect(totalOf(plan)).toBe(600);
  });
});

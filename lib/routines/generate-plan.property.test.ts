import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Moment, Plan, Side, Tool } from '../session/types';
import type { AreaId } from './areas';
import { AREAS, AREA_IDS } from './areas';
import { techniqueFor } from './catalogue';
import type { PlanInput } from './generate-plan';
import { candidateOrder, generatePlan, normalizeMinutes, suitableAreas } from './generate-plan';
import { MOMENTS, MOMENT_IDS } from './moments';

const area = fc.constantFrom(...AREA_IDS);
const minutes = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 3, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 40 }) },
  { weight: 1, arbitrary: fc.double() },
);
/** Timestamps from a small range too, so that equal times (one break, several areas) are common. */
const at = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 42 }), fc.double());
const input: fc.Arbitrary<PlanInput> = fc.record({
  moment: fc.constantFrom<Moment>(...MOMENT_IDS),
  tool: fc.constantFrom<Tool>('roller', 'ball', 'gun'),
  minutes,
  focus: fc.array(area, { maxLength: 6 }),
  recent: fc.array(fc.record({ area, at }), { maxLength: 40 }),
  seed: fc.oneof(fc.integer(), fc.double(), fc.constant(0)),
});

/**
 * A cheap assertion for the hot properties (thousands of runs): `expect` is much slower, and fast-check
 * reports the failing input and this message either way.
 */
function check(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Block {
  area: AreaId;
  rolls: number[];
}

/**
 * Reads a plan back into its areas, failing on any step out of place: each area is `move, roll` (unsided)
 * or `move, roll left, switch, roll right` (sided), and move/switch carry the area and side that follow.
 */
function blocks(plan: Plan): Block[] {
  const out: Block[] = [];
  const steps = plan.steps;
  let i = 0;
  while (i < steps.length) {
    const move = steps[i]!;
    check(move.kind === 'move', () => `step ${i} should be a move`);
    const sided = AREAS[move.area].sided;
    const expected: Array<[string, Side | null]> = sided
      ? [
          ['move', 'left'],
          ['roll', 'left'],
          ['switch', 'right'],
          ['roll', 'right'],
        ]
      : [
          ['move', null],
          ['roll', null],
        ];
    const rolls: number[] = [];
    for (const [kind, side] of expected) {
      const step = steps[i];
      check(step, () => 'plan ends inside an area');
      check(
        step.kind === kind && step.area === move.area && step.side === side,
        () => `step ${i} is ${step.kind} ${step.area} ${step.side}, expected ${kind} ${move.area} ${side}`,
      );
      if (kind === 'roll') rolls.push(step.seconds);
      i += 1;
    }
    out.push({ area: move.area, rolls });
  }
  return out;
}

function validFocus(plan: PlanInput): AreaId[] {
  const allowed = suitableAreas(plan.moment, plan.tool);
  return [...new Set(plan.focus)].filter((a) => allowed.includes(a));
}

/** Seconds an area takes with `perSide` per roll, its move and switch included. */
function areaCost(moment: Moment, a: AreaId, perSide: number): number {
  const config = MOMENTS[moment];
  return AREAS[a].sided ? config.moveSeconds + 2 * perSide + config.switchSeconds : config.moveSeconds + perSide;
}

describe('generatePlan properties', () => {
  it('always gives a well-formed plan that lasts exactly the minutes asked for', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const plan = generatePlan(given);
        const config = MOMENTS[given.moment];
        const [min, max] = config.secondsPerArea;
        const minutesWanted = normalizeMinutes(given.minutes);
        const total = minutesWanted * 60;
        const suitable = suitableAreas(given.moment, given.tool);

        // The plan's identity.
        check(plan.moment === given.moment && plan.tool === given.tool, () => 'moment or tool changed');
        check(Number.isInteger(plan.minutes) && plan.minutes >= 3 && plan.minutes <= 10, () => 'minutes out of range');
        check(plan.minutes === minutesWanted, () => `minutes ${plan.minutes}, expected ${minutesWanted}`);

        // Exact total, whole positive seconds.
        const sum = plan.steps.reduce((acc, step) => acc + step.seconds, 0);
        check(sum === total, () => `steps add up to ${sum}, expected ${total}`);
        for (const step of plan.steps) {
          check(Number.isInteger(step.seconds) && step.seconds > 0, () => `step of ${step.seconds} s`);
        }

        // Shape: sided areas both sides back to back with a switch between; each area once; at least one.
        const parsed = blocks(plan);
        const chosen = parsed.map((b) => b.area);
        check(parsed.length > 0, () => 'no area');
        check(new Set(chosen).size === chosen.length, () => `an area twice: ${chosen.join()}`);
        for (const b of parsed) {
          const [left, right] = b.rolls;
          check(right === undefined || Math.abs(left! - right) <= 5, () => `${b.area}: sides ${left} and ${right}`);
          for (const seconds of b.rolls) {
            check(seconds >= 30 && seconds >= min, () => `${b.area}: roll of ${seconds} s`);
          }
        }

        // Transitions: the moment's lengths; only the first move may take up to 5 s of leftover.
        plan.steps.forEach((step, i) => {
          if (step.kind === 'switch') check(step.seconds === config.switchSeconds, () => `switch of ${step.seconds}`);
          if (step.kind === 'move' && i > 0) check(step.seconds === config.moveSeconds, () => `move of ${step.seconds}`);
        });
        const extra = plan.steps[0]!.seconds - config.moveSeconds;
        check(extra >= 0 && extra <= 5, () => `first move of ${plan.steps[0]!.seconds}`);

        // Only catalogue pairs the moment allows: never the floor at the desk.
        for (const a of chosen) {
          const technique = techniqueFor(a, given.tool);
          check(technique, () => `${a} has no ${given.tool} technique`);
          check(given.moment !== 'desk' || technique.position !== 'floor', () => `${a} on the floor at the desk`);
          check(suitable.includes(a), () => `${a} unsuitable`);
        }

        // No more areas than fit: each needs its minimum.
        const used = chosen.reduce((acc, a) => acc + areaCost(given.moment, a, min), 0);
        check(used <= total, () => `areas need ${used} s at their minimum`);

        // Rolls go past the max only when no further suitable area would fit at its minimum.
        if (parsed.some((b) => b.rolls.some((seconds) => seconds > max))) {
          for (const other of suitable) {
            check(
              chosen.includes(other) || used + areaCost(given.moment, other, min) > total,
              () => `stretched past ${max} s though ${other} would fit`,
            );
          }
        }

        // Focus first: the valid focus areas lead, in the order given, the first always, all if they fit.
        const focus = validFocus(given);
        check(focus.length === 0 || chosen[0] === focus[0], () => `first area ${chosen[0]}, focus ${focus.join()}`);
        const focusedInPlan = chosen.filter((a) => focus.includes(a));
        check(same(chosen.slice(0, focusedInPlan.length), focusedInPlan), () => `focus not first: ${chosen.join()}`);
        check(same(focusedInPlan, focus.filter((a) => focusedInPlan.includes(a))), () => 'focus out of order');
        const focusTarget = focus.reduce((acc, a) => {
          const perSide = Math.min(max, Math.max(min, techniqueFor(a, given.tool)!.secondsPerSide));
          return acc + areaCost(given.moment, a, perSide);
        }, 0);
        check(focusTarget > total || same(focusedInPlan, focus), () => `focus ${focus.join()} fits but was cut`);

        // The plan follows the candidate order (focus, then least recently rolled, priority, seed).
        const order = candidateOrder(given);
        const positions = chosen.map((a) => order.indexOf(a));
        check(
          positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)),
          () => `plan ${chosen.join()} not in candidate order ${order.join()}`,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic and leaves its input alone', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const copy = structuredClone(given);
        const first = generatePlan(given);
        expect(given).toEqual(copy);
        expect(generatePlan(copy)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it('orders candidates focus first, then never rolled, then oldest, with the priority among equals', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const order = candidateOrder(given);
        const focus = validFocus(given);
        expect(order.slice(0, focus.length)).toEqual(focus);
        expect([...order].sort()).toEqual(suitableAreas(given.moment, given.tool).sort());

        const last = new Map<AreaId, number>();
        for (const entry of given.recent) {
          if (Number.isFinite(entry.at)) last.set(entry.area, Math.max(last.get(entry.area) ?? -Infinity, entry.at));
        }
        const priority = MOMENTS[given.moment].priority;
        const rank = (a: AreaId) => (priority.includes(a) ? priority.indexOf(a) : priority.length);
        const rest = order.slice(focus.length);
        for (let i = 1; i < rest.length; i += 1) {
          const a = rest[i - 1]!;
          const b = rest[i]!;
          const la = last.get(a) ?? -Infinity;
          const lb = last.get(b) ?? -Infinity;
          expect(la).toBeLessThanOrEqual(lb);
          if (la === lb) expect(rank(a)).toBeLessThanOrEqual(rank(b));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('rolls the least recently rolled suitable area first when there is no focus (bar one that would stretch)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const plan = generatePlan({ ...given, focus: [] });
        const first = plan.steps[0]!.area;
        const order = candidateOrder({ ...given, focus: [] });
        // The very first candidate, unless it is the unsided upper back passed over to avoid stretching.
        if (first !== order[0]) {
          expect(order[0]).toBe('upper-back');
          expect(first).toBe(order[1]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import type { Moment, Plan, Side, Tool } from '../session/types';
import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import { rollsPerSet } from './catalogue';
import type { PlanInput } from './generate-plan';
import { suitableAreas } from './generate-plan';
import { MOMENTS, MOMENT_IDS } from './moments';
import type { Trained } from '../domain/trained';
import { TRAINED_IDS, TRAINED_MUSCLES, alternateHalves } from '../domain/trained';

/* Arbitraries and readers shared by the plan generator's property tests. */

export const area = fc.constantFrom(...AREA_IDS);
const minutes = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 3, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 40 }) },
  { weight: 1, arbitrary: fc.double() },
);
/** Timestamps from a small range too, so that equal times (one break, several areas) are common. */
export const at = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 42 }), fc.double());
/** What was trained: every kind, none given, and a value another version might have stored. */
const trained = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Trained | undefined>(...TRAINED_IDS, undefined) },
  { weight: 1, arbitrary: fc.constant('yoga' as Trained) },
);
export const input: fc.Arbitrary<PlanInput> = fc.record({
  moment: fc.constantFrom<Moment>(...MOMENT_IDS),
  tool: fc.constantFrom<Tool>('roller', 'ball', 'gun'),
  minutes,
  focus: fc.array(area, { maxLength: 6 }),
  trained,
  recent: fc.array(fc.record({ area, at }), { maxLength: 40 }),
  seed: fc.oneof(fc.integer(), fc.double(), fc.constant(0)),
  // The knot map and check-ins (tender areas) and the areas left alone (injuries, or resting after "worse").
  tender: fc.option(fc.array(area, { maxLength: 6 }), { nil: undefined }),
  leaveOut: fc.option(fc.array(area, { maxLength: 4 }), { nil: undefined }),
  // One side left alone (an injured right calf); both sides of one area now and then.
  leaveSide: fc.option(fc.array(fc.record({ area, side: fc.constantFrom<Side>('left', 'right') }), { maxLength: 4 }), {
    nil: undefined,
  }),
});

/**
 * Every area a plan may not include, written from the rule rather than from the generator: those left out,
 * and those with a side left alone where the tool works both sides at once (or both sides are left alone).
 */
export function leftOut(given: PlanInput): AreaId[] {
  const sides = given.leaveSide ?? [];
  const whole = sides.filter(
    (s) => rollsPerSet(s.area, given.tool) === 1 || sides.some((o) => o.area === s.area && o.side !== s.side),
  );
  return [...(given.leaveOut ?? []), ...whole.map((s) => s.area)];
}

/** The side left alone on an area the plan still rolls, one side only; undefined when both sides are rolled. */
export function skippedSide(given: PlanInput, a: AreaId): Side | undefined {
  if (leftOut(given).includes(a)) return undefined;
  return (given.leaveSide ?? []).find((s) => s.area === a)?.side;
}

/** Rolls per set of an area in this plan: 1 for both legs at once or for one side left alone. */
export function rollsIn(given: PlanInput, a: AreaId): 1 | 2 {
  return skippedSide(given, a) === undefined ? rollsPerSet(a, given.tool) : 1;
}

/**
 * A cheap assertion for the hot properties (thousands of runs): `expect` is much slower, and fast-check
 * reports the failing input and this message either way.
 */
export function check(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

export const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface Block {
  area: AreaId;
  /** Seconds of each roll, in order. */
  rolls: number[];
  sides: Array<Side | null>;
  /** Seconds of the area's 'move' step. */
  move: number;
}

/**
 * Reads a plan back into its areas, failing on any step out of place: each area is a 'move', then its
 * rolls with a 'switch' between any two; the move and switch carry the area and side of the roll that
 * follows. Written independently of the generator, so it checks the shape rather than repeating it.
 */
export function blocks(plan: Plan): Block[] {
  const out: Block[] = [];
  const steps = plan.steps;
  let i = 0;
  while (i < steps.length) {
    const move = steps[i]!;
    check(move.kind === 'move', () => `step ${i} should be a move`);
    const block: Block = { area: move.area, rolls: [], sides: [], move: move.seconds };
    i += 1;
    let expectRoll = true;
    while (i < steps.length && steps[i]!.kind !== 'move') {
      const step = steps[i]!;
      check(step.area === move.area, () => `step ${i} is ${step.area} inside ${move.area}`);
      check(step.kind === (expectRoll ? 'roll' : 'switch'), () => `step ${i} is a ${step.kind}`);
      if (step.kind === 'roll') {
        block.rolls.push(step.seconds);
        block.sides.push(step.side);
      } else {
        check(steps[i + 1]?.side === step.side, () => `switch ${i} names another side than the roll after it`);
      }
      expectRoll = !expectRoll;
      i += 1;
    }
    check(!expectRoll, () => `${move.area} ends without a roll`);
    check(block.sides[0] === move.side, () => `the move of ${move.area} names another side than its first roll`);
    out.push(block);
  }
  return out;
}

export function validFocus(plan: PlanInput): AreaId[] {
  const allowed = suitableAreas(plan.moment, plan.tool).filter((a) => !leftOut(plan).includes(a));
  return [...new Set(plan.focus)].filter((a) => allowed.includes(a));
}

/** The trained muscles that lead a plan: before and after a workout only, those the tool has, in list order. */
export function expectedTrained(given: PlanInput): AreaId[] {
  if (given.moment !== 'pre' && given.moment !== 'post') return [];
  const kind = TRAINED_IDS.includes(given.trained as Trained) ? given.trained! : 'full';
  const allowed = suitableAreas(given.moment, given.tool).filter((a) => !leftOut(given).includes(a));
  const reachable = TRAINED_MUSCLES[kind].filter((a) => allowed.includes(a));
  return kind === 'full' ? alternateHalves(reachable) : reachable;
}

/** Seconds an area takes at `perSide` in a single set, its move and switch included (`rolls`: 1 for one side only). */
export function areaCost(moment: Moment, tool: Tool, a: AreaId, perSide: number, rolls = rollsPerSet(a, tool)): number {
  const config = MOMENTS[moment];
  return rolls === 2 ? config.moveSeconds + 2 * perSide + config.switchSeconds : config.moveSeconds + perSide;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Moment, Plan, Side, Tool } from '../session/types';
import type { AreaId } from './areas';
import { AREA_IDS } from './areas';
import { rollsPerSet, techniqueFor } from './catalogue';
import type { PlanInput } from './generate-plan';
import { candidateOrder, generatePlan, normalizeMinutes, suitableAreas, trainedAreas } from './generate-plan';
import { MOMENT_LENGTHS } from './lengths';
import { BOUT_MAX_SECONDS, BOUT_MIN_SECONDS, MAX_SETS, MOMENTS, MOMENT_IDS } from './moments';
import type { Trained } from './trained';
import { TRAINED_IDS, TRAINED_MUSCLES } from './trained';

const area = fc.constantFrom(...AREA_IDS);
const minutes = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 3, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 40 }) },
  { weight: 1, arbitrary: fc.double() },
);
/** Timestamps from a small range too, so that equal times (one break, several areas) are common. */
const at = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 42 }), fc.double());
/** What was trained: every kind, none given, and a value another version might have stored. */
const trained = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Trained | undefined>(...TRAINED_IDS, undefined) },
  { weight: 1, arbitrary: fc.constant('yoga' as Trained) },
);
const input: fc.Arbitrary<PlanInput> = fc.record({
  moment: fc.constantFrom<Moment>(...MOMENT_IDS),
  tool: fc.constantFrom<Tool>('roller', 'ball', 'gun'),
  minutes,
  focus: fc.array(area, { maxLength: 6 }),
  trained,
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
function blocks(plan: Plan): Block[] {
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

function validFocus(plan: PlanInput): AreaId[] {
  const allowed = suitableAreas(plan.moment, plan.tool);
  return [...new Set(plan.focus)].filter((a) => allowed.includes(a));
}

/** The trained muscles that lead a plan: before and after a workout only, those the tool has, in list order. */
function expectedTrained(given: PlanInput): AreaId[] {
  if (given.moment !== 'pre' && given.moment !== 'post') return [];
  const kind = TRAINED_IDS.includes(given.trained as Trained) ? given.trained! : 'full';
  const allowed = suitableAreas(given.moment, given.tool);
  return TRAINED_MUSCLES[kind].filter((a) => allowed.includes(a));
}

/** Seconds an area takes at `perSide` in a single set, its move and switch included. */
function areaCost(moment: Moment, tool: Tool, a: AreaId, perSide: number): number {
  const config = MOMENTS[moment];
  return rollsPerSet(a, tool) === 2 ? config.moveSeconds + 2 * perSide + config.switchSeconds : config.moveSeconds + perSide;
}

describe('generatePlan properties (moment × tool × length × focus × trained × history)', () => {
  it('keeps every dose inside the evidence and lasts exactly the minutes asked for', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const plan = generatePlan(given);
        const config = MOMENTS[given.moment];
        const [min, max] = config.secondsPerSide;
        const minutesWanted = normalizeMinutes(given.minutes, given.moment);
        const total = minutesWanted * 60;
        const suitable = suitableAreas(given.moment, given.tool);
        const { min: shortest, max: longest } = MOMENT_LENGTHS[given.moment];

        // The plan's identity, and a length within the moment's range.
        check(plan.moment === given.moment && plan.tool === given.tool, () => 'moment or tool changed');
        check(plan.minutes === minutesWanted, () => `minutes ${plan.minutes}, expected ${minutesWanted}`);
        check(plan.minutes >= shortest && plan.minutes <= longest, () => `${plan.minutes} min at ${given.moment}`);

        // Exact total, whole positive seconds.
        const sum = plan.steps.reduce((acc, step) => acc + step.seconds, 0);
        check(sum === total, () => `steps add up to ${sum}, expected ${total}`);
        for (const step of plan.steps) {
          check(Number.isInteger(step.seconds) && step.seconds > 0, () => `step of ${step.seconds} s`);
        }

        const parsed = blocks(plan);
        const chosen = parsed.map((b) => b.area);
        check(parsed.length > 0, () => 'no area');
        check(new Set(chosen).size === chosen.length, () => `an area twice: ${chosen.join()}`);
        for (const b of parsed) {
          // Sided areas are sided: left and right in turn, as often each; both legs at once only where
          // the technique rolls both legs.
          const twoSided = rollsPerSet(b.area, given.tool) === 2;
          const pattern: Array<Side | null> = twoSided ? ['left', 'right'] : [null];
          check(
            b.sides.every((side, i) => side === pattern[i % pattern.length]) && b.sides.length % pattern.length === 0,
            () => `${b.area}: sides ${b.sides.join()}`,
          );
          check(twoSided || techniqueFor(b.area, given.tool)?.bothLegs, () => `${b.area} rolled without sides`);
          // Every bout 30–120 s; equal sets, only as many as the dose needs, at most three.
          const sets = b.rolls.length / pattern.length;
          const perSide = b.rolls.slice(0, sets * pattern.length).filter((_, i) => i % pattern.length === 0);
          const totalPerSide = perSide.reduce((acc, s) => acc + s, 0);
          for (const seconds of b.rolls) {
            check(seconds >= BOUT_MIN_SECONDS && seconds <= BOUT_MAX_SECONDS, () => `${b.area}: bout of ${seconds} s`);
            check(seconds === b.rolls[0], () => `${b.area}: unequal sets ${b.rolls.join()}`);
          }
          check(sets <= MAX_SETS && sets === Math.ceil(totalPerSide / BOUT_MAX_SECONDS), () => `${b.area}: ${sets} sets of ${perSide[0]} s`);
          // Never under the moment's dose: after a workout at least 90 s per side (or both legs at once).
          check(totalPerSide >= min, () => `${b.area}: ${totalPerSide} s per side, under ${min}`);
          if (given.moment === 'post') check(totalPerSide >= 90, () => `${b.area}: ${totalPerSide} s per side after a workout`);
        }

        // Transitions: the moment's lengths; moves take the few seconds no roll could, at most 30 in all.
        for (const step of plan.steps) {
          if (step.kind === 'switch') check(step.seconds === config.switchSeconds, () => `switch of ${step.seconds}`);
          if (step.kind === 'move') check(step.seconds >= config.moveSeconds, () => `move of ${step.seconds}`);
        }
        const extra = parsed.reduce((acc, b) => acc + b.move - config.moveSeconds, 0);
        check(extra <= 30, () => `${extra} s of extra get-ready time`);

        // A pre-workout break ends within 10 minutes of training: its first roll starts at most 8 minutes
        // before its end, leaving 2 minutes to get from the roller to the first set.
        if (given.moment === 'pre') check(total - plan.steps[0]!.seconds <= 8 * 60, () => `pre-workout rolls over ${total} s`);

        // Only catalogue pairs the moment allows: never the floor at the desk.
        for (const a of chosen) {
          const technique = techniqueFor(a, given.tool);
          check(technique, () => `${a} has no ${given.tool} technique`);
          check(given.moment !== 'desk' || technique.position !== 'floor', () => `${a} on the floor at the desk`);
          check(suitable.includes(a), () => `${a} unsuitable`);
        }

        // Fewer areas rather than under-dosed ones: each area needs its minimum, and they fit.
        const used = chosen.reduce((acc, a) => acc + areaCost(given.moment, given.tool, a, min), 0);
        check(used <= total, () => `areas need ${used} s at their minimum`);

        // Doses go past the moment's max only when no further suitable area would fit at its minimum.
        if (parsed.some((b) => b.rolls.length > (rollsPerSet(b.area, given.tool) === 2 ? 2 : 1) || b.rolls.some((s) => s > max))) {
          for (const other of suitable) {
            check(
              chosen.includes(other) || used + areaCost(given.moment, given.tool, other, min) > total,
              () => `stretched past ${max} s though ${other} would fit`,
            );
          }
        }

        // Purpose first: the valid focus areas in the order given, then (before and after a workout) the
        // trained muscles in their order, then the rest. The first of them is always in the plan.
        const focus = validFocus(given);
        const leading = [...focus, ...expectedTrained(given).filter((a) => !focus.includes(a))];
        check(leading.length === 0 || chosen[0] === leading[0], () => `first area ${chosen[0]}, expected ${leading[0]}`);
        const leadingInPlan = chosen.filter((a) => leading.includes(a));
        check(same(chosen.slice(0, leadingInPlan.length), leadingInPlan), () => `purpose not first: ${chosen.join()}`);
        check(same(leadingInPlan, leading.filter((a) => leadingInPlan.includes(a))), () => `leading areas out of order: ${chosen.join()}`);
        const focusTarget = focus.reduce((acc, a) => {
          const perSide = Math.min(max, Math.max(min, techniqueFor(a, given.tool)!.secondsPerSide));
          return acc + areaCost(given.moment, given.tool, a, perSide);
        }, 0);
        check(focusTarget > total || focus.every((a) => chosen.includes(a)), () => `focus ${focus.join()} fits but was cut`);

        // The plan follows the candidate order.
        const order = candidateOrder(given);
        const positions = chosen.map((a) => order.indexOf(a));
        check(
          positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)),
          () => `plan ${chosen.join()} not in candidate order ${order.join()}`,
        );
      }),
      { numRuns: 4000 },
    );
  });

  it('covers the trained muscles whatever was rolled lately, before and after a workout', { timeout: 120_000 }, () => {
    const workout = input.map((given) => ({ ...given, moment: given.moment === 'rest' ? 'post' : given.moment === 'desk' ? 'pre' : given.moment }) as PlanInput);
    fc.assert(
      fc.property(workout, fc.array(fc.record({ area, at }), { maxLength: 40 }), (given, otherHistory) => {
        const leading = new Set([...given.focus, ...trainedAreas(given)]);
        const purpose = (plan: Plan) => blocks(plan).filter((b) => leading.has(b.area)).map((b) => b.area);
        const withHistory = purpose(generatePlan(given));
        check(withHistory.length > 0, () => 'no trained muscle or focus area in the plan');
        check(same(withHistory, purpose(generatePlan({ ...given, recent: [] }))), () => 'history changed the trained muscles');
        check(same(withHistory, purpose(generatePlan({ ...given, recent: otherHistory }))), () => 'history changed the trained muscles');
        // Without focus, the first trained muscle the tool has leads the plan.
        const first = generatePlan({ ...given, focus: [] }).steps[0]!.area;
        check(first === trainedAreas(given)[0], () => `plan starts with ${first}`);
      }),
      { numRuns: 2000 },
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

  it('orders candidates: focus, trained, then recency (desk, rest) or priority (workouts) with the other breaking ties', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const order = candidateOrder(given);
        const focus = validFocus(given);
        const trainedFirst = expectedTrained(given).filter((a) => !focus.includes(a));
        expect(order.slice(0, focus.length + trainedFirst.length)).toEqual([...focus, ...trainedFirst]);
        expect([...order].sort()).toEqual(suitableAreas(given.moment, given.tool).sort());

        const last = new Map<AreaId, number>();
        for (const entry of given.recent) {
          if (Number.isFinite(entry.at)) last.set(entry.area, Math.max(last.get(entry.area) ?? -Infinity, entry.at));
        }
        const priority = MOMENTS[given.moment].priority;
        const rank = (a: AreaId) => (priority.includes(a) ? priority.indexOf(a) : priority.length);
        const rest = order.slice(focus.length + trainedFirst.length);
        for (let i = 1; i < rest.length; i += 1) {
          const a = rest[i - 1]!;
          const b = rest[i]!;
          const la = last.get(a) ?? -Infinity;
          const lb = last.get(b) ?? -Infinity;
          if (MOMENTS[given.moment].trainedFirst) {
            expect(rank(a)).toBeLessThanOrEqual(rank(b));
            if (rank(a) === rank(b)) expect(la).toBeLessThanOrEqual(lb);
          } else {
            expect(la).toBeLessThanOrEqual(lb);
            if (la === lb) expect(rank(a)).toBeLessThanOrEqual(rank(b));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('starts a desk or rest-day break with the least recently rolled area when there is no focus', { timeout: 60_000 }, () => {
    const everyday = input.filter((given) => given.moment === 'desk' || given.moment === 'rest');
    fc.assert(
      fc.property(everyday, (given) => {
        const plan = generatePlan({ ...given, focus: [] });
        const order = candidateOrder({ ...given, focus: [] });
        expect(plan.steps[0]!.area).toBe(order[0]);
      }),
      { numRuns: 1000 },
    );
  });
});

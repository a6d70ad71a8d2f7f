import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../session/types';
import type { AreaId } from '../domain/areas';
import { rollsPerSet, techniqueFor } from './catalogue';
import { NoAreaLeftError, candidateOrder, generatePlan, normalizeMinutes, suitableAreas } from './generate-plan';
import { MOMENT_LENGTHS } from './lengths';
import { BOUT_MAX_SECONDS, BOUT_MIN_SECONDS, MAX_SETS, MOMENTS } from './moments';
import {
  areaCost,
  blocks,
  check,
  expectedTrained,
  input,
  leftOut,
  rollsIn,
  same,
  skippedSide,
  validFocus,
} from './plan-arbitraries';
import { propertyRuns } from '../../tests/unit/property-runs';
import { limit } from '../../tests/unit/patience';

function throwsNoArea(make: () => unknown): boolean {
  try {
    make();
    return false;
  } catch (err) {
    return err instanceof NoAreaLeftError;
  }
}

describe('generatePlan properties (moment × tool × length × focus × trained × history)', () => {
  it('keeps every dose inside the evidence and lasts exactly the minutes asked for', { timeout: limit(120_000) }, () => {
    fc.assert(
      fc.property(input, (given) => {
        const leaveOut = leftOut(given);
        const reachable = suitableAreas(given.moment, given.tool).filter((a) => !leaveOut.includes(a));
        // Every area the tool can reach is left alone: no plan at all, never one with such an area.
        if (reachable.length === 0) {
          check(
            throwsNoArea(() => generatePlan(given)),
            () => 'a plan although every area is left alone',
          );
          return;
        }
        const plan = generatePlan(given);
        const config = MOMENTS[given.moment];
        const [min, max] = config.secondsPerSide;
        const minutesWanted = normalizeMinutes(given.minutes, given.moment);
        const total = minutesWanted * 60;
        const suitable = reachable;
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
          // the technique rolls both legs; only the other side where one side is left alone.
          const twoSided = rollsPerSet(b.area, given.tool) === 2;
          const skipped = skippedSide(given, b.area);
          const pattern: Array<Side | null> = skipped
            ? [skipped === 'left' ? 'right' : 'left']
            : twoSided
              ? ['left', 'right']
              : [null];
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
          check(
            sets <= MAX_SETS && sets === Math.ceil(totalPerSide / BOUT_MAX_SECONDS),
            () => `${b.area}: ${sets} sets of ${perSide[0]} s`,
          );
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
        // (With areas left alone, too few may be left to fill a long break: then the moves take the rest.)
        if (leaveOut.length === 0) check(extra <= 30, () => `${extra} s of extra get-ready time`);

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
        const cost = (a: AreaId, perSide: number) => areaCost(given.moment, given.tool, a, perSide, rollsIn(given, a));
        const used = chosen.reduce((acc, a) => acc + cost(a, min), 0);
        check(used <= total, () => `areas need ${used} s at their minimum`);

        // Doses go past the moment's max only when no further suitable area would fit at its minimum.
        if (parsed.some((b) => b.rolls.length > rollsIn(given, b.area) || b.rolls.some((s) => s > max))) {
          for (const other of suitable) {
            check(
              chosen.includes(other) || used + cost(other, min) > total,
              () => `stretched past ${max} s though ${other} would fit`,
            );
          }
        }

        // Purpose first: the valid focus areas in the order given, then (before and after a workout) the
        // trained muscles in their order, then the rest. The first of them is always in the plan.
        const order = candidateOrder(given);
        const focus = validFocus(given);
        const leading = [...focus, ...expectedTrained(given).filter((a) => !focus.includes(a))];
        check(leading.length === 0 || chosen[0] === leading[0], () => `first area ${chosen[0]}, expected ${leading[0]}`);
        const leadingInPlan = chosen.filter((a) => leading.includes(a));
        check(same(chosen.slice(0, leadingInPlan.length), leadingInPlan), () => `purpose not first: ${chosen.join()}`);
        check(
          same(
            leadingInPlan,
            leading.filter((a) => leadingInPlan.includes(a)),
          ),
          () => `leading areas out of order: ${chosen.join()}`,
        );
        const tender = new Set(given.tender ?? []);
        const focusTarget = focus.reduce((acc, a) => {
          const perSide = Math.min(max, Math.max(min, techniqueFor(a, given.tool)!.secondsPerSide));
          return acc + cost(a, perSide);
        }, 0);
        check(focusTarget > total || focus.every((a) => chosen.includes(a)), () => `focus ${focus.join()} fits but was cut`);

        // Never an area left alone, whatever the focus, the workout or the history.
        for (const a of chosen) check(!leaveOut.includes(a), () => `${a} is left alone but in the plan`);

        // After the purpose, the tender areas (Knot presses, "same" lately) before the others.
        const restOrder = order.filter((a) => !leading.includes(a));
        const firstPlainInOrder = restOrder.findIndex((a) => !tender.has(a));
        check(
          firstPlainInOrder < 0 || restOrder.slice(firstPlainInOrder).every((a) => !tender.has(a)),
          () => `tender areas not first among the rest: ${restOrder.join()}`,
        );

        // The plan follows the candidate order.
        const positions = chosen.map((a) => order.indexOf(a));
        check(
          positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)),
          () => `plan ${chosen.join()} not in candidate order ${order.join()}`,
        );
      }),
      { numRuns: propertyRuns(4000) },
    );
  });

  it('is deterministic and leaves its input alone', { timeout: limit(60_000) }, () => {
    fc.assert(
      fc.property(input, (given) => {
        if (suitableAreas(given.moment, given.tool).every((a) => leftOut(given).includes(a))) return;
        const copy = structuredClone(given);
        const first = generatePlan(given);
        expect(given).toEqual(copy);
        expect(generatePlan(copy)).toEqual(first);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});

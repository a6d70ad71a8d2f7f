import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../session/types';
import type { AreaId } from '../domain/areas';
import { candidateOrder, generatePlan, suitableAreas, trainedAreas, type PlanInput } from './generate-plan';
import { MOMENTS } from './moments';
import { area, at, blocks, check, expectedTrained, input, leftOut, same, validFocus } from './plan-arbitraries';
import { propertyRuns } from '../../tests/unit/property-runs';
import { limit } from '../../tests/unit/patience';

describe('plan order properties (focus, trained muscles, history)', () => {
  it('covers the trained muscles whatever was rolled lately, before and after a workout', { timeout: limit(120_000) }, () => {
    // Whatever the knot map and check-ins say (tender areas); areas left alone have their own property.
    const workout = input.map(
      (given) =>
        ({
          ...given,
          leaveOut: undefined,
          leaveSide: undefined,
          moment: given.moment === 'rest' ? 'post' : given.moment === 'desk' ? 'pre' : given.moment,
        }) as PlanInput,
    );
    fc.assert(
      fc.property(workout, fc.array(fc.record({ area, at }), { maxLength: 40 }), (given, otherHistory) => {
        const leading = new Set([...given.focus, ...trainedAreas(given)]);
        const purpose = (plan: Plan) =>
          blocks(plan)
            .filter((b) => leading.has(b.area))
            .map((b) => b.area);
        const withHistory = purpose(generatePlan(given));
        check(withHistory.length > 0, () => 'no trained muscle or focus area in the plan');
        check(same(withHistory, purpose(generatePlan({ ...given, recent: [] }))), () => 'history changed the trained muscles');
        check(
          same(withHistory, purpose(generatePlan({ ...given, recent: otherHistory }))),
          () => 'history changed the trained muscles',
        );
        check(
          same(withHistory, purpose(generatePlan({ ...given, tender: otherHistory.map((h) => h.area) }))),
          () => 'knots changed the trained muscles',
        );
        // Without focus, the first trained muscle the tool has leads the plan.
        const first = generatePlan({ ...given, focus: [] }).steps[0]!.area;
        check(first === trainedAreas(given)[0], () => `plan starts with ${first}`);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it(
    'orders candidates: focus, trained, then recency (desk, rest) or priority (workouts) with the other breaking ties',
    { timeout: limit(60_000) },
    () => {
      fc.assert(
        fc.property(input, (given) => {
          const order = candidateOrder(given);
          const focus = validFocus(given);
          const trainedFirst = expectedTrained(given).filter((a) => !focus.includes(a));
          expect(order.slice(0, focus.length + trainedFirst.length)).toEqual([...focus, ...trainedFirst]);
          expect([...order].sort()).toEqual(
            suitableAreas(given.moment, given.tool)
              .filter((a) => !leftOut(given).includes(a))
              .sort(),
          );
          const tender = new Set(given.tender ?? []);

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
            // Tender areas (Knot presses, "same" lately) come first among the rest; each group is ordered as before.
            expect(tender.has(a) || !tender.has(b)).toBe(true);
            if (tender.has(a) !== tender.has(b)) continue;
            if (MOMENTS[given.moment].trainedFirst) {
              expect(rank(a)).toBeLessThanOrEqual(rank(b));
              if (rank(a) === rank(b)) expect(la).toBeLessThanOrEqual(lb);
            } else {
              expect(la).toBeLessThanOrEqual(lb);
              if (la === lb) expect(rank(a)).toBeLessThanOrEqual(rank(b));
            }
          }
        }),
        { numRuns: propertyRuns(1000) },
      );
    },
  );

  it('never includes an area left alone, and the trained muscles left lead the plan', { timeout: limit(60_000) }, () => {
    fc.assert(
      fc.property(input, fc.array(area, { minLength: 1, maxLength: 5 }), (given, leaveOut) => {
        // Left alone: the areas given here, and those whose sides are left alone as the rule says (both sides,
        // or one side where the tool works both at once).
        const alone = leftOut({ ...given, leaveOut });
        const reachable = suitableAreas(given.moment, given.tool).filter((a) => !alone.includes(a));
        if (reachable.length === 0) return;
        const plan = generatePlan({ ...given, focus: [...given.focus, ...leaveOut], leaveOut });
        check(
          plan.steps.every((s) => !alone.includes(s.area)),
          () => `left-alone area in ${plan.steps.map((s) => s.area).join()}`,
        );
        const trained = expectedTrained({ ...given, leaveOut });
        const focus = validFocus({ ...given, leaveOut });
        if (focus.length === 0 && trained.length > 0)
          check(plan.steps[0]!.area === trained[0], () => `plan starts with ${plan.steps[0]!.area}`);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it(
    'starts a desk or rest-day break with the least recently rolled area when there is no focus',
    { timeout: limit(60_000) },
    () => {
      // Areas or sides left alone change which costs can fill the break exactly: the first area may then be passed over.
      const everyday = input.filter(
        (given) => (given.moment === 'desk' || given.moment === 'rest') && !given.leaveOut && !given.leaveSide,
      );
      fc.assert(
        fc.property(everyday, (given) => {
          const plan = generatePlan({ ...given, focus: [] });
          const order = candidateOrder({ ...given, focus: [] });
          expect(plan.steps[0]!.area).toBe(order[0]);
        }),
        { numRuns: propertyRuns(1000) },
      );
    },
  );
});

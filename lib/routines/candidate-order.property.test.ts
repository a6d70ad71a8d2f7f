import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../session/types';
import type { AreaId } from '../domain/areas';
import { candidateOrder, generatePlan, suitableAreas, trainedAreas } from './generate-plan';
import { MOMENTS } from './moments';
import { area, at, blocks, check, expectedTrained, input, same, validFocus } from './plan-arbitraries';

describe('plan order properties (focus, trained muscles, history)', () => {
  it('covers the trained muscles whatever was rolled lately, before and after a workout', { timeout: 120_000 }, () => {
    const workout = input.map((given) => ({ ...given, moment: given.moment === 'rest' ? 'post' : given.moment === 'desk' ? 'pre' : given.moment }));
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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REST_HOURS, bodySignals } from './body-signals';
import { generatePlan } from './generate-plan';
import { planInput } from './plan-input';
import { leftOutOfShortPlan } from './short-plan';
import { AREA_IDS } from '../domain/areas';
import { TOOLS } from '../domain/lists';
import { MOMENT_LENGTHS } from './lengths';
import type { CheckInEntry } from '../log/entry';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 10, 12);

describe('bodySignals', () => {
  it('counts Knot presses and "same" of the last 7 days as tender, not older ones, not "eased"', () => {
    const s = bodySignals(
      [
        { endedAt: NOW - 2 * DAY, knots: [{ area: 'calves', side: 'left', seconds: 25 }] },
        {
          endedAt: NOW - 3 * DAY,
          checkIn: [
            { area: 'quads', feel: 'same' },
            { area: 'glutes', feel: 'eased' },
          ],
        },
        {
          endedAt: NOW - 9 * DAY,
          knots: [{ area: 'chest', side: 'right', seconds: 25 }],
          checkIn: [{ area: 'lats', feel: 'same' }],
        },
      ],
      NOW,
    );
    expect(s.tender.sort()).toEqual(['calves', 'quads']);
    expect(s.resting).toEqual([]);
  });

  it('rests an area marked "worse" twice in a row for 48 hours after the second', () => {
    const worse: CheckInEntry[] = [{ area: 'calves', feel: 'worse' }];
    const breaks = [
      { endedAt: NOW - 30 * 3_600_000, checkIn: worse },
      { endedAt: NOW - 20 * 3_600_000, checkIn: worse, knots: [{ area: 'calves' as const, side: 'left' as const, seconds: 20 }] },
    ];
    const s = bodySignals(breaks, NOW);
    expect(s.resting).toEqual([{ area: 'calves', until: NOW - 20 * 3_600_000 + REST_HOURS * 3_600_000 }]);
    // Left out, so not "tender first" either.
    expect(s.tender).toEqual([]);
    expect(bodySignals(breaks, NOW + 29 * 3_600_000).resting).toEqual([]);
  });

  it('does not rest an area whose two "worse" answers have another answer between them', () => {
    const s = bodySignals(
      [
        { endedAt: NOW - 3 * DAY, checkIn: [{ area: 'calves', feel: 'worse' }] },
        { endedAt: NOW - 2 * DAY, checkIn: [{ area: 'calves', feel: 'eased' }] },
        { endedAt: NOW - DAY, checkIn: [{ area: 'calves', feel: 'worse' }] },
      ],
      NOW,
    );
    expect(s.resting).toEqual([]);
  });
});

describe('plans with the body in mind', () => {
  it('puts an area marked "same" first on a desk break, at the upper end of its dose', () => {
    const choice = { moment: 'desk' as const, tool: 'ball' as const, minutes: 5, focus: [] };
    const before = generatePlan(planInput(choice, {}, NOW));
    const tenderArea = before.steps.filter((s) => s.kind === 'roll').at(-1)!.area;
    const signals = bodySignals([{ endedAt: NOW - DAY, checkIn: [{ area: 'forearms', feel: 'same' }] }], NOW);
    const after = generatePlan(planInput(choice, {}, NOW, { signals, avoid: [] }));
    expect(after.steps[0]!.area).toBe('forearms');
    const rolls = after.steps.filter((s) => s.kind === 'roll' && s.area === 'forearms');
    expect(rolls.every((s) => s.seconds === 60)).toBe(true);
    expect(tenderArea).toBeDefined();
  });

  it('never plans an area left alone, until its date passes', () => {
    const choice = { moment: 'rest' as const, tool: 'roller' as const, minutes: 10, focus: ['quads' as const] };
    const avoid = [
      { area: 'quads' as const, until: NOW + DAY },
      { area: 'upper-back' as const, until: null },
    ];
    const plan = generatePlan(planInput(choice, {}, NOW, { signals: { tender: [], resting: [] }, avoid }));
    expect(plan.steps.some((s) => s.area === 'quads' || s.area === 'upper-back')).toBe(false);
    const later = generatePlan(planInput(choice, {}, NOW + 2 * DAY, { signals: { tender: [], resting: [] }, avoid }));
    expect(later.steps[0]!.area).toBe('quads');
    expect(later.steps.some((s) => s.area === 'upper-back')).toBe(false);
  });
});

describe('what a short break leaves out', () => {
  it('names the trained muscles a short post-workout break has no time for, and the length that fits them', () => {
    const input = planInput({ moment: 'post', tool: 'roller', minutes: 5, focus: [], trained: 'legs' }, {}, NOW);
    const plan = generatePlan(input);
    const out = leftOutOfShortPlan(input, plan)!;
    expect(out.missing.length).toBeGreaterThan(0);
    expect(out.fitsAt === null || out.fitsAt > 5).toBe(true);
    if (out.fitsAt !== null)
      expect(leftOutOfShortPlan({ ...input, minutes: out.fitsAt }, generatePlan({ ...input, minutes: out.fitsAt }))).toBeNull();
  });

  it('after a full-body workout, a short plan covers both halves with every tool (from the suggested length on)', () => {
    const upper = new Set(['upper-back', 'lats', 'chest', 'upper-traps', 'forearms']);
    for (const moment of ['pre', 'post'] as const) {
      for (const tool of TOOLS) {
        // After a workout 4 minutes holds one area at 90 s a side (the preview then names what is left out).
        for (let minutes = MOMENT_LENGTHS[moment].suggested; minutes <= 10; minutes++) {
          const plan = generatePlan(planInput({ moment, tool, minutes, focus: [], trained: 'full' }, {}, NOW));
          const areas = [...new Set(plan.steps.map((s) => s.area))];
          if (areas.length < 2) continue;
          expect(
            areas.some((a) => upper.has(a)) && areas.some((a) => !upper.has(a)),
            `${moment} ${tool} ${minutes}: ${areas.join()}`,
          ).toBe(true);
        }
      }
    }
  });

  it('is silent when nothing trained is left out, and on desk breaks and rest days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('desk', 'rest' as const),
        fc.constantFrom(...TOOLS),
        fc.integer({ min: 3, max: 15 }),
        (moment, tool, minutes) => {
          const input = planInput({ moment, tool, minutes, focus: [] }, {}, NOW);
          return leftOutOfShortPlan(input, generatePlan(input)) === null;
        },
      ),
    );
    expect(AREA_IDS.length).toBe(14);
  });
});

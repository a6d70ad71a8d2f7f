import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { AvoidedArea } from '../settings/avoid';
import { normalizeAvoid } from '../settings/avoid';
import type { Side, Tool } from '../session/types';
import { TOOLS } from '../domain/lists';
import { rollsPerSet } from './catalogue';
import { NoAreaLeftError, generatePlan } from './generate-plan';
import { MOMENT_IDS } from './moments';
import { NO_SIGNALS } from './body-signals';
import { planInput } from './plan-input';
import { area, check } from './plan-arbitraries';
import { propertyRuns } from '../../tests/unit/property-runs';
import { limit } from '../../tests/unit/patience';

const NOW = Date.UTC(2026, 2, 14, 12);
const side = fc.constantFrom<Side>('left', 'right');
/** Entries as a person sets them (whole area, or one side; until removed, or until a time around now). */
const entry: fc.Arbitrary<AvoidedArea> = fc
  .record({
    area,
    until: fc.option(fc.integer({ min: NOW - 3 * 86_400_000, max: NOW + 3 * 86_400_000 }), { nil: null }),
    side: fc.option(side, { nil: undefined }),
  })
  .map((e) => (e.side === undefined ? { area: e.area, until: e.until } : e));

describe('areas and sides left alone (settings → plan)', () => {
  it(
    'no plan ever includes an area or side left alone, whatever the moment, tool, length and focus',
    { timeout: limit(60_000) },
    () => {
      fc.assert(
        fc.property(
          fc.array(entry, { maxLength: 6 }),
          fc.constantFrom(...MOMENT_IDS),
          fc.constantFrom<Tool>(...TOOLS),
          fc.integer({ min: 3, max: 10 }),
          fc.array(area, { maxLength: 4 }),
          (raw, moment, tool, minutes, focus) => {
            const avoid = normalizeAvoid(raw);
            const input = planInput({ moment, tool, minutes, focus }, {}, NOW, { signals: NO_SIGNALS, avoid });
            let steps;
            try {
              steps = generatePlan(input).steps;
            } catch (err) {
              if (err instanceof NoAreaLeftError) return;
              throw err;
            }
            for (const a of avoid.filter((e) => e.until === null || NOW < e.until)) {
              const onArea = steps.filter((s) => s.area === a.area);
              if (a.side === undefined || rollsPerSet(a.area, tool) === 1) {
                // The whole area, or one side where the technique works both sides at once: none of it.
                check(onArea.length === 0, () => `${a.area} left alone (${a.side ?? 'both'}) but in the plan with ${tool}`);
              } else {
                const other = a.side === 'left' ? 'right' : 'left';
                check(
                  onArea.every((s) => s.side === other),
                  () => `${a.area} ${a.side} left alone but the plan has ${onArea.map((s) => s.side).join()}`,
                );
              }
            }
          },
        ),
        { numRuns: propertyRuns(3000) },
      );
    },
  );
});

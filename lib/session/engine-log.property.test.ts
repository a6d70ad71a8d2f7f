import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduce } from './machine';
import type { Moment, Plan, SessionEvent, SessionState, Tool } from './types';
import { generatePlan } from '../routines/generate-plan';
import { AREA_IDS } from '../domain/areas';
import { MOMENT_IDS } from '../routines/moments';
import type { BreakEntry } from '../log/entry';
import { toBreakEntry } from '../log/entry';
import { checkBreak } from '../log/schema';
import { exportJson, parseExport } from '../log/import-export';
import { propertyRuns } from '../../tests/unit/property-runs';

/**
 * Whatever a person (and their computer) does to a break, the log entry the engine makes passes the log's
 * rules and comes back unchanged from an export and import: plans from the real generator; pauses of
 * seconds to days; knot holds started, restarted and cancelled; a laptop asleep for days; clocks set back.
 */

const SECOND = 1000;
const HOUR = 3_600_000;
const DEVICE = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

const planArb: fc.Arbitrary<Plan | null> = fc
  .record({
    moment: fc.constantFrom<Moment>(...MOMENT_IDS),
    tool: fc.constantFrom<Tool>('roller', 'ball', 'gun'),
    minutes: fc.integer({ min: 3, max: 10 }),
    focus: fc.array(fc.constantFrom(...AREA_IDS), { maxLength: 3 }),
    seed: fc.integer(),
  })
  .map((input) => {
    try {
      return generatePlan({ ...input, recent: [] });
    } catch {
      return null;
    }
  });

/** Time between two events: mostly seconds, sometimes a long pause or sleep, sometimes a clock set back. */
const gap = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 60 * SECOND }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 * 60 * SECOND }) },
  { weight: 1, arbitrary: fc.integer({ min: HOUR, max: 3 * 24 * HOUR }) },
  { weight: 1, arbitrary: fc.integer({ min: -2 * 24 * HOUR, max: -1 }) },
);

const userEvent: fc.Arbitrary<SessionEvent> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<SessionEvent>({ type: 'tick' }) },
  { weight: 2, arbitrary: fc.constant<SessionEvent>({ type: 'pause' }) },
  { weight: 2, arbitrary: fc.constant<SessionEvent>({ type: 'resume' }) },
  { weight: 2, arbitrary: fc.constant<SessionEvent>({ type: 'skip' }) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'switchSide' }) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'end' }) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'dismiss' }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 60 }).map<SessionEvent>((seconds) => ({ type: 'holdStart', seconds })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }).map<SessionEvent>((seconds) => ({ type: 'holdRestart', seconds })) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'holdCancel' }) },
);

/** A run: breaks started one after another, each with its events, on a clock that may jump. */
const runArb = fc.record({
  start: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2090, 0, 1) }),
  breaks: fc.array(fc.record({ plan: planArb, events: fc.array(fc.tuple(userEvent, gap), { maxLength: 60 }), lead: gap }), {
    minLength: 1,
    maxLength: 4,
  }),
});

/** Plays a run through the reducer; every break it logs, as the background would log it. */
function play(run: {
  start: number;
  breaks: Array<{ plan: Plan | null; events: Array<[SessionEvent, number]>; lead: number }>;
}): BreakEntry[] {
  const entries = new Map<string, BreakEntry>();
  let clock = run.start;
  let state: SessionState = { status: 'idle' };
  const apply = (event: SessionEvent) => {
    const next = reduce(state, event, clock);
    if (next !== state && next.status !== 'idle' && (next.status === 'finished' || next.status === 'ended')) {
      const entry = toBreakEntry(next, DEVICE);
      if (entry) entries.set(entry.id, entry);
    }
    state = next;
  };
  run.breaks.forEach((b, i) => {
    clock += b.lead;
    if (b.plan) apply({ type: 'start', id: `0000000${i}-aaaa-4bbb-8ccc-dddddddddddd`, plan: b.plan });
    for (const [event, dt] of b.events) {
      clock += dt;
      apply(event);
    }
  });
  // Whatever is still running finishes (or ends after its pause) when the background next wakes.
  clock += 30 * 24 * HOUR;
  apply({ type: 'tick' });
  return [...entries.values()];
}

describe('the session engine and the log rules', () => {
  it('every entry the engine makes passes the rules and survives export and import unchanged', () => {
    let logged = 0;
    const numRuns = propertyRuns(600);
    fc.assert(
      fc.property(runArb, (run) => {
        const entries = play(run);
        logged += entries.length;
        for (const entry of entries) {
          const checked = checkBreak(entry);
          if (!checked.ok) throw new Error(`${JSON.stringify(checked.error)}: ${JSON.stringify(entry)}`);
        }
        const parsed = parseExport(exportJson(entries, run.start));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
        const byStart = (a: BreakEntry, b: BreakEntry) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1);
        expect(parsed.breaks).toEqual([...entries].sort(byStart));
      }),
      { numRuns },
    );
    expect(logged).toBeGreaterThan(numRuns);
  });
});

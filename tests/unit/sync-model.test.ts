import { describe, it } from 'vitest';
import fc from 'fast-check';
import type { Command } from './sync-model';
import { runScenario, scenarioArb } from './sync-model';
import { limit } from './patience';

/**
 * Scenarios the soak found broken once, shrunk (browsers, commands) with the break seed: npm test plays them
 * first, every time. Each names its soak seed and the test beside the code it exercises.
 */
const FOUND: Array<[[number, Command[]], number]> = [
  // Soak seed 5: an archived browser's break logged before its horizon and never published, imported by
  // another browser before it came back (lib/sync/share.test.ts, "the archive's horizon").
  [
    [
      2,
      [
        { kind: 'burst', dev: 1, rounds: 78 },
        { kind: 'log', dev: 1, count: 1 },
        { kind: 'reinstall', dev: 0 },
        { kind: 'away', days: 45 },
        { kind: 'sync', dev: 0 },
        { kind: 'away', days: 0 },
        { kind: 'import', dev: 0, from: 1 },
      ],
    ],
    1,
  ],
  // Soak seed 6: a browser's breaks held by another after it removed its records and was reinstalled
  // (lib/sync/share.test.ts, "a browser that leaves the account").
  [
    [
      2,
      [
        { kind: 'burst', dev: 0, rounds: 2 },
        { kind: 'stop', dev: 1, at: 5 },
        { kind: 'remove', dev: 0 },
        { kind: 'import', dev: 0, from: 0 },
        { kind: 'reinstall', dev: 0 },
        { kind: 'import', dev: 0, from: 0 },
        { kind: 'log', dev: 0, count: 1 },
      ],
    ],
    1,
  ],
  // Soak seed 56: an own break the archive held (so not in the browser's published keys), deleted on another
  // browser, came back as its next revision (lib/sync/engine.ts, publishedOwn).
  [
    [
      3,
      [
        { kind: 'burst', dev: 2, rounds: 2 },
        { kind: 'away', days: 45 },
        { kind: 'burst', dev: 0, rounds: 2 },
        { kind: 'burst', dev: 2, rounds: 2 },
        { kind: 'delete', dev: 0, pick: 0 },
        { kind: 'log', dev: 0, count: 1 },
        { kind: 'stop', dev: 0, at: 1 },
        { kind: 'away', days: 0 },
        { kind: 'stop', dev: 0, at: 1 },
      ],
    ],
    1,
  ],
  // Soak seed 6, run 52: a round stopped after its writes reached the account, before it saved what it had
  // published; the break was archived and deleted on another browser, and came back as its next revision
  // (lib/sync/share.test.ts, "does not bring back a break deleted elsewhere"; lib/sync/engine.ts, publishedAhead).
  [
    [
      3,
      [
        { kind: 'burst', dev: 1, rounds: 2 },
        { kind: 'log', dev: 0, count: 1 },
        { kind: 'stop', dev: 0, at: 7 },
        { kind: 'away', days: 45 },
        { kind: 'sync', dev: 2 },
        { kind: 'delete', dev: 1, pick: 0 },
        { kind: 'delete', dev: 2, pick: 1_614_297_602 },
        { kind: 'away', days: 0 },
      ],
    ],
    1,
  ],
];

/**
 * The multi-browser model (sync-model.ts) in npm test: a fixed seed, so a run is reproducible; `npm run soak`
 * runs many more scenarios from any seed.
 */
describe("a person's browsers over years (model, fast-check)", () => {
  it(
    'converge: the same log and totals everywhere, nothing deleted comes back, nothing logged is lost, within shares and write rates',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, fc.integer({ min: 1, max: 1000 }), async ([n, commands], seed) =>
          runScenario(n, commands, seed),
        ),
        { numRuns: 60, seed: 20_261_207, examples: FOUND },
      );
    },
    limit(180_000),
  );
});

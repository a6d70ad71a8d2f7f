import fc from 'fast-check';

/**
 * `npm run soak`: the multi-browser model of tests/unit/sync-model.ts, longer. Seeded and reproducible:
 * ROLLBREAK_SOAK_SEED (default 1) and ROLLBREAK_SOAK_RUNS (default 200). A failure prints the seed, the
 * shrunk scenario and the broken invariant.
 */
Object.assign(globalThis, await import('fake-indexeddb'));
const { runScenario, scenarioArb } = await import('./sync-model');
const seed = Number(process.env.ROLLBREAK_SOAK_SEED ?? 1);
const numRuns = Number(process.env.ROLLBREAK_SOAK_RUNS ?? 200);
const t0 = performance.now();
await fc.assert(
  fc.asyncProperty(scenarioArb, fc.integer({ min: 1, max: 1_000_000 }), async ([n, commands], s) => runScenario(n, commands, s)),
  { numRuns, seed, verbose: true },
);
console.log(
  `soak: ${numRuns} scenarios (seed ${seed}) held every invariant in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

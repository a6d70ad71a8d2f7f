import { describe, it } from 'vitest';
import fc from 'fast-check';
import { runScenario, scenarioArb } from './sync-model';

/**
 * The multi-browser model (sync-model.ts) in npm test: a fixed seed, so a run is reproducible; `npm run soak`
 * runs many more scenarios from any seed.
 */
describe("a person's browsers over years (model, fast-check)", () => {
  it('converge: the same log and totals everywhere, nothing deleted comes back, nothing logged is lost, within shares and write rates', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer({ min: 1, max: 1000 }), async ([n, commands], seed) =>
        runScenario(n, commands, seed),
      ),
      { numRuns: 60, seed: 20_261_207 },
    );
  }, 180_000);
});

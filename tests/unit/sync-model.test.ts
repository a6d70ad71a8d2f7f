import { describe, it } from 'vitest';
import fc from 'fast-check';
import { runScenario, scenarioArb } from './sync-model';

describe("a person's browsers over years (model, fast-check)", () => {
  it('converge: same totals everywhere, nothing deleted comes back, nothing logged is lost', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer({ min: 1, max: 1000 }), async ([n, commands], seed) =>
        runScenario(n, commands, seed),
      ),
      { numRuns: 12, seed: 20_261_207 },
    );
  }, 120_000);
});

/**
 * How long unit tests wait before they call something stuck. `npm test` runs the unit tests at the lowest CPU
 * priority beside the browsers (scripts/test.mjs), where a file can wait many seconds for a core, and sets
 * ROLLBREAK_TEST_PATIENCE to stretch every limit by that factor; run alone (`npm run test:unit`), the usual
 * limits hold. Waits still end as soon as what they wait for is there: nothing here measures time.
 */
const PATIENCE = Math.max(1, Number(process.env.ROLLBREAK_TEST_PATIENCE) || 1);

/** A test's time limit: `ms` on a machine of its own, stretched in a run at low priority. */
export const limit = (ms: number): number => ms * PATIENCE;

/** Options for `vi.waitFor`, whose default gives up after one second. */
export const PATIENT = { timeout: limit(60_000), interval: 20 };

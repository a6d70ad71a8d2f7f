/**
 * How many cases a property test tries. `npm test` tries a quarter of each test's thorough count (never fewer
 * than fast-check's default of 100): every property still meets hundreds of random inputs on every run, and
 * the run stays within its time. `npm run test:properties` (ROLLBREAK_PROPERTY_RUNS=full) tries the thorough
 * counts, as before a release or after changing what a property covers. Seeds stay random either way, so
 * successive runs keep exploring new inputs.
 */
export function propertyRuns(thorough: number): number {
  if (process.env.ROLLBREAK_PROPERTY_RUNS === 'full') return thorough;
  return Math.max(100, Math.round(thorough / 4));
}

/**
 * Options for `vi.waitFor` in unit tests. Its default gives up after one second; `npm test` runs the unit
 * tests at the lowest CPU priority beside the browsers, where a file can wait several seconds for a core.
 * It still returns as soon as the expectation holds.
 */
export const PATIENT = { timeout: 60_000, interval: 20 };

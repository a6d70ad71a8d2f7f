import { defineConfig } from 'vitest/config';

// Real browsers with the built extension. Two files at a time: most of a browser test is waiting on the
// browser, so two share the two cores well. Each file launches its own browser and profile, so files do
// not see each other. A busy machine makes a browser slow, never wrong: waits are generous, and nothing
// here asserts on how long anything took (that is `npm run bench`'s job).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 10_000 } },
    retry: 0,
  },
});

import { defineConfig } from 'vitest/config';
import { longFilesFirst } from './tests/long-files-first';

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
    // The longest files first (measured), so that the last minute is not one long file running alone.
    sequence: {
      sequencer: longFilesFirst([
        'tests/e2e/chromium-history-large.e2e.ts',
        'tests/e2e/chromium-theme.e2e.ts',
        'tests/e2e/firefox-a11y.e2e.ts',
        'tests/e2e/firefox-break.e2e.ts',
        'tests/e2e/chromium-a11y.e2e.ts',
      ]),
    },
  },
});

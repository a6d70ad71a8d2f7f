import { defineConfig } from 'vitest/config';

// `npm run store:assets`: the store screenshots, promotional tile and listing texts in store/, made from
// the e2e build in real Chromium and Firefox. Not part of `npm test`, which leaves the working tree as it
// found it; run this before a release and commit what changed.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.store.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 10_000 } },
    retry: 0,
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    // fake-indexeddb gives lib/ tests a real IndexedDB implementation in memory.
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    // Two files at a time on two cores (vitest's default keeps one core for itself). Forks, not threads:
    // fake-indexeddb's heavy sync tests run slower in worker threads. A busy machine makes the property
    // and fuzz tests slow, never wrong: a generous timeout.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});

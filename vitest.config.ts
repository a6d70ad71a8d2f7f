import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    // fake-indexeddb gives lib/ tests a real IndexedDB implementation in memory.
    setupFiles: ['fake-indexeddb/auto'],
  },
});

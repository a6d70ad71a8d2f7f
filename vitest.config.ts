import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { longFilesFirst } from './tests/long-files-first';

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
    // The longest files first (measured), so that no minute-long file starts last and runs alone.
    sequence: {
      sequencer: longFilesFirst([
        'tests/unit/sync-model.test.ts',
        'lib/sync/share.test.ts',
        'lib/sync/offline.test.ts',
        'lib/log/import-export.test.ts',
        'lib/sync/record-writer.test.ts',
        'lib/background/data/interrupt.test.ts',
        'lib/sync/engine.test.ts',
        'lib/sync/layout-rounds.test.ts',
        'lib/sync/merge.test.ts',
        'tests/unit/manifest/manifest-snapshot.test.ts',
      ]),
    },
  },
});

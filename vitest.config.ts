import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { longFilesFirst } from './tests/long-files-first';
import { limit } from './tests/unit/patience';

const ALL = ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/bench/**/*.test.ts'];

/**
 * Files that must start from fresh modules: they mock modules (vi.mock), stub or spy on globals, use fake
 * timers, run in happy-dom, or (the background) keep state in modules (registered handlers, queues,
 * followers). Each runs in a fresh module graph, as vitest does by default.
 */
const ISOLATED = [
  'lib/background/**/*.test.ts',
  'components/history/HistoryApp.test.tsx',
  'components/history/corrupt-sync.test.tsx',
  'components/options/BodySection.test.tsx',
  'components/options/ThemeSetting.test.tsx',
  'components/options/YourData.test.tsx',
  'components/pages/WelcomePage.test.tsx',
  'components/pictures/TechniquePicture.test.tsx',
  'components/popup/ChoicePicker.test.tsx',
  'components/popup/PlanPreview.test.tsx',
  'components/shared/BodyMap.test.tsx',
  'components/shared/use-settings.test.tsx',
  'components/timer/LiveRegion.test.tsx',
  'components/timer/keep-focus.test.tsx',
  'components/timer/renderer/light-preact.conformance.test.tsx',
  'components/timer/renderer/light-preact.test.tsx',
  'lib/i18n/plural.test.ts',
  'lib/log/read.test.ts',
  'lib/messaging/send.test.ts',
  'lib/sync/layout-rounds.test.ts',
  'lib/sync/record-writer.test.ts',
  'lib/theme/page-theme.test.ts',
  'lib/theme/theme.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    // fake-indexeddb gives lib/ tests a real IndexedDB implementation in memory.
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    // Two files at a time on two cores (vitest's default keeps one core for itself). Forks, not threads:
    // fake-indexeddb's heavy sync tests run slower in worker threads. A busy machine makes the property
    // and fuzz tests slow, never wrong: a generous timeout, stretched further in npm test's low-priority run
    // (tests/unit/patience.ts).
    maxWorkers: 2,
    testTimeout: limit(30_000),
    // Every other file shares its worker's modules with the files run before it (isolate: false): loading
    // vitest's runner, the setup, fake-indexeddb, valibot and the code under test once per worker instead
    // of once per file saved about 0.9 CPU seconds a file (46 small files: 72 CPU s isolated, 31 shared).
    // They hold no state in modules between files; each file starts with an empty IndexedDB and a reset
    // fake browser (tests/unit/setup.ts).
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      { extends: true, test: { name: 'shared', include: ALL, exclude: ISOLATED, isolate: false } },
    ],
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

import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Files of the `shared` project (vitest.config.ts) run one after another in one worker with the same
// modules: each starts with an empty IndexedDB and a fake browser with nothing stored and no listeners,
// as it would in a worker of its own.
globalThis.indexedDB = new IDBFactory();
fakeBrowser.reset();

// `npm test` runs the unit tests at the lowest CPU priority beside the browsers (scripts/test.mjs), where a
// file can wait several seconds for a core: give testing-library's findBy…/waitFor that patience. They
// return as soon as what they wait for is there; nothing here measures time.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 60_000 });
}
export {};

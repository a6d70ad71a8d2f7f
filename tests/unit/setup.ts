import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { limit } from './patience';

// Files of the `shared` project (vitest.config.ts) run one after another in one worker with the same
// modules: each starts with an empty IndexedDB and a fake browser with nothing stored and no listeners,
// as it would in a worker of its own.
globalThis.indexedDB = new IDBFactory();
fakeBrowser.reset();

// Give testing-library's findBy…/waitFor the patience a busy machine needs, stretched in npm test's
// low-priority run (./patience.ts). They return as soon as what they wait for is there.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: limit(10_000) });
}
export {};

import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';

// Files of the `shared` project (vitest.config.ts) run one after another in one worker with the same
// modules: each starts with an empty IndexedDB and a fake browser with nothing stored and no listeners,
// as it would in a worker of its own.
globalThis.indexedDB = new IDBFactory();
fakeBrowser.reset();

// Unit tests run two files at a time on two cores, beside whatever else the machine is doing: give
// testing-library's findBy…/waitFor the patience a busy machine needs. They return as soon as what they
// wait for is there; nothing here measures time.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}
export {};

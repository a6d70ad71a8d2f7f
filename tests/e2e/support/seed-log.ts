import type { Page } from 'playwright-core';
import type { BreakEntry } from '../../../lib/log/entry';

/**
 * Writes breaks straight into the extension's IndexedDB from one of its pages, with the log's own schema
 * (lib/log/db.ts, version 3: `breaks` by id with a `by-start` index, `tombstones` by key with `by-deleted`,
 * `quarantine` by id).
 * For the bench and for screenshots; tests that check behaviour log breaks through the UI.
 * The breaks cross to the page as one JSON string: Playwright's argument serializer walks every nested value
 * and took half a minute of CPU for 25,000 breaks (chromium-history-large), where JSON.parse takes well under
 * a second. A break is plain JSON (numbers, strings, arrays), so nothing is lost on the way.
 */
export function seedLog(page: Pick<Page, 'evaluate'>, entries: readonly BreakEntry[]): Promise<number> {
  return page.evaluate(
    (json) =>
      new Promise<number>((resolve, reject) => {
        const list = JSON.parse(json) as unknown[];
        const open = indexedDB.open('rollbreak', 3);
        open.onupgradeneeded = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('breaks'))
            db.createObjectStore('breaks', { keyPath: 'id' }).createIndex('by-start', 'startedAt');
          if (!db.objectStoreNames.contains('tombstones'))
            db.createObjectStore('tombstones', { keyPath: 'key' }).createIndex('by-deleted', 'deletedAt');
          if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', { keyPath: 'id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('breaks', 'readwrite');
          for (const e of list) tx.objectStore('breaks').put(e);
          tx.oncomplete = () => {
            db.close();
            resolve(list.length);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    JSON.stringify(entries),
  );
}

import type { Page } from 'playwright-core';

export interface LoggedBreak {
  id: string;
  activeSeconds: number;
  plannedSeconds: number;
  completed: boolean;
  holdCount: number;
  context: string;
  tool: string;
  steps: Array<{ area: string; side: string | null; seconds: number }>;
  knots?: Array<{ area: string; side: string | null; seconds: number }>;
  checkIn?: Array<{ area: string; feel: string }>;
}

/** Reads the break log straight from the extension's IndexedDB, from one of its pages. */
export function readLog(page: Pick<Page, 'evaluate'>): Promise<LoggedBreak[]> {
  return page.evaluate(
    () =>
      new Promise<LoggedBreak[]>((resolve, reject) => {
        const open = indexedDB.open('rollbreak');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('breaks')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('breaks').objectStore('breaks').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as LoggedBreak[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

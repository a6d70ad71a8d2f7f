import type { Answer, Request } from '../../messaging/protocol';
import { RequestError } from '../../messaging/request-error';
import { dataWipeItem, importJobItem } from '../../storage/items';
import { inSyncQueue, oweSyncRound, syncSoon } from '../sync-service';
import { logFailure } from '../log-failure';

/**
 * An import of a JSON export, as the background sees it. The History page writes the file's breaks into the
 * log itself, in one IndexedDB transaction (components/history/import-into-log.ts: a file of 100,000 breaks
 * is some 70 MB, more than a runtime message may carry in Chrome, and slow to copy), so the transaction, not
 * this worker, keeps the import whole: a closed tab or a crash leaves the log exactly as it was.
 *
 * What the background keeps is the order of writes and the record of the job:
 * - `log:importBegin` runs in the sync queue like every other write to the log: it waits for a round, a
 *   delete or "Delete all" that is running, then records the job (importJobItem) and owes a round, and only
 *   then answers the page, which writes nothing before that answer.
 * - The queue then stays with the import until the page says it ended (`log:importEnd`), or LEASE_MS
 *   passed (the page was closed before it could say so): nothing else writes the log or reads it for a
 *   round meanwhile. Then the record goes and the owed round publishes what was added.
 * - A worker stopped in between holds nothing at its next start: recovery (resumeImport) clears the record
 *   and the owed round runs. Should the page still be writing then, its end owes one more round.
 */

/**
 * How long the queue waits for a page's import to end. 100,000 breaks took 10–20 s to write on a quiet
 * two-core machine and over 30 s on a loaded one; an import that outlasts the lease stays safe, as its end
 * owes one more round.
 */
export const IMPORT_LEASE_MS = 60_000;

/** The import this worker holds the sync queue for, and how its end lets the queue go. */
let held: { token: string; end(added: number | null): void } | null = null;

const newToken = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function beginImport(): Promise<Answer<'log:importBegin'>> {
  return new Promise((answer, fail) => {
    let answered = false;
    inSyncQueue(async () => {
      // A "Delete all my data" cut short is finished at start-up before anything else: this is one still running.
      if ((await dataWipeItem.getValue()) !== null) throw new RequestError('refused', 'Deleting all data');
      const token = newToken();
      // Before the page writes anything: what it adds reaches the account even if everything stops now.
      await oweSyncRound();
      await importJobItem.setValue({ token, startedAt: Date.now() });
      const ended = new Promise<number | null>((resolve) => {
        const lease = setTimeout(() => resolve(null), IMPORT_LEASE_MS);
        held = {
          token,
          end: (added) => {
            clearTimeout(lease);
            resolve(added);
          },
        };
      });
      answered = true;
      answer({ token });
      try {
        await ended;
      } finally {
        held = null;
      }
      await importJobItem.setValue(null);
      // The round owed since the begin (it finds nothing new when nothing was added).
      syncSoon();
    }).catch((err: unknown) => {
      if (answered) logFailure('an import of a JSON export')(err);
      else fail(err);
    });
  });
}

export async function endImport({ token, added }: Request<'log:importEnd'>): Promise<Answer<'log:importEnd'>> {
  if (held?.token === token) {
    held.end(added);
    return {};
  }
  // Not the import this worker holds the queue for (it was started again since, or the lease ran out): the
  // page may have written after the round that followed read the log, so one more is owed.
  await inSyncQueue(async () => {
    if ((await importJobItem.getValue())?.token === token) await importJobItem.setValue(null);
    if (added > 0) await oweSyncRound();
  });
  syncSoon();
  return {};
}

/**
 * At start-up, in the sync queue: an import the last worker recorded and never saw end. Its page's
 * transaction wrote all of the file or none of it; the round owed since it began (run next, syncIfDue)
 * publishes whatever it added. True when there was one.
 */
export async function resumeImport(): Promise<boolean> {
  if ((await importJobItem.getValue()) === null) return false;
  await oweSyncRound();
  await importJobItem.setValue(null);
  return true;
}

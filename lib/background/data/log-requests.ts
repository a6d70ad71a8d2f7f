import type { Answer, Request } from '../../messaging/protocol';
import { deleteBreak, restoreBreak } from '../../log/store';
import { checkBreak } from '../../log/schema';
import { syncStatusItem } from '../../storage/items';
import { getDeviceId } from '../device-id';
import { inSyncQueue, requestSync, syncIfDue, syncSoon, writeLog } from '../sync-service';
import { resetSession } from '../session-service';
import { RequestError } from '../../messaging/request-error';
import { deleteAllData, removeOwnRecords, resumeDataWipe, resumeUnsync, type WipeStep } from './your-data';
import { e2eHangWipeItem } from '../../storage/items';
import { logFailure } from '../log-failure';
import { resumeImport } from './import-job';

/**
 * The history and settings pages' requests about the log and its sync. The history page reads IndexedDB
 * itself; every write goes through here, in the sync queue, and is followed by a sync round. An import is
 * the one write the page makes itself, inside the queue's turn it asks for here (import-job.ts).
 */

export async function deleteLogged({ id }: Request<'log:delete'>): Promise<Answer<'log:delete'>> {
  const deviceId = await getDeviceId();
  const tomb = await writeLog((db) => deleteBreak(db, id, deviceId, Date.now()));
  if (tomb) syncSoon();
  return { ok: tomb !== null };
}

export async function undoDelete({ entry: raw }: Request<'log:undo'>): Promise<Answer<'log:undo'>> {
  // The entry comes from a page: it must meet the log's rules, as an imported or synced break does.
  const checked = checkBreak(raw);
  if (!checked.ok) return { ok: false, error: checked.error };
  const deviceId = await getDeviceId();
  const restored = await writeLog((db) => restoreBreak(db, checked.entry, deviceId));
  syncSoon();
  return { ok: true, entry: restored };
}

export const syncNow = (): Promise<Answer<'sync:now'>> => requestSync();
export const syncStatus = (): Promise<Answer<'sync:status'>> => syncStatusItem.getValue();

/** Sync turned off here: remove this browser's records from the account (the log itself stays). */
export async function unsync(): Promise<Answer<'data:unsync'>> {
  const result = await inSyncQueue(removeOwnRecords);
  syncSoon();
  if (!result.ok) throw new RequestError('refused', result.error);
  return { removed: result.removed };
}

/**
 * E2E builds only: after the step the test names (storage.local `e2eHangWipe`), "Delete all" waits forever,
 * as a worker stopped at that moment would; the test then stops the worker and starts it again.
 */
async function e2eHang(step: WipeStep): Promise<void> {
  if (!import.meta.env.ROLLBREAK_E2E) return;
  if ((await e2eHangWipeItem.getValue()) === step) await new Promise<never>(() => undefined);
}

/** "Delete all my data": the log, this browser's synced records, settings and local state. */
export async function deleteAll(): Promise<Answer<'data:deleteAll'>> {
  // A failure reaches the page as a RequestError (and the console, through the registrar).
  await inSyncQueue(() => deleteAllData(resetSession, undefined, import.meta.env.ROLLBREAK_E2E ? e2eHang : undefined));
  syncSoon();
  return {};
}

/**
 * At start-up, before any round reads the log: finishes what a stopped worker left halfway ("Delete all my
 * data", then "remove this browser's records", then an import's record), then runs a sync round that is
 * still owed (sync-service.ts).
 */
export function recoverDataJobs(): Promise<void> {
  return inSyncQueue(async () => {
    await resumeDataWipe(resetSession);
    await resumeUnsync();
    await resumeImport();
  }).then(syncIfDue);
}

export function resumeDataJobs(): void {
  recoverDataJobs().catch(logFailure('finishing a data job a stopped worker left'));
}

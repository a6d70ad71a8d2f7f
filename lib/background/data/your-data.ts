import { browser } from 'wxt/browser';
import { deleteDB } from 'idb';
import { deviceShort } from '../../domain/break-key';
import { parseSyncKey } from '../../sync/layout';
import { SETTINGS_SYNC_KEYS, clearLocalAreas, readSyncArea, removeSyncKeys, writeSyncItems } from '../../storage/sync-area';
import { DB_NAME, openLog } from '../../log/db';
import { readLog } from '../../log/store';
import { handoverPlan } from '../../sync/share';
import { dataWipeItem, deviceIdItem, syncChoiceItem, unsyncJobItem } from '../../storage/items';

/**
 * "Your data" in Settings: removing this browser's records from the browser account, and deleting everything
 * Rollbreak keeps for this browser. The background runs both inside its sync queue (sync-service.ts), so no
 * sync round can publish the records again halfway through.
 *
 * Both may be cut short at any step (the service worker stopped, the browser closed). Each step can be run
 * again: "Delete all" records that it is under way before its first step and clears that last, then turns
 * sync off before anything is deleted (no round publishes from then on), and the next start of the background finishes it
 * (resumeDataWipe). The deletions this browser's keys carry are handed to the account's shared set before
 * the keys go (share.ts), so no break it deleted comes back elsewhere.
 */

/** This browser's keys in storage.sync: its breaks, day totals, deletions and heartbeat (never another browser's). */
function ownKeys(all: Record<string, unknown>, deviceId: string): string[] {
  const mine = deviceShort(deviceId);
  return Object.keys(all).filter((key) => parseSyncKey(key)?.dev === mine);
}

/** Every deletion this browser's log knows; none when the log is gone or cannot be read. */
async function knownDeletions(): Promise<string[]> {
  try {
    const db = await openLog();
    try {
      return (await readLog(db)).tombstones.map((t) => t.key);
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/** Hands this browser's deletions to the shared set, then removes its keys (and `extra` keys). Idempotent. */
async function removeFromAccount(deviceId: string | null, dead: readonly string[], extra: string[] = []): Promise<number> {
  const all = await readSyncArea();
  if (!deviceId) {
    await removeSyncKeys(extra);
    return 0;
  }
  const plan = handoverPlan(all, deviceId, dead);
  await writeSyncItems(plan.set);
  await removeSyncKeys([...plan.remove, ...extra.filter((k) => k in all)]);
  return ownKeys(all, deviceId).length;
}

/**
 * Removes this browser's records from storage.sync. Only with sync off here (else the next round would
 * write them again). Other browsers keep the copies they have: a record gone from sync is not a deletion.
 */
export async function removeOwnRecords(): Promise<{ ok: true; removed: number } | { ok: false; error: string }> {
  if ((await syncChoiceItem.getValue()) !== false) return { ok: false, error: 'Sync is on in this browser' };
  // What is under way first, so a stop at any later step is finished at the next start (resumeUnsync).
  if ((await unsyncJobItem.getValue()) === null) await unsyncJobItem.setValue({ startedAt: Date.now() });
  const deviceId = await deviceIdItem.getValue();
  const removed = await removeFromAccount(deviceId, await knownDeletions());
  await unsyncJobItem.setValue(null);
  return { ok: true, removed };
}

/**
 * At start-up: a "remove this browser's records" that was cut short is finished (every step runs again), or
 * dropped when sync was turned on here since (the next round publishes the records again, as asked).
 */
export async function resumeUnsync(): Promise<boolean> {
  if ((await unsyncJobItem.getValue()) === null) return false;
  if ((await syncChoiceItem.getValue()) !== false) {
    await unsyncJobItem.setValue(null);
    return false;
  }
  return (await removeOwnRecords()).ok;
}

/** Deletes the log database, closing other connections (open pages let go of theirs on versionchange). */
export async function deleteLogDatabase(): Promise<void> {
  await deleteDB(DB_NAME, {
    blocked() {
      console.error('Rollbreak: deleting the log waits for a page that still has it open');
    },
  });
}

/** Test builds: a step of "Delete all" after which to stop, as a stopped service worker would. */
export type WipeStep = 'marked' | 'sync-off' | 'session' | 'account' | 'log' | 'local';

/**
 * Deletes all of this browser's data: its records and the settings in storage.sync, the log, and everything
 * in storage.local and storage.session. Sync is off here first and stays off, so nothing is published again
 * and other browsers' breaks do not come straight back. `resetSession` stops the break in progress and
 * forgets breaks waiting to be logged. `stopAfter` (tests only) throws after that step; `pause` (e2e builds)
 * may wait there.
 */
export async function deleteAllData(
  resetSession: () => Promise<void>,
  stopAfter?: WipeStep,
  pause?: (step: WipeStep) => Promise<void>,
): Promise<void> {
  const step = async (name: WipeStep) => {
    if (stopAfter === name) throw new Error(`worker stopped after ${name}`);
    await pause?.(name);
  };
  // First what is under way (so a stop at any later step is finished at the next start), then sync off
  // (no round publishes anything from here on). Both before anything is deleted.
  if ((await dataWipeItem.getValue()) === null) await dataWipeItem.setValue({ startedAt: Date.now() });
  await step('marked');
  await syncChoiceItem.setValue(false);
  await step('sync-off');
  await resetSession();
  await step('session');
  // The settings and WXT's version record beside them go too; this browser's deletions stay in the account.
  await removeFromAccount(await deviceIdItem.getValue(), await knownDeletions(), [...SETTINGS_SYNC_KEYS]);
  await step('account');
  await deleteLogDatabase();
  await step('log');
  // Everything in storage.local but the two items that keep this job safe: sync off, and the job itself.
  await clearLocalAreas([syncChoiceItem.key, dataWipeItem.key]);
  await browser.alarms.clearAll();
  await step('local');
  await dataWipeItem.setValue(null);
}

/** At start-up: a "Delete all" that was cut short is finished (each step runs again; all are idempotent). */
export async function resumeDataWipe(resetSession: () => Promise<void>): Promise<boolean> {
  if ((await dataWipeItem.getValue()) === null) return false;
  await deleteAllData(resetSession);
  return true;
}

import { browser } from 'wxt/browser';
import { deleteDB } from 'idb';
import { DB_NAME } from '../../log/db';
import { deviceShort } from '../../domain/break-key';
import { parseSyncKey } from '../../sync/layout';
import { deviceIdItem, syncChoiceItem } from '../../storage/items';
import { SETTINGS_SYNC_KEYS, clearLocalAreas, removeSyncKeys, syncKeys } from '../../storage/sync-area';

/**
 * "Your data" in Settings: removing this browser's records from the browser account, and deleting everything
 * Rollbreak keeps for this browser. The background runs both inside its sync queue (sync-service.ts), so no
 * sync round can publish the records again halfway through.
 */

/** This browser's keys in storage.sync: its breaks, day totals and deletions (never another browser's). */
async function ownSyncKeys(): Promise<string[]> {
  const deviceId = await deviceIdItem.getValue();
  if (!deviceId) return [];
  const mine = deviceShort(deviceId);
  return (await syncKeys()).filter((key) => parseSyncKey(key)?.dev === mine);
}

/**
 * Removes this browser's records from storage.sync. Only with sync off here (else the next round would
 * write them again). Other browsers keep the copies they have: a record gone from sync is not a deletion.
 */
export async function removeOwnRecords(): Promise<{ ok: true; removed: number } | { ok: false; error: string }> {
  if ((await syncChoiceItem.getValue()) !== false) return { ok: false, error: 'Sync is on in this browser' };
  const keys = await ownSyncKeys();
  await removeSyncKeys(keys);
  return { ok: true, removed: keys.length };
}

/** Deletes the log database, closing other connections (open pages let go of theirs on versionchange). */
export async function deleteLogDatabase(): Promise<void> {
  await deleteDB(DB_NAME, {
    blocked() {
      console.error('Rollbreak: deleting the log waits for a page that still has it open');
    },
  });
}

/**
 * Deletes all of this browser's data: its records and the settings in storage.sync, the log, and everything
 * in storage.local and storage.session. Sync stays off here afterwards, so other browsers' breaks do not come
 * straight back. `resetSession` stops the break in progress and forgets breaks waiting to be logged first.
 */
export async function deleteAllData(resetSession: () => Promise<void>): Promise<void> {
  await resetSession();
  // The settings and WXT's version record beside them.
  await removeSyncKeys([...(await ownSyncKeys()), ...SETTINGS_SYNC_KEYS]);
  await deleteLogDatabase();
  await clearLocalAreas();
  await syncChoiceItem.setValue(false);
  await browser.alarms.clearAll();
}

import { browser } from 'wxt/browser';
import { RETRY_AFTER, syncOnce } from '../sync/engine';
import { deviceShort } from '../domain/break-key';
import { parseSyncKey } from '../sync/layout';
import type { RollbreakDB } from '../log/db';
import { openLog } from '../log/db';
import { syncLogStore } from '../log/store';
import { syncStateItem, syncStatusItem, type StoredSyncStatus } from '../storage/items';
import { syncArea } from '../storage/sync-area';
import type { SyncLog, SyncStatus } from '../sync/engine';
import { dataWipeItem, foldedHistoryItem, syncChoiceItem, syncDueItem } from '../storage/items';
import { isSyncOn } from './sync-choice';
import { getDeviceId } from './device-id';
import { detached, serial } from './serial';
import { logFailure } from './log-failure';
import type { IDBPDatabase } from 'idb';

/**
 * The background's side of sync.
 *
 * Every sync round and every write to the log the history page asks for (log-requests.ts) runs through one
 * serial queue, so a round never reads the log halfway through a delete or an import. The log's writers:
 * writeLog below (delete, Undo, the data jobs), a sync round's apply, the log outbox (a finished break, one
 * add), and an import, which the History page writes itself in one transaction during a turn of this
 * queue it asks for (data/import-job.ts): nothing else runs in the queue until it says it ended. A round runs after a break is logged, after a delete,
 * undo or import, on start-up and install, at the retry time after a quota or rate error (alarm
 * 'sync-retry'), and when another device's keys change in storage.sync (the browser wakes the background for
 * that, so no periodic alarm is needed: an idle hour costs no wake-ups for sync). Requests that
 * arrive while a round is still waiting to start share it.
 *
 * The service worker keeps nothing in memory: the engine's state (write times, retry time) and the last
 * status (for the history page) live in storage.local.
 */

export const SYNC_RETRY_ALARM = 'sync-retry';
const SYNC_CHOICE_KEY = syncChoiceItem.key.replace(/^local:/, '');

const queue = serial('sync');
/** A round queued but not started yet: later requests join it rather than queueing another. */
let waiting: Promise<StoredSyncStatus> | null = null;

/** What syncOnce is given with sync off: it answers 'off' without reading the log. */
const UNUSED_LOG: SyncLog = {
  read: () => Promise.reject(new Error('Sync is off')),
  apply: () => Promise.reject(new Error('Sync is off')),
};

const dueToken = (): string => `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/** Before a write to the log: a round is owed until one that started after it ends well (syncDueItem). */
export async function oweSyncRound(): Promise<void> {
  await syncDueItem.setValue(dueToken());
}

async function round(): Promise<StoredSyncStatus> {
  let status: SyncStatus;
  let enabled = true;
  let due: string | null = null;
  try {
    // A "Delete all my data" under way (or cut short) counts as off: nothing is published meanwhile.
    enabled = (await isSyncOn()) && (await dataWipeItem.getValue()) === null;
    // A round under way is owed until it ends without trouble: a worker stopped in the middle (between the
    // engine's writes, say) runs one at its next start.
    due = await syncDueItem.getValue();
    if (enabled && due === null) await syncDueItem.setValue((due = dueToken()));
    const deviceId = await getDeviceId();
    // With sync off the log is not even opened (after "Delete all my data" it must not be created again).
    const db = enabled ? await openLog() : null;
    try {
      status = await syncOnce({
        db: db ? syncLogStore(db) : UNUSED_LOG,
        sync: syncArea(),
        deviceId,
        now: Date.now,
        enabled,
        state: { get: () => syncStateItem.getValue(), set: (s) => syncStateItem.setValue(s) },
      });
    } finally {
      db?.close();
    }
  } catch {
    // The engine reports storage trouble itself; this is the rest (the log or storage.local unreadable).
    // Nothing was written: try again later.
    const last = await syncStatusItem.getValue().catch(() => null);
    status = {
      lastSyncAt: last?.lastSyncAt ?? null,
      breaksSynced: last?.breaksSynced ?? 0,
      bytesUsed: last?.bytesUsed ?? 0,
      added: 0,
      deleted: 0,
      writes: 0,
      folded: 0,
      unreadable: last?.unreadable ?? 0,
      error: 'failed',
      retryAt: Date.now() + RETRY_AFTER.failed,
    };
  }
  const { history, ...rest } = status;
  // The day totals first, so a page that sees the new status reads them already updated.
  if (history && JSON.stringify(history) !== JSON.stringify(await foldedHistoryItem.getValue()))
    await foldedHistoryItem.setValue(history);
  const stored: StoredSyncStatus = { ...rest, checkedAt: Date.now() };
  await syncStatusItem.setValue(stored);
  // Done, or nothing to publish with sync off; trouble keeps it owed (the retry alarm comes back for it too).
  if ((status.error === undefined || status.error === 'off') && (await syncDueItem.getValue()) === due)
    await syncDueItem.setValue(null);
  if (status.retryAt !== undefined) await browser.alarms.create(SYNC_RETRY_ALARM, { when: status.retryAt });
  else await browser.alarms.clear(SYNC_RETRY_ALARM);
  return stored;
}

/**
 * Runs a sync round after whatever is queued now. Never rejects: trouble is in the status (and the next
 * round is scheduled). Safe to call from anywhere in the background, as often as events come.
 */
export function requestSync(): Promise<StoredSyncStatus> {
  if (waiting) return waiting;
  const next = queue(() => {
    waiting = null;
    return round();
  });
  waiting = next;
  return next;
}

/** A sync round nobody waits for (after a write, on an event): a failure is logged, not left unhandled. */
export function syncSoon(): void {
  detached(requestSync).catch(logFailure('sync round'));
}

/** Runs a job in the sync queue, so no round reads the log or storage.sync halfway through it. */
export function inSyncQueue<T>(job: () => Promise<T>): Promise<T> {
  return queue(job);
}

/**
 * Runs a write to the log in the sync queue, on its own connection. (An import is written by the History
 * page, within the queue's turn data/import-job.ts holds for it: the file is too big for a message.)
 */
export function writeLog<T>(job: (db: IDBPDatabase<RollbreakDB>) => Promise<T>): Promise<T> {
  return queue(async () => {
    // Before the write: what it changes reaches the account even if the worker stops before its round.
    await oweSyncRound();
    const db = await openLog();
    try {
      return await job(db);
    } finally {
      db.close();
    }
  });
}

/** At start-up: a round owed by a write or a round that a stopped worker did not finish runs now. */
export async function syncIfDue(): Promise<void> {
  if ((await syncDueItem.getValue()) !== null) syncSoon();
}

/** A change in storage.sync: another device's log keys. */
async function onSyncChanged(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): Promise<void> {
  const keys = Object.keys(changes).map(parseSyncKey);
  if (!keys.some((k) => k !== null)) return;
  // This device's own writes echo back here and need no round.
  const mine = deviceShort(await getDeviceId());
  if (keys.some((k) => k !== null && k.dev !== mine)) syncSoon();
}

/**
 * Sync's wake-ups: its retry alarm, browser start and install, changes in storage.sync, and this browser's
 * sync switch. Registered once, synchronously, at start-up (listeners must be in place in the first turn of
 * every worker start).
 */
export function registerSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) syncSoon();
  });
  browser.runtime.onStartup.addListener(() => syncSoon());
  browser.runtime.onInstalled.addListener(() => syncSoon());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') onSyncChanged(changes).catch(logFailure('reading a sync change'));
    // The user turned this browser's sync on or off (Settings → Your data): a round reports it, and takes in
    // or publishes. Its first write (the old synced setting carried over) comes from a round already running.
    else if (area === 'local' && typeof changes[SYNC_CHOICE_KEY]?.oldValue === 'boolean') syncSoon();
  });
}

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { SyncArea, SyncState, SyncStatus } from '../sync/engine';
import { RETRY_AFTER, syncOnce } from '../sync/engine';
import { deviceShort } from '../sync/keys';
import { parseSyncKey } from '../sync/layout';
import type { RollbreakDB } from '../log/db';
import { openLog } from '../log/db';
import { deleteBreak, restoreBreak, syncLogStore } from '../log/store';
import { EXPORT_FORMAT, EXPORT_VERSION, importJson, parseExport } from '../log/import-export';
import type { LogMessage, LogResponse, LogResponses, StoredSyncStatus } from '../log/log-messages';
import { isLogMessage, syncStatusItem } from '../log/log-messages';
import { settingsItem } from '../storage-items';
import { getDeviceId } from './device-id';
import { serial } from './serial';
import type { IDBPDatabase } from 'idb';

/**
 * The background's side of sync and of the history page's writes to the log.
 *
 * Every sync round and every write the history page asks for runs through one serial queue, so a round never
 * reads the log halfway through a delete or an import. A round runs after a break is logged, after a delete,
 * undo or import, on start-up and install, at the retry time after a quota or rate error (alarm
 * 'sync-retry'), and when another device's keys change in storage.sync (the browser wakes the background for
 * that, so no periodic alarm is needed: an idle hour costs no wake-ups for sync). Requests that
 * arrive while a round is still waiting to start share it.
 *
 * The service worker keeps nothing in memory: the engine's state (write times, retry time) and the last
 * status (for the history page) live in storage.local.
 */

export const SYNC_RETRY_ALARM = 'sync-retry';

/** What syncOnce keeps between rounds. */
export const syncStateItem = storage.defineItem<SyncState | null>('local:syncState', { fallback: null });

const queue = serial();
/** A round queued but not started yet: later requests join it rather than queueing another. */
let waiting: Promise<StoredSyncStatus> | null = null;

function syncArea(): SyncArea | null {
  const area = browser.storage?.sync;
  if (!area) return null;
  return {
    get: () => area.get(null),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

async function round(): Promise<StoredSyncStatus> {
  let status: SyncStatus;
  let enabled = true;
  try {
    enabled = (await settingsItem.getValue()).syncEnabled !== false;
    const deviceId = await getDeviceId();
    const db = await openLog();
    try {
      status = await syncOnce({
        db: syncLogStore(db),
        sync: syncArea(),
        deviceId,
        now: Date.now,
        enabled,
        state: { get: () => syncStateItem.getValue(), set: (s) => syncStateItem.setValue(s) },
      });
    } finally {
      db.close();
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
      error: 'failed',
      retryAt: Date.now() + RETRY_AFTER.failed,
    };
  }
  const stored: StoredSyncStatus = { ...status, checkedAt: Date.now() };
  await syncStatusItem.setValue(stored);
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

/** Runs a write to the log in the queue, on its own connection. */
function write<T>(job: (db: IDBPDatabase<RollbreakDB>) => Promise<T>): Promise<T> {
  return queue(async () => {
    const db = await openLog();
    try {
      return await job(db);
    } finally {
      db.close();
    }
  });
}

async function answer(message: LogMessage): Promise<LogResponses[keyof LogResponses]> {
  switch (message.type) {
    case 'log:delete': {
      const deviceId = await getDeviceId();
      const tomb = await write((db) => deleteBreak(db, message.id, deviceId, Date.now()));
      if (tomb) void requestSync();
      return { ok: tomb !== null };
    }
    case 'log:undo': {
      // The entry comes from a page: check it as strictly as an imported one.
      const parsed = parseExport(JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, breaks: [message.entry] }));
      const entry = parsed.ok ? parsed.breaks[0] : undefined;
      if (!entry) return { ok: false, error: parsed.ok ? { code: 'no_break' } : parsed.error };
      const deviceId = await getDeviceId();
      const restored = await write((db) => restoreBreak(db, entry, deviceId));
      void requestSync();
      return { ok: true, entry: restored };
    }
    case 'log:import': {
      const result = await write((db) => importJson(db, message.text));
      if (result.ok && result.added > 0) void requestSync();
      return result;
    }
    case 'sync:now':
      return requestSync();
    case 'sync:status':
      return syncStatusItem.getValue();
  }
}

/** Answers one of the history page's messages. */
export function handleLogMessage<M extends LogMessage>(message: M): Promise<LogResponse<M>> {
  return answer(message) as Promise<LogResponse<M>>;
}

const syncEnabledOf = (settings: unknown): boolean =>
  (settings as { syncEnabled?: unknown } | null | undefined)?.syncEnabled !== false;

/** A change in storage.sync: another device's log keys, or the user turning sync on or off. */
async function onSyncChanged(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): Promise<void> {
  const settings = changes.settings;
  if (settings && syncEnabledOf(settings.oldValue) !== syncEnabledOf(settings.newValue)) {
    void requestSync();
    return;
  }
  const keys = Object.keys(changes).map(parseSyncKey);
  if (!keys.some((k) => k !== null)) return;
  // This device's own writes echo back here and need no round.
  const mine = deviceShort(await getDeviceId());
  if (keys.some((k) => k !== null && k.dev !== mine)) void requestSync();
}

/**
 * Sets up sync and the log's message handling. Call once, synchronously, in defineBackground (listeners must
 * be registered in the first turn of every service-worker start).
 */
export function registerSync(): void {
  browser.runtime.onMessage.addListener((message: unknown) => (isLogMessage(message) ? handleLogMessage(message) : undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) void requestSync();
  });
  browser.runtime.onStartup.addListener(() => void requestSync());
  browser.runtime.onInstalled.addListener(() => void requestSync());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void onSyncChanged(changes);
  });
}

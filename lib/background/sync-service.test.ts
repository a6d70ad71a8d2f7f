import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addBreak, listBreaks, openLog } from '../log/db';
import type { BreakEntry } from '../log/entry';
import { exportJson } from '../log/import-export';
import { deviceIdItem, importJobItem, syncStatusItem } from '../storage/items';
import { syncChoiceItem } from '../storage/items';
import { deviceShort, entryKey } from '../domain/break-key';
import { readSnapshot } from '../sync/merge';
import { encodeBreak } from '../sync/encode';
import { logKey } from '../sync/layout';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';
import { SYNC_RETRY_ALARM, registerSync, requestSync } from './sync-service';
import { registerAllRequests } from '../../tests/doubles/background-requests';
import { sendFromPage as send, sendMessagesAsPage } from '../../tests/doubles/messages';
import { importIntoLog } from '../../components/history/import-into-log';
import { PATIENT } from '../../tests/unit/patience';

const ME = 'aaaa1111-0000-4000-8000-000000000000';
const OTHER = 'bbbb2222-0000-4000-8000-000000000000';

async function logged(): Promise<BreakEntry[]> {
  const db = await openLog();
  try {
    return await listBreaks(db);
  } finally {
    db.close();
  }
}

async function add(entry: BreakEntry): Promise<void> {
  const db = await openLog();
  await addBreak(db, entry);
  db.close();
}

const r = rng(7);
const at = (daysAgo: number) => Date.now() - daysAgo * 86_400_000;

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  registerSync();
  registerAllRequests();
});

afterEach(async () => {
  vi.restoreAllMocks();
  // Rounds a test started finish before the next test resets storage and IndexedDB.
  await requestSync();
});

describe('registerSync', () => {
  it("syncs on demand: this device's breaks go to storage.sync and the status is stored for the page", async () => {
    for (let i = 0; i < 3; i++) await add(realisticBreak(r, ME, at(i + 1)));
    const status = await send({ type: 'sync:now' });
    expect(status.error).toBeUndefined();
    expect(status.breaksSynced).toBe(3);
    expect(status.bytesUsed).toBeGreaterThan(0);
    expect(status.checkedAt - status.lastSyncAt!).toBeGreaterThanOrEqual(0);
    expect(status.checkedAt - status.lastSyncAt!).toBeLessThan(1000);
    expect(await syncStatusItem.getValue()).toEqual(status);
    expect(await send({ type: 'sync:status' })).toEqual(status);
    const snapshot = readSnapshot(await fakeBrowser.storage.sync.get(null));
    expect(snapshot.devices.get(deviceShort(ME))?.entries).toHaveLength(3);
    // No periodic alarm: remote changes wake the background through storage.onChanged.
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it("takes in another device's breaks when its keys change in storage.sync", async () => {
    const theirs = realisticLog(3, OTHER, 4, at(10));
    const value = `1|${theirs.map((e) => encodeBreak(e)).join(',')}`;
    await fakeBrowser.storage.sync.set({ [logKey(deviceShort(OTHER), 0)]: value });
    await vi.waitFor(async () => expect(await logged()).toHaveLength(4), PATIENT);
    expect((await logged()).map(entryKey).sort()).toEqual(theirs.map(entryKey).sort());
    await vi.waitFor(async () => expect((await syncStatusItem.getValue())?.added).toBe(4), PATIENT);
  });

  it('runs no round for its own keys echoing back', async () => {
    await add(realisticBreak(r, ME, at(1)));
    await requestSync();
    const checked = (await syncStatusItem.getValue())!.checkedAt;
    await fakeBrowser.storage.sync.set({ [logKey(deviceShort(ME), 5)]: '1|' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await syncStatusItem.getValue())!.checkedAt).toBe(checked);
  });

  it('reports off and writes nothing when sync is turned off', async () => {
    await add(realisticBreak(r, ME, at(1)));
    await requestSync();
    await syncChoiceItem.setValue(false);
    await vi.waitFor(async () => expect((await syncStatusItem.getValue())?.error).toBe('off'), PATIENT);
    const before = await fakeBrowser.storage.sync.get(null);
    await add(realisticBreak(r, ME, at(0.5)));
    expect((await requestSync()).error).toBe('off');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('keeps every local break on a quota error and retries at the time the engine gives', async () => {
    for (let i = 0; i < 3; i++) await add(realisticBreak(r, ME, at(i + 1)));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const status = await requestSync();
    expect(status.error).toBe('quota');
    expect(status.retryAt).toBeGreaterThan(Date.now());
    expect((await fakeBrowser.alarms.get(SYNC_RETRY_ALARM))?.scheduledTime).toBe(status.retryAt);
    expect(await logged()).toHaveLength(3);
    // The retry alarm runs a round once the time has come; it succeeds and clears the retry alarm.
    const state = (await fakeBrowser.storage.local.get('syncState')).syncState as { retryAt: number };
    await fakeBrowser.storage.local.set({ syncState: { ...state, retryAt: Date.now() - 1 } });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_RETRY_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await syncStatusItem.getValue())?.error).toBeUndefined(), PATIENT);
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeUndefined();
    expect((await syncStatusItem.getValue())?.breaksSynced).toBe(3);
  });

  it('shares one round between requests that arrive while it waits', async () => {
    const a = requestSync();
    const b = requestSync();
    expect(b).toBe(a);
    await a;
    expect(requestSync()).not.toBe(a);
  });
});

describe("the history page's writes", () => {
  it('deletes a break, and undo brings it back as a live break that stays through sync', async () => {
    const entry = realisticBreak(r, ME, at(2));
    await add(entry);
    expect(await send({ type: 'log:delete', id: entry.id })).toEqual({ ok: true });
    expect(await logged()).toEqual([]);
    expect(await send({ type: 'log:delete', id: entry.id })).toEqual({ ok: false });
    const undone = await send({ type: 'log:undo', entry });
    expect(undone.ok).toBe(true);
    const restored = undone.ok ? undone.entry : null;
    expect({ ...restored, id: entry.id }).toEqual(entry);
    expect(await logged()).toEqual([restored]);
    await requestSync();
    expect(await logged()).toEqual([restored]);
    const snapshot = readSnapshot(await fakeBrowser.storage.sync.get(null));
    const mine = snapshot.devices.get(deviceShort(ME))!;
    expect(mine.entries.map((e) => e.id)).toEqual([restored!.id]);
    expect(mine.tombstones).toEqual([entryKey(entry)]);
  });

  it('refuses to restore a malformed entry', async () => {
    const bad = { ...realisticBreak(r, ME, at(2)), activeSeconds: -1 };
    const answer = await send({ type: 'log:undo', entry: bad });
    expect(answer).toEqual({ ok: false, error: { field: 'activeSeconds', code: 'negative' } });
    expect(await logged()).toEqual([]);
  });

  it('publishes what the History page imports; the same file again adds nothing; a bad file writes nothing', async () => {
    sendMessagesAsPage();
    const text = exportJson(realisticLog(11, OTHER, 25, at(40)), Date.now());
    const file = new Blob([text]);
    expect(await importIntoLog(file)).toEqual({ ok: true, added: 25, skipped: 0 });
    // The round the import owed, joined: the new breaks are in the account.
    await requestSync();
    expect(readSnapshot(await fakeBrowser.storage.sync.get(null)).devices.get(deviceShort(ME))!.entries).toHaveLength(25);
    expect(await importJobItem.getValue()).toBeNull();
    expect(await importIntoLog(file)).toEqual({ ok: true, added: 0, skipped: 25 });
    expect(await logged()).toHaveLength(25);
    const bad = await importIntoLog(new Blob([text.replace('"tool":"', '"tool":"x')]));
    expect(bad.ok).toBe(false);
    expect(await logged()).toHaveLength(25);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speakEnglish } from '../../../tests/unit/english';
import { addBreak, listBreaks, openLog } from '../../log/db';
import { deviceIdItem, sessionItem, settingsItem, syncStatusItem } from '../../storage/items';
import { syncChoiceItem } from '../../storage/items';
import { isSyncOn } from '../sync-choice';
import { deviceShort } from '../../domain/break-key';
import { encodeBreak } from '../../sync/encode';
import { logKey } from '../../sync/layout';
import { readSnapshot } from '../../sync/merge';
import { realisticBreak, realisticLog, rng } from '../../../tests/fixtures/breaks';
import { registerSync, requestSync } from '../sync-service';
import { registerAllRequests } from '../../../tests/doubles/background-requests';
import { sendFromPage } from '../../../tests/doubles/messages';
import { dispatch } from '../session-service';
import { logOutboxItem } from '../log-outbox';
import { deleteAllData, resumeDataWipe } from './your-data';
import { resetSession } from '../session-service';
import { dataWipeItem } from '../../storage/items';
import { entryKey } from '../../domain/break-key';
import { PATIENT } from '../../../tests/unit/patience';

const ME = 'aaaa1111-0000-4000-8000-000000000000';
const OTHER = 'bbbb2222-0000-4000-8000-000000000000';
const r = rng(3);
const at = (daysAgo: number) => Date.now() - daysAgo * 86_400_000;

const send = sendFromPage;

async function logged() {
  const db = await openLog();
  try {
    return await listBreaks(db);
  } finally {
    db.close();
  }
}

/** Another browser's breaks, as it would have put them in sync. */
async function otherDeviceInSync(): Promise<string> {
  const key = logKey(deviceShort(OTHER), 0);
  await fakeBrowser.storage.sync.set({
    [key]: `1|${realisticLog(8, OTHER, 3, at(20))
      .map((e) => encodeBreak(e))
      .join(',')}`,
  });
  return key;
}

beforeEach(async () => {
  fakeBrowser.reset();
  speakEnglish();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  registerSync();
  registerAllRequests();
});

afterEach(async () => {
  await requestSync();
  vi.restoreAllMocks();
});

describe("sync is this browser's own choice", () => {
  it('starts from the old synced setting, then no longer follows it', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), syncEnabled: false });
    expect(await isSyncOn()).toBe(false);
    expect(await syncChoiceItem.getValue()).toBe(false);
    // Another browser (an older version) turns the synced setting back on: this browser stays off.
    await settingsItem.setValue({ ...(await settingsItem.getValue()), syncEnabled: true });
    expect(await isSyncOn()).toBe(false);
    expect((await requestSync()).error).toBe('off');
  });

  it('is on by default, and turning it off here writes nothing to sync from then on', async () => {
    expect(await isSyncOn()).toBe(true);
    await syncChoiceItem.setValue(false);
    await vi.waitFor(async () => expect((await syncStatusItem.getValue())?.error).toBe('off'), PATIENT);
    expect(await settingsItem.getValue()).toMatchObject({ syncEnabled: true });
  });
});

describe("removing this browser's records from the account", () => {
  it("is refused while sync is on here, and then removes only this browser's keys", async () => {
    for (let i = 0; i < 3; i++) {
      const db = await openLog();
      await addBreak(db, realisticBreak(r, ME, at(i + 1)));
      db.close();
    }
    const theirs = await otherDeviceInSync();
    await requestSync();
    expect(readSnapshot(await fakeBrowser.storage.sync.get(null)).devices.get(deviceShort(ME))?.entries).toHaveLength(3);
    await expect(send({ type: 'data:unsync' })).rejects.toMatchObject({ code: 'refused', message: 'Sync is on in this browser' });

    await syncChoiceItem.setValue(false);
    const answer = await send({ type: 'data:unsync' });
    // Its one log item and its heartbeat.
    expect(answer).toEqual({ removed: 2 });
    const left = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(left).filter((k) => k.includes(deviceShort(ME)))).toEqual([]);
    expect(left[theirs]).toBeDefined();
    // The breaks stay in this browser, with the other browser's that it had taken in.
    expect(await logged()).toHaveLength(6);
  });
});

describe('Delete all my data', () => {
  it('leaves nothing of this browser in IndexedDB, storage.sync or storage.local, and keeps sync off', async () => {
    await dispatch({
      type: 'start',
      id: 'running-break',
      plan: { moment: 'desk', tool: 'ball', minutes: 1, steps: [{ kind: 'roll', area: 'forearms', side: null, seconds: 60 }] },
    });
    for (let i = 0; i < 3; i++) {
      const db = await openLog();
      await addBreak(db, realisticBreak(r, ME, at(i + 1)));
      db.close();
    }
    const theirs = await otherDeviceInSync();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), holdSeconds: 20 });
    await requestSync();
    expect(await logged()).toHaveLength(6);

    expect(await send({ type: 'data:deleteAll' })).toEqual({});
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(sync)).toEqual([theirs]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('rollbreak');
    expect(await sessionItem.getValue()).toEqual({ status: 'idle' });
    expect(await logOutboxItem.getValue()).toEqual({ entries: [], attempts: 0, retryAt: null });
    // A new device id from here on: nothing links new breaks to the deleted ones.
    expect(await deviceIdItem.getValue()).not.toBe(ME);
    expect(await syncChoiceItem.getValue()).toBe(false);
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).filter((k) => !['syncLog', 'syncStatus', 'syncState', 'deviceId'].includes(k))).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    // Sync stays off, so the other browser's breaks do not come back.
    await requestSync();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('rollbreak');
  });

  it.each(['marked', 'sync-off', 'session', 'account', 'log', 'local'] as const)(
    'stopped after "%s", is finished at the next start: nothing republished, a deletion stays in the account',
    async (stop) => {
      for (let i = 0; i < 3; i++) {
        const db = await openLog();
        await addBreak(db, realisticBreak(r, ME, at(i + 1)));
        db.close();
      }
      const theirs = await otherDeviceInSync();
      await requestSync();
      // This browser deletes one of the other browser's breaks: the deletion must outlive its keys.
      const victim = (await logged()).find((e) => e.deviceId === deviceShort(OTHER))!;
      expect(await send({ type: 'log:delete', id: victim.id })).toEqual({ ok: true });
      await requestSync();

      await expect(deleteAllData(resetSession, stop)).rejects.toThrow('worker stopped');
      // Whatever happened so far, a round now writes nothing to the account (the job under way counts as off).
      const mid = await fakeBrowser.storage.sync.get(null);
      await requestSync();
      expect(await fakeBrowser.storage.sync.get(null)).toEqual(mid);
      // The next start finishes the job.
      expect(await resumeDataWipe(resetSession)).toBe(true);
      await requestSync();
      const sync = await fakeBrowser.storage.sync.get(null);
      const snap = readSnapshot(sync);
      expect([...snap.devices.keys()]).toEqual([deviceShort(OTHER)]);
      expect(Object.keys(sync).filter((k) => k.startsWith('settings'))).toEqual([]);
      expect(snap.archive.deletions.has(entryKey(victim))).toBe(true);
      expect(Object.keys(sync)).toContain(theirs);
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('rollbreak');
      expect(await dataWipeItem.getValue()).toBeNull();
      expect(await syncChoiceItem.getValue()).toBe(false);
    },
  );
});

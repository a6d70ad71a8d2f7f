import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addBreak, openLog } from '../../log/db';
import type { BreakEntry } from '../../log/entry';
import { MAX_IMPORT_BYTES, exportJson } from '../../log/import-export';
import { importBreaks, readLog } from '../../log/store';
import { dataWipeItem, deviceIdItem, importJobItem, syncChoiceItem, syncDueItem } from '../../storage/items';
import { deviceShort, entryKey } from '../../domain/break-key';
import { readSnapshot } from '../../sync/merge';
import { realisticBreak, realisticLog, rng } from '../../../tests/fixtures/breaks';
import { registerAllRequests } from '../../../tests/doubles/background-requests';
import { sendFromPage as send, sendMessagesAsPage } from '../../../tests/doubles/messages';
import { importIntoLog } from '../../../components/history/import-into-log';
import { inSyncQueue, registerSync, requestSync } from '../sync-service';
import { IMPORT_LEASE_MS } from './import-job';
import { recoverDataJobs } from './log-requests';
import { RequestError } from '../../messaging/request-error';

/**
 * The History page writes an import itself; the background keeps its place in the sync queue. These are the
 * orderings a person can cause: an import while a round runs, a round, Undo or "Delete all" while an import
 * runs, a page that goes away mid-import, a worker started again mid-import.
 */

const ME = 'aaaa1111-0000-4000-8000-000000000000';
const OTHER = 'cccc3333-0000-4000-8000-000000000000';
const at = (daysAgo: number) => Date.now() - daysAgo * 86_400_000;
const FILE = realisticLog(21, OTHER, 25, at(60));
const TEXT = exportJson(FILE, Date.now());

async function logNow(): Promise<BreakEntry[]> {
  const db = await openLog();
  try {
    return (await readLog(db)).entries;
  } finally {
    db.close();
  }
}

/** This browser's breaks in the account, by key. */
async function published(): Promise<string[]> {
  return (readSnapshot(await fakeBrowser.storage.sync.get(null)).devices.get(deviceShort(ME))?.entries ?? []).map(entryKey);
}

/** Lets queued work and fake-indexeddb's callbacks run for a while (not on setTimeout: one test fakes it). */
async function ticks(n = 40): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Whether a promise has settled yet. */
function watch<T>(p: Promise<T>): { readonly done: boolean; promise: Promise<T> } {
  const state = { done: false, promise: p };
  p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
}

/** The page's write between its begin and its end, as import-into-log.ts makes it. */
async function pageWrites(entries: readonly BreakEntry[]): Promise<number> {
  const db = await openLog();
  try {
    return (await importBreaks(db, entries)).added;
  } finally {
    db.close();
  }
}

let mine: BreakEntry;

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  await syncChoiceItem.setValue(true);
  registerSync();
  registerAllRequests();
  sendMessagesAsPage();
  mine = realisticBreak(rng(3), ME, at(1));
  const db = await openLog();
  await addBreak(db, mine);
  db.close();
  await requestSync();
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await ticks();
  await inSyncQueue(async () => undefined);
});

describe("the History page's import in the background's queue", () => {
  it('waits for a sync round that is running: nothing recorded or written until it ends, then the file lands and is published', async () => {
    // A round stopped mid-way (reading the account) until released.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementationOnce(async (keys) => {
      await gate;
      return read(keys);
    });
    const round = watch(requestSync());
    const imported = watch(importIntoLog(new Blob([TEXT])));
    await ticks();
    expect(round.done || imported.done).toBe(false);
    expect(await importJobItem.getValue()).toBeNull();
    expect(await logNow()).toHaveLength(1);
    release();
    expect(await imported.promise).toEqual({ ok: true, added: 25, skipped: 0 });
    await round.promise;
    await requestSync();
    expect(new Set(await published())).toEqual(new Set([mine, ...FILE].map(entryKey)));
    expect(await importJobItem.getValue()).toBeNull();
    expect(await syncDueItem.getValue()).toBeNull();
  });

  it('holds the queue from its begin to its end: a round asked for meanwhile runs after, and publishes the whole file', async () => {
    const { token } = await send({ type: 'log:importBegin' });
    // Recorded, and a round owed, before the page writes anything.
    expect((await importJobItem.getValue())?.token).toBe(token);
    expect(await syncDueItem.getValue()).not.toBeNull();
    const round = watch(requestSync());
    await ticks();
    expect(round.done).toBe(false);
    const added = await pageWrites(FILE);
    await send({ type: 'log:importEnd', token, added });
    await round.promise;
    expect(new Set(await published())).toEqual(new Set([mine, ...FILE].map(entryKey)));
    await inSyncQueue(async () => undefined);
    expect(await importJobItem.getValue()).toBeNull();
  });

  it('Delete all asked for during an import waits for it, then deletes the imported breaks too; nothing is published', async () => {
    const { token } = await send({ type: 'log:importBegin' });
    const wipe = watch(send({ type: 'data:deleteAll' }));
    await ticks();
    expect(wipe.done).toBe(false);
    expect(await dataWipeItem.getValue()).toBeNull();
    const added = await pageWrites(FILE);
    expect(added).toBe(FILE.length);
    await send({ type: 'log:importEnd', token, added });
    await wipe.promise;
    await requestSync();
    expect((await indexedDB.databases()).some((d) => d.name === 'rollbreak')).toBe(false);
    expect(await published()).toEqual([]);
    expect(await importJobItem.getValue()).toBeNull();
  });

  it('an import asked for during Delete all waits for it, then lands in a new log; sync stays off', async () => {
    const wipe = watch(send({ type: 'data:deleteAll' }));
    const imported = await importIntoLog(new Blob([TEXT]));
    expect(wipe.done).toBe(true);
    expect(imported).toEqual({ ok: true, added: 25, skipped: 0 });
    expect((await logNow()).map(entryKey).sort()).toEqual(FILE.map(entryKey).sort());
    await requestSync();
    expect(await published()).toEqual([]);
    expect(await syncChoiceItem.getValue()).toBe(false);
  });

  it('is refused, before anything is written, while a Delete all is under way', async () => {
    await dataWipeItem.setValue({ startedAt: Date.now() });
    await expect(importIntoLog(new Blob([TEXT]))).rejects.toBeInstanceOf(RequestError);
    expect(await logNow()).toHaveLength(1);
    expect(await importJobItem.getValue()).toBeNull();
  });

  it('Undo asked for during an import waits for it, then brings the break back', async () => {
    expect(await send({ type: 'log:delete', id: mine.id })).toEqual({ ok: true });
    const { token } = await send({ type: 'log:importBegin' });
    const undo = watch(send({ type: 'log:undo', entry: mine }));
    await ticks();
    expect(undo.done).toBe(false);
    await send({ type: 'log:importEnd', token, added: await pageWrites(FILE) });
    const answer = await undo.promise;
    expect(answer.ok).toBe(true);
    const log = await logNow();
    expect(log).toHaveLength(FILE.length + 1);
    await requestSync();
    expect(await published()).toHaveLength(FILE.length + 1);
  });

  it('a page closed mid-import (no end): the lease lets the queue go, the record goes and the round runs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { token } = await send({ type: 'log:importBegin' });
    // The page wrote its file, then its tab was closed before it could say so.
    await pageWrites(FILE);
    const round = watch(requestSync());
    await ticks();
    expect(round.done).toBe(false);
    expect((await importJobItem.getValue())?.token).toBe(token);
    vi.advanceTimersByTime(IMPORT_LEASE_MS - 1);
    await ticks();
    expect(round.done).toBe(false);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await round.promise;
    await inSyncQueue(async () => undefined);
    expect(await importJobItem.getValue()).toBeNull();
    expect(new Set(await published())).toEqual(new Set([mine, ...FILE].map(entryKey)));
  });

  it('an end this worker does not hold (it was started again mid-import): the record goes and one more round publishes', async () => {
    // What a stopped worker left: the record, and the round it owed (run at the start).
    await importJobItem.setValue({ token: 'left-behind', startedAt: Date.now() });
    await recoverDataJobs();
    await ticks();
    await inSyncQueue(async () => undefined);
    expect(await importJobItem.getValue()).toBeNull();
    // The page was still writing: its transaction commits after the start-up round read the log.
    const added = await pageWrites(FILE);
    await send({ type: 'log:importEnd', token: 'left-behind', added });
    await requestSync();
    expect(new Set(await published())).toEqual(new Set([mine, ...FILE].map(entryKey)));
    expect(await syncDueItem.getValue()).toBeNull();
  });

  it('refuses a file over the size guard before reading it, without asking the background', async () => {
    const text = vi.fn(async () => TEXT);
    const absurd = { size: MAX_IMPORT_BYTES + 1, text } as unknown as Blob;
    const begin = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await importIntoLog(absurd)).toEqual({ ok: false, error: { code: 'too_big', limit: MAX_IMPORT_BYTES / 1024 / 1024 } });
    expect(text).not.toHaveBeenCalled();
    expect(begin).not.toHaveBeenCalled();
  });

  it('a bad file never reaches the background nor the log', async () => {
    const begin = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const bad = await importIntoLog(new Blob([TEXT.replace('"tool":"', '"tool":"x')]));
    expect(bad.ok).toBe(false);
    expect(begin).not.toHaveBeenCalled();
    expect(await logNow()).toHaveLength(1);
  });
});

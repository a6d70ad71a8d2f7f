import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speakEnglish } from '../../../tests/unit/english';
import { StopPoints, atEveryStop } from '../../../tests/doubles/stop-points';
import { addBreak, openLog } from '../../log/db';
import { readLog } from '../../log/store';
import { exportJson } from '../../log/import-export';
import type { BreakEntry } from '../../log/entry';
import {
  dataWipeItem,
  deviceIdItem,
  importJobItem,
  logOutboxItem,
  settingsItem,
  syncChoiceItem,
  unsyncJobItem,
} from '../../storage/items';
import { deviceShort, entryKey } from '../../domain/break-key';
import { encodeBreak } from '../../sync/encode';
import { logKey } from '../../sync/layout';
import { readSnapshot } from '../../sync/merge';
import { realisticBreak, realisticLog, rng } from '../../../tests/fixtures/breaks';
import { inSyncQueue, registerSync, requestSync, writeLog } from '../sync-service';
import { deleteAll, deleteLogged, recoverDataJobs, unsync } from './log-requests';
import { importIntoLog } from '../../../components/history/import-into-log';
import { registerAllRequests } from '../../../tests/doubles/background-requests';
import { sendMessagesAsPage } from '../../../tests/doubles/messages';
import { syncChoice } from '../sync-choice';
import { dispatch } from '../session-service';
import { queueEntry } from '../log-outbox';

/**
 * Every multi-step data operation stopped at each of its awaits in turn (tests/doubles/stop-points.ts), then
 * the background started again over the same stores: its start-up recovery (recoverDataJobs, the session's
 * catch-up) finishes or undoes the job. At every stop point: nothing is republished, lost or doubled.
 */

const ME = 'aaaa1111-0000-4000-8000-000000000000';
const OTHER = 'bbbb2222-0000-4000-8000-000000000000';
const DAY = 86_400_000;
const at = (daysAgo: number) => Date.now() - daysAgo * DAY;
const points = new StopPoints();
/** Stop points per operation, printed at the end (the report's figures). */
const counts: Record<string, number> = {};

afterAll(() => {
  console.log(`stop points: ${JSON.stringify(counts)}`);
});

async function logNow(): Promise<{ entries: BreakEntry[]; tombstones: string[] } | null> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'rollbreak')) return null;
  const db = await openLog();
  try {
    const log = await readLog(db);
    return { entries: log.entries, tombstones: log.tombstones.map((t) => t.key) };
  } finally {
    db.close();
  }
}

/** The account as every browser would read it: every device's breaks (keys, with repeats) and the deletions. */
async function account() {
  const all = await fakeBrowser.storage.sync.get(null);
  const snap = readSnapshot(all);
  const keysOf = (dev: string) => (snap.devices.get(deviceShort(dev))?.entries ?? []).map(entryKey);
  return { all, snap, mine: keysOf(ME), theirs: keysOf(OTHER), deletions: snap.archive.deletions };
}

function expectUnique(keys: readonly string[], what: string): void {
  expect(keys.length, `${what} holds a break twice`).toBe(new Set(keys).size);
}

/** A fresh browser: sync on, some of its breaks synced, another browser's in the account. */
async function freshBrowser(): Promise<{ mine: BreakEntry[]; theirs: BreakEntry[] }> {
  fakeBrowser.reset();
  speakEnglish();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  await syncChoiceItem.setValue(true);
  registerSync();
  const r = rng(7);
  const mine: BreakEntry[] = [];
  const db = await openLog();
  for (let i = 0; i < 4; i++) {
    const e = realisticBreak(r, ME, at(i + 2));
    await addBreak(db, e);
    mine.push(e);
  }
  db.close();
  const theirs = realisticLog(8, OTHER, 3, at(20));
  await fakeBrowser.storage.sync.set({ [logKey(deviceShort(OTHER), 0)]: `1|${theirs.map((e) => encodeBreak(e)).join(',')}` });
  await requestSync();
  return { mine, theirs };
}

/** The background starts again: its data jobs' recovery, the session's catch-up, and the rounds they start. */
async function restart(): Promise<void> {
  await recoverDataJobs();
  await dispatch({ type: 'tick' });
  // Rounds started detached run out.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await inSyncQueue(async () => undefined);
  }
}

const idle = () => inSyncQueue(async () => undefined);

/** With sync on here: the account holds exactly the log's live breaks (this browser's, imported, others'), each once, none deleted. */
async function expectPublished(trace: readonly string[] = []): Promise<void> {
  const log = (await logNow())!;
  const acc = await account();
  expectUnique(log.entries.map(entryKey), 'the log');
  // A break deleted here may still sit in another browser's records until it syncs: the deletion, handed to
  // the account, keeps it out of every log.
  const dead = new Set(log.tombstones);
  for (const k of dead) expect(acc.deletions.has(k) || acc.mine.length > 0, `deletion of ${k} not in the account`).toBe(true);
  const published = new Set(
    [...acc.snap.devices.values()].flatMap((d) => d.entries.map(entryKey)).filter((k) => !dead.has(k) && !acc.deletions.has(k)),
  );
  expect(published, trace.join(' ')).toEqual(new Set(log.entries.map(entryKey)));
  for (const k of dead) expect(acc.mine).not.toContain(k);
}

describe('every multi-step data operation, stopped at each await and started again', () => {
  // A stopped worker's own failures ("worker stopped") are what these tests cause: kept out of the output,
  // so any other error still shows.
  beforeAll(() => {
    const report = console.error.bind(console);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!args.some((a) => String(a).includes('worker stopped'))) report(...args);
    });
  });
  afterAll(() => vi.mocked(console.error).mockRestore());

  it('Delete all my data: finished at the next start, or not begun; never republished', async () => {
    counts.deleteAll = await atEveryStop(
      points,
      {
        setup: async () => {
          const world = await freshBrowser();
          await settingsItem.setValue({ ...(await settingsItem.getValue()), holdSeconds: 20 });
          return world;
        },
        run: () => deleteAll(),
        restart: async () => {
          await restart();
          // A later round, and a person who syncs by hand: neither publishes anything of this browser.
          await requestSync();
        },
        check: async (world, stop, trace) => {
          const log = await logNow();
          const acc = await account();
          expect(acc.theirs, trace.join(' ')).toHaveLength(world.theirs.length);
          if (log === null || log.entries.length === 0) {
            // Done: nothing of this browser left, and sync stays off.
            expect(acc.mine).toEqual([]);
            expect(Object.keys(acc.all).filter((k) => k.startsWith('settings'))).toEqual([]);
            expect(await syncChoiceItem.getValue()).toBe(false);
            expect(await dataWipeItem.getValue()).toBeNull();
          } else {
            // Not begun (stopped at its very first read): everything as it was, the person asks again.
            expect(stop).not.toBeNull();
            expect(log.entries).toHaveLength(world.mine.length + world.theirs.length);
            await expectPublished();
          }
        },
      },
      idle,
    );
    expect(counts.deleteAll).toBeGreaterThan(10);
  });

  it("remove this browser's records: finished at the next start; other browsers' records and the log kept", async () => {
    counts.removeOwnRecords = await atEveryStop(
      points,
      {
        setup: async () => {
          const world = await freshBrowser();
          // This browser deleted one of the other browser's breaks: the deletion must outlive its keys.
          const victim = (await logNow())!.entries.find((e) => e.deviceId === deviceShort(OTHER))!;
          await deleteLogged({ type: 'log:delete', id: victim.id });
          await idle();
          await requestSync();
          await syncChoice(false);
          await idle();
          return { ...world, victim };
        },
        run: () => unsync(),
        restart,
        check: async (world, stop, trace) => {
          if ((await account()).mine.length > 0) {
            // Not begun (stopped before it recorded itself): nothing changed; the person asks again.
            expect(stop, trace.join(' ')).not.toBeNull();
            expect(await unsyncJobItem.getValue()).toBeNull();
            await unsync();
          }
          const acc = await account();
          expect(acc.mine, trace.join(' ')).toEqual([]);
          expect(acc.theirs).toHaveLength(world.theirs.length);
          expect(acc.deletions.has(entryKey(world.victim))).toBe(true);
          expect(await unsyncJobItem.getValue()).toBeNull();
          const log = (await logNow())!;
          expect(log.entries).toHaveLength(world.mine.length + world.theirs.length - 1);
          expectUnique(log.entries.map(entryKey), 'the log');
          // Sync on again: the records come back once, the deleted break does not.
          await syncChoice(true);
          await requestSync();
          await expectPublished();
          expect((await logNow())!.entries.map(entryKey)).not.toContain(entryKey(world.victim));
        },
      },
      idle,
    );
  });

  it('turning sync off: once the answer is stored, no round publishes; nothing lost', async () => {
    counts.syncOff = await atEveryStop(
      points,
      {
        setup: async () => {
          const world = await freshBrowser();
          const db = await openLog();
          const late = realisticBreak(rng(9), ME, at(1));
          await addBreak(db, late);
          db.close();
          return { ...world, late };
        },
        // The switch turned off while a round (after a break was logged) is waiting.
        run: () => Promise.all([requestSync(), syncChoice(false)]),
        restart,
        check: async (world, _stop, trace) => {
          const off = (await syncChoiceItem.getValue()) === false;
          const before = await account();
          const db = await openLog();
          await addBreak(db, realisticBreak(rng(11), ME, at(0.5)));
          db.close();
          await requestSync();
          const after = await account();
          const log = (await logNow())!;
          expect(log.entries, trace.join(' ')).toHaveLength(world.mine.length + world.theirs.length + 2);
          expectUnique(log.entries.map(entryKey), 'the log');
          if (off) expect(after.all).toEqual(before.all);
          else await expectPublished();
        },
      },
      idle,
    );
  });

  it("import (the History page's write and the background's job around it): all of the file or none, once, and published without another wake", async () => {
    const file = realisticLog(21, 'cccc3333-0000-4000-8000-000000000000', 30, at(60));
    const text = exportJson(file, Date.now());
    // The page and the background share the stores; a stop halts both (the page's transaction is aborted,
    // as a closed tab's is), and the background starts again over the same stores.
    const pageImport = () => importIntoLog(new Blob([text]));
    counts.import = await atEveryStop(
      points,
      {
        setup: async () => {
          const world = await freshBrowser();
          registerAllRequests();
          sendMessagesAsPage();
          return world;
        },
        run: pageImport,
        restart,
        check: async (world, stop, trace) => {
          const log = (await logNow())!;
          const fileKeys = new Set(file.map(entryKey));
          const landed = log.entries.filter((e) => fileKeys.has(entryKey(e))).length;
          expect([0, file.length], trace.join(' ')).toContain(landed);
          // The job's record is gone: the start-up recovery finished it.
          expect(await importJobItem.getValue()).toBeNull();
          // Whatever landed reached the account through the start-up round alone.
          await expectPublished(trace);
          // The person imports again after an error (or to be sure): still once each.
          if (stop !== null) {
            expect(await pageImport()).toMatchObject({ ok: true });
            await restart();
          }
          const again = (await logNow())!;
          expect(again.entries).toHaveLength(world.mine.length + world.theirs.length + file.length);
          await expectPublished();
        },
      },
      idle,
    );
  });

  it('the outbox: a finished break reaches the log and the account exactly once', async () => {
    counts.outbox = await atEveryStop(
      points,
      {
        setup: async () => {
          const world = await freshBrowser();
          const done = realisticBreak(rng(13), ME, at(0.1));
          expect(await queueEntry(done)).toBe(true);
          return { ...world, done };
        },
        // The session's wake writes the outbox to the log and starts a round.
        run: () => dispatch({ type: 'tick' }),
        restart,
        check: async (world, _stop, trace) => {
          const log = (await logNow())!;
          expect(
            log.entries.filter((e) => e.id === world.done.id),
            trace.join(' '),
          ).toHaveLength(1);
          expect(log.entries).toHaveLength(world.mine.length + world.theirs.length + 1);
          expect((await logOutboxItem.getValue()).entries).toEqual([]);
          await expectPublished(trace);
        },
      },
      idle,
    );
  });

  it("a sync round (after a delete): the other browser's breaks and deletions taken in once, own ones published once", async () => {
    const theirsLater = realisticLog(31, OTHER, 5, at(10));
    counts.syncRound = await atEveryStop(
      points,
      {
        setup: async () => {
          const world = await freshBrowser();
          // New here since the last round: a break logged (its write owes a round) ...
          await writeLog((db) => addBreak(db, realisticBreak(rng(17), ME, at(1))));
          // ... and in the account: more of the other browser's breaks.
          await fakeBrowser.storage.sync.set({
            [logKey(deviceShort(OTHER), 1)]: `1|${theirsLater.map((e) => encodeBreak(e)).join(',')}`,
          });
          const victim = world.mine[0]!;
          return { ...world, victim };
        },
        run: (world) => deleteLogged({ type: 'log:delete', id: world.victim.id }),
        restart,
        check: async (world, _stop, trace) => {
          const log = (await logNow())!;
          const deleted = log.tombstones.includes(entryKey(world.victim));
          expect(log.entries, trace.join(' ')).toHaveLength(
            world.mine.length + world.theirs.length + theirsLater.length + 1 - (deleted ? 1 : 0),
          );
          await expectPublished();
          const acc = await account();
          if (deleted) expect(acc.mine).not.toContain(entryKey(world.victim));
          expect(new Set(acc.theirs).size).toBe(world.theirs.length + theirsLater.length);
        },
      },
      idle,
    );
  });
});

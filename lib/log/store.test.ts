import { afterEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { addBreak, listBreaks, openLog } from './db';
import type { RollbreakDB } from './db';
import type { BreakEntry } from './entry';
import { applyRemote, deleteBreak, importBreaks, readLog, replaceBreak, restoreBreak, syncLogStore } from './store';
import { deviceShort, entryKey, makeKey } from '../domain/break-key';

const T0 = Date.UTC(2026, 0, 5, 8);
const MINUTE = 60_000;
const A = 'aaaa1111-0000-4000-8000-000000000000';
const B = 'bbbb2222-0000-4000-8000-000000000000';

const opened: Array<IDBPDatabase<RollbreakDB>> = [];
async function freshLog(name = `rollbreak-store-${Math.random().toString(36).slice(2)}`) {
  const db = await openLog(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function entry(id: string, startedAt: number, overrides: Partial<BreakEntry> = {}): BreakEntry {
  return {
    id,
    deviceId: A,
    startedAt,
    endedAt: startedAt + 5 * MINUTE,
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [
      { area: 'quads', side: 'left', seconds: 150 },
      { area: 'quads', side: 'right', seconds: 150 },
    ],
    holdCount: 1,
    context: 'rest',
    tool: 'roller',
    completed: true,
    ...overrides,
  };
}

describe('deleteBreak', () => {
  it('removes the break and keeps a tombstone with its key, in one go', async () => {
    const db = await freshLog();
    await addBreak(db, entry('u1', T0));
    const tomb = await deleteBreak(db, 'u1', B, T0 + MINUTE);
    expect(tomb).toEqual({ key: makeKey('aaaa1111', T0, 0), deletedAt: T0 + MINUTE, by: 'bbbb2222' });
    expect(await readLog(db)).toEqual({ entries: [], tombstones: [tomb] });
    expect(await deleteBreak(db, 'u1', B, T0)).toBeNull();
  });
});

describe('replaceBreak', () => {
  it("tombstones the old break and adds the edit as this device's next revision", async () => {
    const db = await freshLog();
    await addBreak(db, entry('u1', T0));
    const edited = await replaceBreak(db, 'u1', { context: 'post', tool: 'ball' }, A, T0 + MINUTE);
    expect(edited).toEqual({ ...entry('u1', T0), id: makeKey('aaaa1111', T0, 1), context: 'post', tool: 'ball' });
    expect(entryKey(edited!)).toBe(edited!.id);
    const again = await replaceBreak(db, edited!.id, { holdCount: 4 }, B, T0 + 2 * MINUTE);
    expect(again!.id).toBe(makeKey('bbbb2222', T0, 2));
    expect(again!.deviceId).toBe(B);
    const log = await readLog(db);
    expect(log.entries).toEqual([again]);
    expect(log.tombstones.map((t) => t.key)).toEqual([makeKey('aaaa1111', T0, 0), makeKey('aaaa1111', T0, 1)]);
  });

  it('skips a revision another device already used', async () => {
    const db = await freshLog();
    await addBreak(db, entry('u1', T0));
    await applyRemote(db, { add: [], tombstones: [{ key: makeKey('aaaa1111', T0, 1), deletedAt: T0, by: 'bbbb2222' }] });
    expect((await replaceBreak(db, 'u1', { completed: false }, A, T0))!.id).toBe(makeKey('aaaa1111', T0, 2));
  });
});

describe('restoreBreak (undo a deletion)', () => {
  it("brings a deleted break back as this device's next revision, keeping the tombstone", async () => {
    const db = await freshLog();
    const original = entry('u1', T0);
    await addBreak(db, original);
    await deleteBreak(db, 'u1', A, T0 + MINUTE);
    const restored = await restoreBreak(db, original, A);
    expect(restored).toEqual({ ...original, id: makeKey('aaaa1111', T0, 1), deviceId: A });
    const log = await readLog(db);
    expect(log.entries).toEqual([restored]);
    expect(log.tombstones.map((t) => t.key)).toEqual([entryKey(original)]);
  });

  it('is idempotent: a second undo leaves one break', async () => {
    const db = await freshLog();
    const original = entry('u1', T0);
    await addBreak(db, original);
    await deleteBreak(db, 'u1', A, T0);
    const first = await restoreBreak(db, original, A);
    expect(await restoreBreak(db, original, A)).toEqual(first);
    expect(await db.count('breaks')).toBe(1);
  });

  it("restores another device's break under this device, and survives a sync of the deletion", async () => {
    const db = await freshLog();
    const remote = { ...entry('x', T0, { deviceId: 'bbbb2222' }) };
    remote.id = entryKey(remote);
    await applyRemote(db, { add: [remote], tombstones: [] });
    await deleteBreak(db, remote.id, A, T0);
    const restored = await restoreBreak(db, remote, A);
    expect(restored.id).toBe(makeKey('aaaa1111', T0, 1));
    // The deletion arriving again from sync does not touch the restored break.
    expect(await applyRemote(db, { add: [], tombstones: [{ key: remote.id, deletedAt: T0, by: 'bbbb2222' }] })).toEqual({
      added: 0,
      deleted: 0,
      updated: 0,
    });
    expect((await readLog(db)).entries).toEqual([restored]);
  });

  it('adds a break that was never deleted as it is', async () => {
    const db = await freshLog();
    expect(await restoreBreak(db, entry('u9', T0), A)).toEqual(entry('u9', T0));
    expect(await addBreak(db, entry('u9', T0))).toBe(false);
  });
});

describe('applyRemote', () => {
  it("puts newer body notes on the same break, in place, within the log's rules", async () => {
    const db = await freshLog();
    const remote = { ...entry('x', T0, { deviceId: 'bbbb2222' }) };
    remote.id = entryKey(remote);
    await applyRemote(db, { add: [remote], tombstones: [] });
    const noted = { ...remote, checkIn: [{ area: 'quads' as const, feel: 'eased' as const }] };
    const stranger = { ...entry('y', T0 + MINUTE, { deviceId: 'bbbb2222' }), checkIn: noted.checkIn };
    stranger.id = entryKey(stranger);
    const outOfRules = { ...remote, checkIn: [{ area: 'calves' as const, feel: 'eased' as const }] };
    expect(await applyRemote(db, { add: [], tombstones: [], update: [noted, stranger] })).toEqual({
      added: 0,
      deleted: 0,
      updated: 1,
    });
    expect((await readLog(db)).entries).toEqual([noted]);
    // A check-in naming an area the break did not roll is not taken.
    expect((await applyRemote(db, { add: [], tombstones: [], update: [outOfRules] })).updated).toBe(0);
    expect((await readLog(db)).entries).toEqual([noted]);
  });

  it('deletes by key (whatever the local id) and adds new breaks, once', async () => {
    const db = await freshLog();
    await addBreak(db, entry('uuid-1', T0));
    await addBreak(db, entry('uuid-2', T0 + 60 * MINUTE));
    const remote = { ...entry('x', T0 + 120 * MINUTE, { deviceId: 'bbbb2222' }) };
    remote.id = entryKey(remote);
    const changes = {
      add: [
        remote,
        { ...entry('uuid-2', T0 + 60 * MINUTE), id: entryKey(entry('uuid-2', T0 + 60 * MINUTE)), deviceId: 'aaaa1111' },
      ],
      tombstones: [{ key: entryKey(entry('uuid-1', T0)), deletedAt: T0, by: 'bbbb2222' }],
    };
    expect(await applyRemote(db, changes)).toEqual({ added: 1, deleted: 1, updated: 0 });
    expect((await listBreaks(db)).map((e) => e.id)).toEqual([remote.id, 'uuid-2']);
    expect(await applyRemote(db, changes)).toEqual({ added: 0, deleted: 0, updated: 0 });
    expect(await db.count('tombstones')).toBe(1);
  });

  it('does not add a break whose tombstone arrives with it', async () => {
    const db = await freshLog();
    const remote = { ...entry('x', T0, { deviceId: 'bbbb2222' }) };
    remote.id = entryKey(remote);
    expect(await applyRemote(db, { add: [remote], tombstones: [{ key: remote.id, deletedAt: T0, by: 'bbbb2222' }] })).toEqual({
      added: 0,
      deleted: 0,
      updated: 0,
    });
    expect(await db.count('breaks')).toBe(0);
  });

  it('runs safely alongside a deletion on another connection', async () => {
    const name = `rollbreak-store-race-${Math.random().toString(36).slice(2)}`;
    const a = await freshLog(name);
    const b = await freshLog(name);
    for (let i = 0; i < 20; i++) await addBreak(a, entry(`u${i}`, T0 + i * MINUTE));
    const incoming = Array.from({ length: 20 }, (_, i) => {
      const e = entry('x', T0 + (100 + i) * MINUTE, { deviceId: 'bbbb2222' });
      return { ...e, id: entryKey(e) };
    });
    await Promise.all([
      syncLogStore(a).apply({ add: incoming, tombstones: [] }),
      ...Array.from({ length: 10 }, (_, i) => deleteBreak(b, `u${i}`, A, T0)),
    ]);
    const log = await readLog(a);
    expect(log.entries).toHaveLength(30);
    expect(log.tombstones).toHaveLength(10);
  });
});

describe('importBreaks', () => {
  it('adds new breaks and skips known ids, known keys and deleted keys', async () => {
    const db = await freshLog();
    await addBreak(db, entry('known', T0));
    await addBreak(db, entry('gone', T0 + MINUTE));
    await deleteBreak(db, 'gone', A, T0);
    const sameKey = { ...entry('other-id', T0), id: entryKey(entry('known', T0)), deviceId: deviceShort(A) };
    const result = await importBreaks(db, [
      entry('known', T0),
      sameKey,
      entry('gone', T0 + MINUTE),
      entry('new', T0 + 2 * MINUTE),
    ]);
    expect(result).toEqual({ added: 1, skipped: 3 });
    expect(await importBreaks(db, [entry('new', T0 + 2 * MINUTE)])).toEqual({ added: 0, skipped: 1 });
  });

  it("skips breaks known by key under another id: an export of another browser's synced copies, and the reverse", async () => {
    const db = await freshLog();
    const originals = Array.from({ length: 30 }, (_, i) => entry(`u${i}`, T0 + i * 30 * MINUTE));
    await importBreaks(db, originals.slice(0, 20));
    // The other browser holds them as synced copies: id = key, deviceId = the short id.
    const copies = originals.map((e) => ({ ...e, id: entryKey(e), deviceId: deviceShort(A) }));
    expect(await importBreaks(db, copies)).toEqual({ added: 10, skipped: 20 });
    expect(await importBreaks(db, originals)).toEqual({ added: 0, skipped: 30 });
    expect(await db.count('breaks')).toBe(30);
  });

  it('skips a break whose id is already in the log at another start, and goes on', async () => {
    const db = await freshLog();
    await addBreak(db, entry('same-id', T0));
    const result = await importBreaks(db, [
      entry('n1', T0 + 10 * MINUTE),
      entry('same-id', T0 + 20 * MINUTE),
      entry('n2', T0 + 30 * MINUTE),
    ]);
    expect(result).toEqual({ added: 2, skipped: 1 });
    expect((await readLog(db)).entries.map((e) => e.id)).toEqual(['same-id', 'n1', 'n2']);
  });

  it('tells which breaks it wrote when it knows exactly (the History page shows them without reading the log)', async () => {
    const db = await freshLog();
    await addBreak(db, entry('known', T0));
    await addBreak(db, entry('same-id', T0 - 60 * MINUTE));
    const told: string[][] = [];
    const tell = (written: BreakEntry[]) => told.push(written.map((e) => e.id));
    await importBreaks(db, [entry('known', T0), entry('n1', T0 + MINUTE), entry('n2', T0 + 2 * MINUTE)], tell);
    expect(told).toEqual([['n1', 'n2']]);
    // An id found taken only by the write itself: the count is right, the list would not be, so it is not given.
    expect(await importBreaks(db, [entry('same-id', T0 + 10 * MINUTE), entry('n3', T0 + 20 * MINUTE)], tell)).toEqual({
      added: 1,
      skipped: 1,
    });
    expect(told).toHaveLength(1);
  });

  it('leaves the log as it was when a write fails part-way through a big import', async () => {
    const db = await freshLog();
    await importBreaks(
      db,
      Array.from({ length: 50 }, (_, i) => entry(`old${i}`, T0 - (i + 1) * MINUTE * 30)),
    );
    const before = await readLog(db);
    const many = Array.from({ length: 3000 }, (_, i) => entry(`new${i}`, T0 + i * MINUTE * 30));
    // A value IndexedDB cannot store, in the middle: the adds before it are undone with it.
    many[1500] = { ...many[1500]!, note: () => undefined } as unknown as BreakEntry;
    await expect(importBreaks(db, many)).rejects.toThrow();
    expect(await readLog(db)).toEqual(before);
  });

  it('writes nothing when one break fails', async () => {
    const db = await freshLog();
    const bad = { ...entry('bad', T0), id: undefined } as unknown as BreakEntry;
    await expect(importBreaks(db, [entry('ok1', T0 + MINUTE), entry('ok2', T0 + 2 * MINUTE), bad])).rejects.toThrow();
    expect(await db.count('breaks')).toBe(0);
  });
});

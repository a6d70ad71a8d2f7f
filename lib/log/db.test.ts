import { afterEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS, addBreak, listBreaks, openLog } from './db';
import type { RollbreakDB } from './db';
import type { BreakEntry } from './entry';
import { deleteBreak } from './store';
import { entryKey } from '../domain/break-key';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;

const opened: Array<IDBPDatabase<RollbreakDB> | IDBPDatabase> = [];
const uniqueName = (what: string) => `rollbreak-db-${what}-${Math.random().toString(36).slice(2)}`;

async function freshLog(name = uniqueName('t')): Promise<IDBPDatabase<RollbreakDB>> {
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
    deviceId: 'device-a',
    startedAt,
    endedAt: startedAt + 5 * MINUTE,
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [{ area: 'upper-back', side: null, seconds: 300 }],
    holdCount: 1,
    context: 'rest',
    tool: 'roller',
    completed: true,
    ...overrides,
  };
}

/** A v1 database exactly as db.ts v1 made it (a copy of its MIGRATIONS[0]), with some breaks in it. */
async function createV1(name: string, entries: BreakEntry[]): Promise<void> {
  const v1 = await openDB(name, 1, {
    upgrade(db) {
      const breaks = db.createObjectStore('breaks', { keyPath: 'id' });
      breaks.createIndex('by-start', 'startedAt');
    },
  });
  const tx = v1.transaction('breaks', 'readwrite');
  for (const e of entries) await tx.store.add(e);
  await tx.done;
  v1.close();
}

describe('openLog', () => {
  it('creates breaks (by id, by-start), tombstones (by key, by-deleted) and quarantine', async () => {
    const db = await freshLog();
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['breaks', 'quarantine', 'tombstones']);
    const tx = db.transaction(['breaks', 'tombstones']);
    expect(tx.objectStore('breaks').keyPath).toBe('id');
    expect([...tx.objectStore('breaks').indexNames]).toEqual(['by-start']);
    expect(tx.objectStore('breaks').index('by-start').keyPath).toBe('startedAt');
    expect(tx.objectStore('tombstones').keyPath).toBe('key');
    expect(tx.objectStore('tombstones').index('by-deleted').keyPath).toBe('deletedAt');
  });

  it('has exactly one migration per schema version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  it('reopens an existing log without losing entries', async () => {
    const name = uniqueName('reopen');
    const first = await openLog(name);
    await addBreak(first, entry('a', T0));
    first.close();
    const second = await freshLog(name);
    expect((await listBreaks(second)).map((e) => e.id)).toEqual(['a']);
  });
});

describe('migration v1 → v2', () => {
  it('keeps every v1 break, byte for byte, and adds the tombstones store', async () => {
    const name = uniqueName('migrate');
    const v1Entries = [entry('a', T0), entry('b', T0 + MINUTE, { completed: false, steps: [] }), entry('c', T0 - MINUTE)];
    await createV1(name, v1Entries);
    const db = await freshLog(name);
    expect(db.version).toBe(3);
    expect((await listBreaks(db)).map((e) => e.id)).toEqual(['b', 'a', 'c']);
    for (const e of v1Entries) expect(await db.get('breaks', e.id)).toEqual(e);
    expect(await db.count('tombstones')).toBe(0);
    // The new structures work on the migrated database.
    expect(await deleteBreak(db, 'a', 'device-a', T0 + 10 * MINUTE)).toEqual({
      key: entryKey(v1Entries[0]!),
      deletedAt: T0 + 10 * MINUTE,
      by: 'devicea',
    });
    expect(await db.getAllFromIndex('tombstones', 'by-deleted')).toHaveLength(1);
    expect(await addBreak(db, entry('d', T0 + 2 * MINUTE))).toBe(true);
  });

  it('migrates an empty v1 database', async () => {
    const name = uniqueName('migrate-empty');
    await createV1(name, []);
    const db = await freshLog(name);
    expect([...db.objectStoreNames].sort()).toEqual(['breaks', 'quarantine', 'tombstones']);
  });

  it('v3 repairs breaks logged after a pause of over a day and quarantines what fails the rules', async () => {
    const name = uniqueName('migrate-v3');
    const good = entry('good', T0);
    // An older version logged this one after the user paused it overnight: 30 hours from start to end.
    const overnight = entry('overnight', T0 + 60 * MINUTE, {
      endedAt: T0 + 60 * MINUTE + 30 * 60 * MINUTE,
      activeSeconds: 140,
      completed: false,
    });
    // And took these in from a corrupted sync record.
    const future = entry('ffff0000.x1', Date.UTC(2140, 0, 1), { deviceId: 'ffff0000' });
    const endless = entry('ffff0000.x2', T0 + 2 * 60 * MINUTE, {
      deviceId: 'ffff0000',
      endedAt: T0 + 2 * 60 * MINUTE + 2 ** 40,
      activeSeconds: 2 ** 40,
    });
    await createV1(name, [good, overnight, future, endless]);
    const v2 = await openDB(name, 2, { upgrade: (db, _o, _n, tx) => MIGRATIONS[1]!(db as never, tx as never) });
    v2.close();
    const db = await freshLog(name);
    expect(await db.get('breaks', 'good')).toEqual(good);
    expect(await db.get('breaks', 'overnight')).toEqual({ ...overnight, endedAt: overnight.startedAt + 140_000 });
    expect((await listBreaks(db)).map((e) => e.id).sort()).toEqual(['good', 'overnight']);
    expect(await db.getAll('quarantine')).toEqual([
      { id: 'ffff0000.x1', entry: future },
      { id: 'ffff0000.x2', entry: endless },
    ]);
  });

  it('lets a later version open while a page of this one is still open', async () => {
    const name = uniqueName('blocking');
    await freshLog(name);
    const next = await openDB(name, DB_VERSION + 1, { upgrade() {} });
    opened.push(next);
    expect(next.version).toBe(DB_VERSION + 1);
  });
});

describe('addBreak', () => {
  it('writes an entry once and leaves the first untouched', async () => {
    const db = await freshLog();
    expect(await addBreak(db, entry('a', T0))).toBe(true);
    expect(await addBreak(db, entry('a', T0, { activeSeconds: 1, completed: false }))).toBe(false);
    expect(await db.count('breaks')).toBe(1);
    expect(await db.get('breaks', 'a')).toEqual(entry('a', T0));
  });

  it('does not add a break already here under its cross-device key, or deleted', async () => {
    const db = await freshLog();
    const original = entry('0b8c1f9e-uuid', T0);
    await addBreak(db, original);
    expect(await addBreak(db, { ...original, id: entryKey(original), deviceId: 'devicea' })).toBe(false);
    await deleteBreak(db, original.id, 'device-a', T0);
    expect(await addBreak(db, original)).toBe(false);
    expect(await db.count('breaks')).toBe(0);
  });

  it('is safe with two pages writing at once through two connections', async () => {
    const name = uniqueName('concurrent');
    const a = await freshLog(name);
    const b = await freshLog(name);
    const writesA = Array.from({ length: 50 }, (_, i) => addBreak(a, entry(`a${i}`, T0 + i * MINUTE)));
    const writesB = Array.from({ length: 50 }, (_, i) => addBreak(b, entry(`b${i}`, T0 + i * MINUTE + 1)));
    // Both pages also log the very same break (a retried wake-up seen twice).
    const same = [addBreak(a, entry('same', T0 - MINUTE)), addBreak(b, entry('same', T0 - MINUTE))];
    const results = await Promise.all([...writesA, ...writesB, ...same]);
    expect(results.slice(0, 100).every(Boolean)).toBe(true);
    expect(results.slice(100).filter(Boolean)).toHaveLength(1);
    expect(await a.count('breaks')).toBe(101);
    expect(await b.count('breaks')).toBe(101);
  });
});

describe('listBreaks', () => {
  it('returns breaks newest first and honours the limit', async () => {
    const db = await freshLog();
    for (let i = 0; i < 5; i++) await addBreak(db, entry(`b${i}`, T0 + ((i * 3) % 5) * MINUTE));
    const all = await listBreaks(db);
    expect(all.map((e) => e.startedAt)).toEqual([...all.map((e) => e.startedAt)].sort((x, y) => y - x));
    expect(await listBreaks(db, 2)).toHaveLength(2);
    expect(await listBreaks(db, 0)).toEqual([]);
  });
});

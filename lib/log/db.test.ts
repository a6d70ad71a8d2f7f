import { afterEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS, addBreak, listBreaks, openLog } from './db';
import type { RollbreakDB } from './db';
import type { BreakEntry } from './entry';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;

let dbCount = 0;
const opened: Array<IDBPDatabase<RollbreakDB>> = [];

/** Each test gets its own database, so nothing leaks between them. */
async function freshLog(): Promise<IDBPDatabase<RollbreakDB>> {
  const db = await openLog(`rollbreak-test-${++dbCount}-${Math.random().toString(36).slice(2)}`);
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

describe('openLog', () => {
  it('creates the breaks store keyed by id with a by-start index on startedAt', async () => {
    const db = await freshLog();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(['breaks']);
    const store = db.transaction('breaks').store;
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames]).toEqual(['by-start']);
    expect(store.index('by-start').keyPath).toBe('startedAt');
  });

  it('reopens an existing log without losing entries', async () => {
    const name = `rollbreak-test-reopen-${Math.random().toString(36).slice(2)}`;
    const first = await openLog(name);
    await addBreak(first, entry('a', T0));
    first.close();
    const second = await openLog(name);
    opened.push(second);
    expect((await listBreaks(second)).map((e) => e.id)).toEqual(['a']);
  });

  it('has exactly one migration per schema version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });
});

describe('addBreak', () => {
  it('writes an entry and reports it new', async () => {
    const db = await freshLog();
    expect(await addBreak(db, entry('a', T0))).toBe(true);
    expect(await db.get('breaks', 'a')).toEqual(entry('a', T0));
  });

  it('keeps one entry when the same break is added twice, and leaves the first untouched', async () => {
    const db = await freshLog();
    expect(await addBreak(db, entry('a', T0))).toBe(true);
    expect(await addBreak(db, entry('a', T0, { activeSeconds: 1, completed: false }))).toBe(false);
    expect(await db.count('breaks')).toBe(1);
    expect(await db.get('breaks', 'a')).toEqual(entry('a', T0));
  });
});

describe('listBreaks', () => {
  it('returns breaks newest first, whatever the order they were written in', async () => {
    const db = await freshLog();
    await addBreak(db, entry('middle', T0 + MINUTE * 60));
    await addBreak(db, entry('oldest', T0));
    await addBreak(db, entry('newest', T0 + MINUTE * 120));
    expect((await listBreaks(db)).map((e) => e.id)).toEqual(['newest', 'middle', 'oldest']);
  });

  it('honours the limit', async () => {
    const db = await freshLog();
    for (let i = 0; i < 5; i++) await addBreak(db, entry(`b${i}`, T0 + i * MINUTE));
    expect((await listBreaks(db, 2)).map((e) => e.id)).toEqual(['b4', 'b3']);
    expect(await listBreaks(db, 0)).toEqual([]);
    expect(await listBreaks(db, 10)).toHaveLength(5);
  });

  it('is empty for a new log', async () => {
    expect(await listBreaks(await freshLog())).toEqual([]);
  });
});

import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { openDB } from 'idb';
import type { BreakEntry } from './entry';

export const DB_NAME = 'rollbreak';
export const DB_VERSION = 1;

export interface RollbreakDB extends DBSchema {
  breaks: {
    key: string;
    value: BreakEntry;
    indexes: { 'by-start': number };
  };
}

type UpgradeTx = IDBPTransaction<RollbreakDB, StoreNames<RollbreakDB>[], 'versionchange'>;

/**
 * One migration per schema version: `MIGRATIONS[v - 1]` takes a database from version v - 1 to v.
 * They run in order inside the upgrade transaction, so a database several versions behind catches up in one go.
 */
export const MIGRATIONS: Array<(db: IDBPDatabase<RollbreakDB>, tx: UpgradeTx) => void> = [
  // v1: the break log, keyed by session id, with an index by start time for history and stats.
  (db) => {
    const breaks = db.createObjectStore('breaks', { keyPath: 'id' });
    breaks.createIndex('by-start', 'startedAt');
  },
];

export function openLog(name = DB_NAME): Promise<IDBPDatabase<RollbreakDB>> {
  return openDB<RollbreakDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
  });
}

/** Writes an entry once: a second write of the same break (a retried wake-up) leaves the first untouched. */
export async function addBreak(db: IDBPDatabase<RollbreakDB>, entry: BreakEntry): Promise<boolean> {
  const tx = db.transaction('breaks', 'readwrite');
  const exists = await tx.store.getKey(entry.id);
  if (exists === undefined) await tx.store.add(entry);
  await tx.done;
  return exists === undefined;
}

/** All breaks, newest first. */
export async function listBreaks(db: IDBPDatabase<RollbreakDB>, limit = Infinity): Promise<BreakEntry[]> {
  const out: BreakEntry[] = [];
  let cursor = await db.transaction('breaks').store.index('by-start').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

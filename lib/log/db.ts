import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { openDB, unwrap } from 'idb';
import { isValidBreak, repairBreak } from './schema';
import type { BreakEntry } from './entry';
import type { Tombstone } from '../domain/break-key';
import { entryKey, parseKey } from '../domain/break-key';

/**
 * The break log in IndexedDB: `breaks` (one entry per logged break) and, since v2, `tombstones` (deleted
 * breaks, so deletions travel through sync) and, since v3, `quarantine` (entries that fail the log's rules,
 * kept out of history, stats and exports but not thrown away). Higher-level writes live in store.ts.
 */

export const DB_NAME = 'rollbreak';
export const DB_VERSION = 3;

export interface RollbreakDB extends DBSchema {
  breaks: {
    key: string;
    value: BreakEntry;
    indexes: { 'by-start': number };
  };
  /** Deleted (or replaced) breaks, by cross-device key (see lib/domain/break-key.ts). */
  tombstones: {
    key: string;
    value: Tombstone;
    indexes: { 'by-deleted': number };
  };
  /** Entries an older version let into `breaks` that fail the rules (lib/log/schema.ts), as they were. */
  quarantine: {
    key: string;
    value: { id: string; entry: unknown };
  };
}

export type UpgradeTx = IDBPTransaction<RollbreakDB, StoreNames<RollbreakDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<RollbreakDB>, tx: UpgradeTx) => void;

/**
 * One migration per schema version: `MIGRATIONS[v - 1]` takes a database from version v - 1 to v.
 * They run in order inside the upgrade transaction, so a database several versions behind catches up in one go.
 */
export const MIGRATIONS: Migration[] = [
  // v1: the break log, keyed by session id, with an index by start time for history and stats.
  (db) => {
    const breaks = db.createObjectStore('breaks', { keyPath: 'id' });
    breaks.createIndex('by-start', 'startedAt');
  },
  // v2: tombstones, so deletions (and edits, which replace a break) travel through sync. Breaks are untouched.
  (db) => {
    const tombstones = db.createObjectStore('tombstones', { keyPath: 'key' });
    tombstones.createIndex('by-deleted', 'deletedAt');
  },
  // v3: every break meets the log's rules, so an export always imports again. Breaks an older version logged
  // after a pause of over a day are repaired (schema.ts's repairBreak); anything else that fails (a corrupt
  // record an older version took in from sync) moves to `quarantine`.
  (db, tx) => {
    db.createObjectStore('quarantine', { keyPath: 'id' });
    const quarantine = unwrap(tx.objectStore('quarantine'));
    const cursorRequest = unwrap(tx.objectStore('breaks')).openCursor();
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return;
      const value: unknown = cursor.value;
      if (!isValidBreak(value)) {
        const repaired = repairBreak(value);
        if (repaired) cursor.update(repaired);
        else {
          quarantine.put({ id: String(cursor.primaryKey), entry: value });
          cursor.delete();
        }
      }
      cursor.continue();
    };
  },
];

export function openLog(name = DB_NAME): Promise<IDBPDatabase<RollbreakDB>> {
  return openDB<RollbreakDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
    // A newer version opening elsewhere (after an update) must not wait on this connection: let it go.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

/**
 * Writes an entry once: a second write of the same break (a retried wake-up) leaves the first untouched,
 * and so does a write of a break that is already here under its cross-device key or was deleted.
 */
export async function addBreak(db: IDBPDatabase<RollbreakDB>, entry: BreakEntry): Promise<boolean> {
  const tx = db.transaction(['breaks', 'tombstones'], 'readwrite');
  const added = await addInTx(tx, entry);
  await tx.done;
  return added;
}

export type WriteTx = IDBPTransaction<RollbreakDB, Array<'breaks' | 'tombstones'>, 'readwrite'>;

/** The break with this cross-device key, if any (found through the start-time index). */
export async function findByKey(
  tx: IDBPTransaction<RollbreakDB, Array<'breaks' | 'tombstones'>, IDBTransactionMode>,
  key: string,
): Promise<BreakEntry | undefined> {
  const parsed = parseKey(key);
  if (!parsed) return undefined;
  const byId = await tx.objectStore('breaks').get(key);
  if (byId && entryKey(byId) === key) return byId;
  const sameStart = await tx.objectStore('breaks').index('by-start').getAll(parsed.startedAt);
  return sameStart.find((e) => entryKey(e) === key);
}

/** Adds a break inside a write transaction unless its id or key is known or its key is deleted. */
export async function addInTx(tx: WriteTx, entry: BreakEntry): Promise<boolean> {
  const key = entryKey(entry);
  const breaks = tx.objectStore('breaks');
  if ((await breaks.getKey(entry.id)) !== undefined) return false;
  if ((await tx.objectStore('tombstones').getKey(key)) !== undefined) return false;
  if (await findByKey(tx, key)) return false;
  await breaks.add(entry);
  return true;
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

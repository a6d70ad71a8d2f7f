import type { IDBPDatabase } from 'idb';
import { unwrap } from 'idb';
import type { BreakEntry, CheckInEntry } from './entry';
import { checkBreak } from './schema';
import type { RollbreakDB, WriteTx } from './db';
import { addInTx, findByKey } from './db';
import type { Tombstone } from '../domain/break-key';
import { deviceShort, entryKey, makeKey, revOf } from '../domain/break-key';

/** The local log as the sync code sees it: live breaks and tombstones. */
export interface LocalLog {
  entries: readonly BreakEntry[];
  tombstones: readonly Tombstone[];
}

/** What a merge asks of the local IndexedDB. */
export interface LocalChanges {
  /** Breaks from sync this device does not have (as decoded: id = key). */
  add: BreakEntry[];
  /** Deletions from sync to apply: delete the break with that key, keep the tombstone. */
  tombstones: Tombstone[];
  /**
   * Breaks here whose body notes (knots, check-in) sync has in a newer or fuller form: the local entry
   * (same id) with those notes. A check-in is a note on the same break, so the break keeps its id and key.
   */
  update?: BreakEntry[];
}

/**
 * The log's higher-level writes, each in one IndexedDB transaction over breaks and tombstones, so two
 * extension pages (or the background and a page) writing at once cannot interleave inside one.
 * Breaks are immutable: a deletion removes the break and leaves a tombstone; an edit is a deletion plus
 * a new break with the next revision (lib/domain/break-key.ts).
 */

type DB = IDBPDatabase<RollbreakDB>;

/** Every break and tombstone, read in one transaction (a consistent snapshot). */
export async function readLog(db: DB): Promise<LocalLog & { entries: BreakEntry[]; tombstones: Tombstone[] }> {
  const tx = db.transaction(['breaks', 'tombstones']);
  const [entries, tombstones] = await Promise.all([
    tx.objectStore('breaks').index('by-start').getAll(),
    tx.objectStore('tombstones').index('by-deleted').getAll(),
  ]);
  await tx.done;
  return { entries, tombstones };
}

/** Deletes a break by id and records its tombstone. Null when there is no such break. */
export async function deleteBreak(db: DB, id: string, deviceId: string, now: number): Promise<Tombstone | null> {
  const tx = db.transaction(['breaks', 'tombstones'], 'readwrite');
  const entry = await tx.objectStore('breaks').get(id);
  let tomb: Tombstone | null = null;
  if (entry) {
    tomb = { key: entryKey(entry), deletedAt: now, by: deviceShort(deviceId) };
    await tx.objectStore('breaks').delete(id);
    await tx.objectStore('tombstones').put(tomb);
  }
  await tx.done;
  return tomb;
}

export type BreakEdit = Partial<Pick<BreakEntry, 'context' | 'tool' | 'steps' | 'activeSeconds' | 'holdCount' | 'completed'>>;

/**
 * Edits a break: the old one gets a tombstone and a new break (this device's, next revision) takes its
 * place, with id = its cross-device key. Returns the new break, or null when there is no such break.
 */
export async function replaceBreak(
  db: DB,
  id: string,
  edit: BreakEdit,
  deviceId: string,
  now: number,
): Promise<BreakEntry | null> {
  const tx = db.transaction(['breaks', 'tombstones'], 'readwrite');
  const old = await tx.objectStore('breaks').get(id);
  let next: BreakEntry | null = null;
  if (old) {
    const dev = deviceShort(deviceId);
    const key = await freeKey(tx, dev, old.startedAt, revOf(old.id) + 1);
    next = { ...old, ...edit, id: key, deviceId };
    await tx.objectStore('breaks').delete(old.id);
    await tx.objectStore('tombstones').put({ key: entryKey(old), deletedAt: now, by: dev });
    await tx.objectStore('breaks').add(next);
  }
  await tx.done;
  return next;
}

/** This device's key for a break at `startedAt` with the first revision from `rev` on that no break or tombstone holds. */
async function freeKey(tx: WriteTx, dev: string, startedAt: number, rev: number): Promise<string> {
  let key = makeKey(dev, startedAt, rev);
  // Another device's edit of the same break may already hold that revision.
  while ((await tx.objectStore('tombstones').getKey(key)) !== undefined || (await findByKey(tx, key))) {
    key = makeKey(dev, startedAt, ++rev);
  }
  return key;
}

/**
 * Puts the done screen's check-in (the answers so far) on the break it belongs to, in place: a check-in
 * is a note on the same break made minutes later, not an edit, so the break keeps its id and key (sync
 * publishes the fuller record). The background calls it only while that break's done screen asks. False
 * when there is no such break or the answers do not meet the log's rules.
 */
export async function addCheckIn(db: DB, id: string, checkIn: readonly CheckInEntry[]): Promise<boolean> {
  const tx = db.transaction('breaks', 'readwrite');
  const entry = await tx.store.get(id);
  let added = false;
  if (entry) {
    const checked = checkBreak({ ...entry, checkIn });
    if (checked.ok) {
      await tx.store.put(checked.entry);
      added = true;
    }
  }
  await tx.done;
  return added;
}

/**
 * Undoes a deletion: brings a deleted break back. Its old key keeps its tombstone (other devices may have
 * applied the deletion already, and a tombstone never goes away), so the break comes back as this device's
 * next revision, exactly as an edit would, and reaches the other devices as a new break. Returns the break
 * as stored: the existing one when it is still here (a second undo), a new revision when it was deleted.
 */
export async function restoreBreak(db: DB, entry: BreakEntry, deviceId: string): Promise<BreakEntry> {
  const tx = db.transaction(['breaks', 'tombstones'], 'readwrite');
  const key = entryKey(entry);
  // Still here under its id or key, or already brought back (a copy with the same start and end).
  let stored =
    (await tx.objectStore('breaks').get(entry.id)) ??
    (await findByKey(tx, key)) ??
    (await tx.objectStore('breaks').index('by-start').getAll(entry.startedAt)).find((e) => e.endedAt === entry.endedAt);
  if (!stored) {
    if ((await tx.objectStore('tombstones').getKey(key)) === undefined) {
      stored = entry;
    } else {
      const dev = deviceShort(deviceId);
      stored = { ...entry, id: await freeKey(tx, dev, entry.startedAt, revOf(entry.id) + 1), deviceId };
    }
    await tx.objectStore('breaks').add(stored);
  }
  await tx.done;
  return stored;
}

/** Applies what a merge found in sync: deletions first, then new breaks (unless deleted). One transaction. */
export async function applyRemote(db: DB, changes: LocalChanges): Promise<{ added: number; deleted: number; updated: number }> {
  const tx = db.transaction(['breaks', 'tombstones'], 'readwrite');
  let added = 0;
  let deleted = 0;
  let updated = 0;
  for (const tomb of changes.tombstones) {
    if ((await tx.objectStore('tombstones').getKey(tomb.key)) !== undefined) continue;
    const entry = await findByKey(tx, tomb.key);
    if (entry) {
      await tx.objectStore('breaks').delete(entry.id);
      deleted++;
    }
    await tx.objectStore('tombstones').put(tomb);
  }
  for (const entry of changes.add) if (await addInTx(tx, entry)) added++;
  // Newer body notes for breaks here: only on the same break (same id and key), and only within the log's rules.
  for (const entry of changes.update ?? []) {
    const stored = await tx.objectStore('breaks').get(entry.id);
    if (!stored || entryKey(stored) !== entryKey(entry)) continue;
    const checked = checkBreak({ ...entry, id: stored.id, deviceId: stored.deviceId });
    if (!checked.ok) continue;
    await tx.objectStore('breaks').put(checked.entry);
    updated++;
  }
  await tx.done;
  return { added, deleted, updated };
}

/**
 * Adds many breaks in one transaction: all of them or, when anything fails part-way (a write the browser
 * refuses, the page closed mid-import), none, and the log stays as it was. Breaks already here (by id or
 * cross-device key) and deleted ones are skipped, so importing the same file twice changes nothing.
 *
 * Built for files of 100,000 breaks: one add per new break and at most three bulk reads, whatever the size
 * of the log. A break here can only share a key with one that starts at the same moment (the key holds the
 * start), so only the breaks within the file's time span are read, their values only when some break of the
 * file is not known by its id, and no read at all goes into an empty log.
 */
export async function importBreaks(
  db: DB,
  entries: readonly BreakEntry[],
  /** Given the breaks written, once they are, when exactly which ones is known (no id was found taken meanwhile). */
  onWritten?: (written: BreakEntry[]) => void,
): Promise<{ added: number; skipped: number }> {
  if (entries.length === 0) return { added: 0, skipped: 0 };
  const tx = db.transaction(['breaks', 'tombstones'], 'readwrite');
  // An aborted import rejects `done` before anyone awaits it: that is handled below, not unhandled.
  tx.done.catch(() => undefined);
  let added = 0;
  try {
    const keys = keysOf(entries);
    const span = startSpan(entries, () => true);
    const byStart = tx.objectStore('breaks').index('by-start');
    const [idsInSpan, dead] = await Promise.all([byStart.getAllKeys(span), tx.objectStore('tombstones').getAllKeys()]);
    const knownIds = new Set<string>(idsInSpan);
    const knownKeys = new Set<string>(dead);
    if (idsInSpan.length > 0) {
      // Breaks here that a new one could match by key only (a synced copy of an original, or the reverse).
      const unknown = startSpan(entries, (e, i) => !knownIds.has(e.id) && !knownKeys.has(keys[i]!));
      if (unknown) for (const e of await byStart.getAll(unknown)) knownKeys.add(entryKey(e));
    }
    // Plain requests, no promise and no listener per break; the transaction's end says whether all of them
    // were written. An id already here outside the file's span (a break that moved?) is skipped like any
    // known one: its request's error is caught on its way down to the request (capture), before idb's own
    // listener on the transaction sees it; any other failure aborts the transaction.
    const raw = unwrap(tx);
    const skipTaken = (event: Event) => {
      if (event.target === raw || (event.target as IDBRequest).error?.name !== 'ConstraintError') return;
      event.preventDefault();
      event.stopPropagation();
      added--;
      taken = true;
    };
    raw.addEventListener('error', skipTaken, { capture: true });
    let taken = false;
    const written: BreakEntry[] | null = onWritten ? [] : null;
    const store = unwrap(tx.objectStore('breaks'));
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const key = keys[i]!;
      if (knownIds.has(entry.id) || knownKeys.has(key)) continue;
      knownIds.add(entry.id);
      knownKeys.add(key);
      store.add(entry);
      written?.push(entry);
      added++;
    }
    await tx.done;
    if (written && !taken) onWritten?.(written);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw err;
  }
  return { added, skipped: entries.length - added };
}

/** entryKey of each break, the short device id worked out once per device. */
function keysOf(entries: readonly BreakEntry[]): string[] {
  const shortOf = new Map<string, string>();
  return entries.map((e) => {
    let dev = shortOf.get(e.deviceId);
    if (dev === undefined) shortOf.set(e.deviceId, (dev = deviceShort(e.deviceId)));
    return makeKey(dev, e.startedAt, e.id.includes('~') ? revOf(e.id) : 0);
  });
}

/** The range of starts of the breaks that pass `which`; undefined for none. */
function startSpan(entries: readonly BreakEntry[], which: (e: BreakEntry, i: number) => boolean): IDBKeyRange | undefined {
  let min = Infinity;
  let max = -Infinity;
  entries.forEach((e, i) => {
    if (!which(e, i)) return;
    if (e.startedAt < min) min = e.startedAt;
    if (e.startedAt > max) max = e.startedAt;
  });
  return min <= max ? IDBKeyRange.bound(min, max) : undefined;
}

/** What the sync engine needs of the log. */
export interface SyncLogStore {
  read(): Promise<LocalLog>;
  apply(changes: LocalChanges): Promise<{ added: number; deleted: number; updated?: number }>;
}

export function syncLogStore(db: DB): SyncLogStore {
  return { read: () => readLog(db), apply: (changes) => applyRemote(db, changes) };
}

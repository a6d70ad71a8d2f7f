import type { IDBPDatabase } from 'idb';
import type { BreakEntry } from './entry';
import type { RollbreakDB } from './db';
import { openLog } from './db';
import { dayStartTs, localDay, weekStart } from '../domain/days';
import { uiLanguage } from '../i18n';
import { firstDayOfWeek } from '../i18n/week';

/**
 * The history page's reads of the break log, straight from IndexedDB (writes go through the background).
 * Sized for a log of tens of thousands of breaks: the first render reads a small key range, the rest is read
 * in chunks between which the page gets to run.
 */

/** Breaks the recent list shows at first, and per "Show more". */
export const PAGE_SIZE = 50;
/** Breaks per read while the whole log loads, at first; then as many as fit a short task (see readAll). */
export const CHUNK = 1_000;
/** What one read may take on the page's main thread (turning its records into objects): well below a long task's 50 ms. */
const READ_MS = 20;
/** Weeks on the chart (computeStats's default). */
const WEEKS = 8;

export interface LogView {
  /** Breaks, oldest first: every break once `complete`, before that the recent window (see readRecent). */
  entries: BreakEntry[];
  /** How many breaks the log holds. */
  total: number;
  /** Whether `entries` is the whole log. */
  complete: boolean;
  /** The start (a timestamp) of the window that is loaded in full even before `complete`. */
  windowStart: number;
}

/**
 * The first moment the stats look at: the start of the chart's first week, or 30 days ago if earlier.
 * Weeks start on the user's first day of the week (`firstDay`, 0 = Sunday; Monday by default).
 */
export function statsWindowStart(now: number, firstDay = firstDayOfWeek(uiLanguage())): number {
  const today = localDay(now);
  return dayStartTs(Math.min(weekStart(today, firstDay) - 7 * (WEEKS - 1), today - 29));
}

async function withLog<T>(job: (db: IDBPDatabase<RollbreakDB>) => Promise<T>): Promise<T> {
  const db = await openLog();
  try {
    return await job(db);
  } finally {
    db.close();
  }
}

/**
 * What the page needs for its first render, in one short transaction: the number of breaks, every break
 * since `statsWindowStart` (all the stats need, except a streak longer than the window), and at least the
 * newest PAGE_SIZE breaks for the list. A getAll over a small key range, however big the log is.
 */
export function readRecent(now = Date.now()): Promise<LogView> {
  const windowStart = statsWindowStart(now);
  return withLog(async (db) => {
    const tx = db.transaction('breaks');
    const index = tx.store.index('by-start');
    const [total, recent] = await Promise.all([tx.store.count(), index.getAll(IDBKeyRange.lowerBound(windowStart))]);
    const older: BreakEntry[] = [];
    if (recent.length < PAGE_SIZE && total > recent.length) {
      let cursor = await index.openCursor(IDBKeyRange.upperBound(windowStart, true), 'prev');
      while (cursor && older.length < PAGE_SIZE - recent.length) {
        older.push(cursor.value);
        cursor = await cursor.continue();
      }
      older.reverse();
    }
    await tx.done;
    const entries = [...older, ...recent];
    return { entries, total, complete: entries.length === total, windowStart };
  });
}

export const yieldToPage = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every break, oldest first, read a chunk at a time in start order with a pause between reads, so a big log
 * never blocks the page for long. Writes may land between two reads: the count is checked at the end and
 * the read starts over (once or twice at most) if it does not match.
 */
export function readAll(): Promise<BreakEntry[]> {
  // One connection for every read: opening the database again per chunk cost more than the reads.
  return withLog(async (db) => {
    for (let attempt = 0; ; attempt++) {
      const out: BreakEntry[] = [];
      const seen = new Set<string>();
      let from: IDBKeyRange | null = null;
      // Reads grow while they are quick and shrink when they are not (a slow or busy machine), so each
      // stays a short task and a big log loads in few reads.
      let size = CHUNK;
      for (;;) {
        const started = performance.now();
        const chunk = await db.getAllFromIndex('breaks', 'by-start', from, size);
        let added = 0;
        for (const e of chunk) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          out.push(e);
          added++;
        }
        if (chunk.length < size) break;
        const took = performance.now() - started;
        size = took < READ_MS / 2 ? Math.min(size * 2, 8 * CHUNK) : took > READ_MS ? Math.max(size >> 1, 100) : size;
        const last = chunk[chunk.length - 1]!.startedAt;
        // Inclusive, so breaks that share the last start time are not skipped (their ids are deduplicated);
        // exclusive only if a whole chunk shares one start time.
        from = IDBKeyRange.lowerBound(last, added === 0);
        await yieldToPage();
      }
      const total = await db.count('breaks');
      if (total === out.length || attempt >= 2) return out;
    }
  });
}

/** Breaks started at or after `from` (all when null), and how many the log holds, in one transaction. */
export function readSince(from: number | null): Promise<{ newer: BreakEntry[]; total: number }> {
  return withLog(async (db) => {
    const tx = db.transaction('breaks');
    const [newer, total] = await Promise.all([
      tx.store.index('by-start').getAll(from === null ? null : IDBKeyRange.lowerBound(from)),
      tx.store.count(),
    ]);
    await tx.done;
    return { newer, total };
  });
}

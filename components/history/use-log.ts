import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { IDBPDatabase } from 'idb';
import type { BreakEntry } from '../../lib/log/entry';
import type { RollbreakDB } from '../../lib/log/db';
import { openLog } from '../../lib/log/db';
import { syncStatusItem } from '../../lib/log/log-messages';
import { dayStartTs, localDay, weekStart } from '../../lib/stats/days';
import { uiLanguage } from '../../lib/i18n';
import { firstDayOfWeek } from '../../lib/i18n/week';

/** Breaks the recent list shows at first, and per "Show more". */
export const PAGE_SIZE = 50;
/** Breaks per read while the whole log loads: each read is a short task, so the page stays responsive. */
export const CHUNK = 2_000;
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

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every break, oldest first, read CHUNK at a time in start order with a pause between reads, so a big log
 * never blocks the page for long. Writes may land between two reads: the count is checked at the end and
 * the read starts over (once or twice at most) if it does not match.
 */
export async function readAll(): Promise<BreakEntry[]> {
  for (let attempt = 0; ; attempt++) {
    const out: BreakEntry[] = [];
    const seen = new Set<string>();
    let from: IDBKeyRange | null = null;
    let total = 0;
    for (;;) {
      const range = from;
      const chunk = await withLog((db) => db.getAllFromIndex('breaks', 'by-start', range, CHUNK));
      let added = 0;
      for (const e of chunk) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        out.push(e);
        added++;
      }
      if (chunk.length < CHUNK) break;
      const last = chunk[chunk.length - 1]!.startedAt;
      // Inclusive, so breaks that share the last start time are not skipped (their ids are deduplicated);
      // exclusive only if a whole chunk shares one start time.
      from = IDBKeyRange.lowerBound(last, added === 0);
      await yieldToPage();
    }
    total = await withLog((db) => db.count('breaks'));
    if (total === out.length || attempt >= 2) return out;
  }
}

export interface LogState {
  view: LogView | null;
  error: boolean;
  /** Reads the whole log again (after an import). */
  reload(): Promise<void>;
  /** After a delete the background confirmed. */
  removed(id: string): void;
  /** After an undo: the break as the background stored it. */
  restored(entry: BreakEntry): void;
}

function insertSorted(entries: readonly BreakEntry[], entry: BreakEntry): BreakEntry[] {
  let i = entries.length;
  while (i > 0 && entries[i - 1]!.startedAt > entry.startedAt) i--;
  return [...entries.slice(0, i), entry, ...entries.slice(i)];
}

/**
 * The break log for the history page. The page only reads IndexedDB; the background writes it.
 *
 * First the recent window (readRecent), so the page is usable at once whatever the size of the log; then
 * the whole log in short reads (readAll). After every sync round the background stores a new status:
 * watching it catches breaks logged here, breaks from other devices, and deletions. Each time, only the
 * breaks newer than the newest one shown are read, plus a count; a count that does not add up (a break
 * deleted or an older one added elsewhere) reads the whole log again.
 */
export function useLog(): LogState {
  const [view, setView] = useState<LogView | null>(null);
  const [error, setError] = useState(false);
  const current = useRef<LogView | null>(null);
  const show = useCallback((next: LogView) => {
    current.current = next;
    setView(next);
  }, []);

  const loadAll = useCallback(async () => {
    const entries = await readAll();
    show({ entries, total: entries.length, complete: true, windowStart: current.current?.windowStart ?? statsWindowStart(Date.now()) });
  }, [show]);

  const refresh = useCallback(async () => {
    const known = current.current;
    if (!known?.complete) return;
    const newest = known.entries[known.entries.length - 1];
    const { newer, total } = await withLog(async (db) => {
      const tx = db.transaction('breaks');
      const [newer, total] = await Promise.all([
        tx.store.index('by-start').getAll(newest ? IDBKeyRange.lowerBound(newest.startedAt) : null),
        tx.store.count(),
      ]);
      await tx.done;
      return { newer, total };
    });
    if (current.current !== known) return;
    const ids = new Set<string>();
    for (let i = known.entries.length - 1; i >= 0 && newest && known.entries[i]!.startedAt >= newest.startedAt; i--) ids.add(known.entries[i]!.id);
    const fresh = newer.filter((e) => !ids.has(e.id));
    if (known.entries.length + fresh.length === total) {
      if (fresh.length > 0) show({ ...known, entries: [...known.entries, ...fresh], total });
    } else await loadAll();
  }, [loadAll, show]);

  useEffect(() => {
    let gone = false;
    void (async () => {
      try {
        const first = await readRecent();
        if (gone) return;
        show(first);
        if (!first.complete) {
          await yieldToPage();
          if (!gone) await loadAll();
        }
      } catch {
        if (!gone) setError(true);
      }
    })();
    const unwatch = syncStatusItem.watch(() => void refresh().catch(() => setError(true)));
    return () => {
      gone = true;
      unwatch();
    };
  }, [loadAll, refresh, show]);

  const reload = useCallback(() => loadAll().catch(() => setError(true)), [loadAll]);
  const removed = useCallback(
    (id: string) => {
      const known = current.current;
      if (!known) return;
      const entries = known.entries.filter((e) => e.id !== id);
      show({ ...known, entries, total: known.total - (known.entries.length - entries.length) });
    },
    [show],
  );
  const restored = useCallback(
    (entry: BreakEntry) => {
      const known = current.current;
      if (!known || known.entries.some((e) => e.id === entry.id)) return;
      show({ ...known, entries: insertSorted(known.entries, entry), total: known.total + 1 });
    },
    [show],
  );
  return { view, error, reload, removed, restored };
}

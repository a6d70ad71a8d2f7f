import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BreakEntry } from '../../lib/log/entry';
import { syncStatusItem } from '../../lib/storage/items';
import { readAll, readRecent, readSince, statsWindowStart, yieldToPage, type LogView } from '../../lib/log/read';

export { PAGE_SIZE, type LogView } from '../../lib/log/read';

export interface LogState {
  view: LogView | null;
  error: boolean;
  /** Reads the whole log again (after an import). */
  reload(): Promise<void>;
  /** After a delete the background confirmed. */
  removed(id: string): void;
  /** After an undo: the break as the background stored it. */
  restored(entry: BreakEntry): void;
  /** After an import: the breaks it wrote (a file of 100,000 is not read back from the log). */
  imported(written: readonly BreakEntry[]): Promise<void>;
}

/** Oldest first, as the log's by-start index lists them (the same start: by id). */
const before = (a: BreakEntry, b: BreakEntry): boolean =>
  a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.id < b.id);

/** Two lists each oldest first, as one. */
function mergeSorted(a: readonly BreakEntry[], b: readonly BreakEntry[]): BreakEntry[] {
  const out = new Array<BreakEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = before(b[j]!, a[i]!) ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Breaks oldest first; a list already in that order (an export's) is not copied and sorted. */
function oldestFirst(entries: readonly BreakEntry[]): readonly BreakEntry[] {
  for (let i = 1; i < entries.length; i++)
    if (before(entries[i]!, entries[i - 1]!)) return [...entries].sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
  return entries;
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
    show({
      entries,
      total: entries.length,
      complete: true,
      windowStart: current.current?.windowStart ?? statsWindowStart(Date.now()),
    });
  }, [show]);

  const refresh = useCallback(async () => {
    const known = current.current;
    if (!known?.complete) return;
    const newest = known.entries[known.entries.length - 1];
    const { newer, total } = await readSince(newest?.startedAt ?? null);
    if (current.current !== known) return;
    const ids = new Set<string>();
    for (let i = known.entries.length - 1; i >= 0 && newest && known.entries[i]!.startedAt >= newest.startedAt; i--)
      ids.add(known.entries[i]!.id);
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
  const imported = useCallback(
    async (written: readonly BreakEntry[]) => {
      const known = current.current;
      // Still loading the whole log, which then holds them.
      if (!known?.complete) return reload();
      const entries = mergeSorted(known.entries, oldestFirst(written));
      show({ ...known, entries, total: known.total + written.length });
      // Checked against the log's count, as after a sync round: anything else that changed reads it again.
      await refresh().catch(() => setError(true));
    },
    [refresh, reload, show],
  );
  return { view, error, reload, removed, restored, imported };
}

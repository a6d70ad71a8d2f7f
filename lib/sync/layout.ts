import type { BreakEntry } from '../log/entry';
import { encodeRecord } from './encode';
import { aggregateByDay, decodeTime, encodeDay, encodeTime, nextLocalMidnight } from './days';
import { deviceShort, entryKey } from '../domain/break-key';
import type { TombRange } from './tombs';
import { encodeTombGroups } from './tombs';

/**
 * How one device's part of the log is laid out in `storage.sync`. Each device writes only its own keys:
 *
 *     log:<dev>:<n>   full breaks, oldest first, packed greedily into items of at most 8 KB
 *                     value: "1|" + break records joined by ","           (see encode.ts)
 *                     A break imported from a file whose origin is another device is published here too,
 *                     its record prefixed by the origin's short id and "." so its key stays the origin's.
 *     note:<dev>:<n>  the body notes (knots, check-in) of the breaks in log:<dev>:<n>, only when one has any
 *                     value: "1|" + one note record per break record of that item, in the same order,
 *                     joined by ","; "" for a break without notes (encode.ts's encodeRecord). Rollbreak 0.1
 *                     does not know this key and skips it: it reads the breaks as always, without notes.
 *     agg:<dev>:<n>   per-day aggregates of the breaks folded out of log:, oldest first
 *                     value: "1|" + cutoff (7 chars) + "|" + day records joined by ","
 *                     every break of <dev> that started before the cutoff is in the aggregates
 *     tomb:<dev>:<n>  the breaks this device deleted (or replaced), compacted (tombs.ts)
 *                     value: "1|" + groups joined by ","
 *     tomb:<dev>      (older versions) keys of deleted breaks, value "1|" + keys joined by ","; still read
 *
 * The leading "1" is the format version: readers skip items of a version they do not know.
 * <dev> is the device's short id (lib/domain/break-key.ts). When the device's items would pass what the quota leaves it,
 * its oldest days fold into aggregates (whole local days at a time, plus some headroom so the next
 * breaks append without folding again); the full entries stay in every device's IndexedDB.
 */

/** Chrome's storage.sync limits (Firefox has the same byte and item limits, and no write-rate limits). */
export const SYNC_QUOTA = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

export const FORMAT_VERSION = '1';

const encoder = new TextEncoder();

/** Bytes an item counts against the quota: key length plus the JSON of its value (UTF-8). */
export function itemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value);
  return encoder.encode(key).length + (json === undefined ? 0 : encoder.encode(json).length);
}

export function usage(items: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = 0;
  let count = 0;
  for (const [key, value] of Object.entries(items)) {
    bytes += itemBytes(key, value);
    count++;
  }
  return { bytes, items: count };
}

export const logKey = (dev: string, n: number): string => `log:${dev}:${n}`;
export const noteKey = (dev: string, n: number): string => `note:${dev}:${n}`;
export const aggKey = (dev: string, n: number): string => `agg:${dev}:${n}`;
export const tombKey = (dev: string, n?: number): string => (n === undefined ? `tomb:${dev}` : `tomb:${dev}:${n}`);

export const heartbeatKey = (dev: string): string => `hb:${dev}`;

export type SyncKey = { kind: 'log' | 'agg' | 'tombs' | 'note'; dev: string; n: number } | { kind: 'tomb' | 'hb'; dev: string };

/** One browser's key (see the module comment; `hb:<dev>` is its heartbeat, share.ts). Shared keys: archive.ts. */
export function parseSyncKey(key: string): SyncKey | null {
  let m = /^(log|agg|tomb|note):([0-9a-z]{1,8}):(\d{1,4})$/.exec(key);
  if (m) return { kind: m[1] === 'tomb' ? 'tombs' : (m[1] as 'log' | 'agg' | 'note'), dev: m[2]!, n: Number(m[3]) };
  m = /^(tomb|hb):([0-9a-z]{1,8})$/.exec(key);
  if (m) return { kind: m[1] as 'tomb' | 'hb', dev: m[2]! };
  return null;
}

/**
 * Packs records greedily into items of at most `maxItemBytes` each (key + JSON value), in order.
 * Values are `header` + records joined by ",". Records and header must be JSON-safe (no quotes, backslashes
 * or control characters), so the JSON of a value is its length + 2.
 */
export function packChunks(
  keyOf: (n: number) => string,
  header: string,
  records: readonly string[],
  maxItemBytes: number,
): Record<string, string> {
  const items: Record<string, string> = {};
  let n = 0;
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    items[keyOf(n++)] = header + parts.join(',');
    parts = [];
  };
  for (const rec of records) {
    const base = keyOf(n).length + 2 + header.length;
    const added = rec.length + (parts.length > 0 ? 1 : 0);
    if (parts.length > 0 && base + size + added > maxItemBytes) {
      flush();
      size = 0;
    }
    size += rec.length + (parts.length > 0 ? 1 : 0);
    parts.push(rec);
  }
  if (parts.length > 0) flush();
  return items;
}

export interface LayoutInput {
  /** This device's short id. */
  dev: string;
  /** The live breaks this device publishes (its own, and those it imported for another device), any order. */
  entries: readonly BreakEntry[];
  /** Keys of the breaks this device deleted, oldest deletion first (tombs.ts's ownDeletions). */
  tombstones: readonly string[];
  /** Ranges of this device's own deleted breaks (tombs.ts). */
  tombRanges?: readonly TombRange[];
  /** The cutoff already in sync (from agg:<dev>); breaks before it stay folded. */
  cutoff: number | null;
  /** What the quota leaves this device, after every other key in sync. */
  budget: { bytes: number; items: number };
  maxItemBytes?: number;
  /** Share of the budget folding frees beyond what the next write needs, so folds are rare. */
  headroom?: number;
  /** Share of the budget deletions may take before the oldest exact ones are dropped (a last resort). */
  tombShare?: number;
}

export interface Layout {
  /** Every item this device should have in sync, and nothing else. */
  items: Record<string, string>;
  cutoff: number | null;
  /** Breaks carried in full, and folded into aggregates. */
  full: number;
  folded: number;
  /** Breaks the format cannot carry (a start before 2020): they stay local only. */
  unsyncable: number;
  /** Deletions carried: exact keys plus ranges. */
  tombstones: number;
  /** Exact deletions left out because even compacted they passed their share (oldest first). */
  tombstonesDropped: number;
  bytes: number;
  /** False when even everything folded does not fit the budget: then nothing should be written. */
  fits: boolean;
}

/** Lays out a device's items within its budget, folding its oldest days into aggregates when needed. */
export function layoutDevice(input: LayoutInput): Layout {
  const maxItem = input.maxItemBytes ?? SYNC_QUOTA.QUOTA_BYTES_PER_ITEM;
  const { dev, budget } = input;
  // Sorted by start; ties (never for one device's own breaks) by key.
  const sorted = [...input.entries].sort((a, b) => a.startedAt - b.startedAt || (entryKey(a) < entryKey(b) ? -1 : 1));
  const shortOf = new Map<string, string>();
  // Parallel arrays rather than an object per break: a layout of 100,000 breaks should make little garbage.
  const entries: BreakEntry[] = [];
  const recs: string[] = [];
  const notes: string[] = [];
  let unsyncable = 0;
  for (const entry of sorted) {
    const rec = encodeRecord(entry);
    let origin = shortOf.get(entry.deviceId);
    if (origin === undefined) shortOf.set(entry.deviceId, (origin = deviceShort(entry.deviceId)));
    if (rec === null) unsyncable++;
    else {
      entries.push(entry);
      recs.push(origin === dev ? rec.record : `${origin}.${rec.record}`);
      notes.push(rec.note);
    }
  }

  // Deletions first: they keep deleted breaks from coming back, which matters more than carrying old breaks
  // in full. All of them, compacted, within their share; only past it do the oldest exact keys go.
  const header = `${FORMAT_VERSION}|`;
  const tombLimit = Math.floor(Math.max(0, budget.bytes) * (input.tombShare ?? 0.5));
  const ranges = input.tombRanges ?? [];
  const tombLayout = (keep: number) => {
    const map = packChunks(
      (n) => tombKey(dev, n),
      header,
      encodeTombGroups(dev, input.tombstones.slice(input.tombstones.length - keep), ranges),
      maxItem,
    );
    return { map, ...usage(map) };
  };
  let kept = input.tombstones.length;
  let tomb = tombLayout(kept);
  if (tomb.bytes > tombLimit) {
    let lo = 0;
    let hi = kept;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (tombLayout(mid).bytes <= tombLimit) lo = mid;
      else hi = mid - 1;
    }
    kept = lo;
    tomb = tombLayout(kept);
  }
  const tombItems = tomb.map;
  const tombBytes = tomb.bytes;
  const tombCount = tomb.items;

  // Days, in order, each a run of `encoded`: one Date computation per day, not per break.
  const groups: Array<{ from: number; to: number }> = [];
  let dayEnd = -Infinity;
  for (let i = 0; i < entries.length; i++) {
    const startedAt = entries[i]!.startedAt;
    if (startedAt >= dayEnd || groups.length === 0) {
      groups.push({ from: i, to: i + 1 });
      dayEnd = nextLocalMidnight(startedAt);
    } else groups[groups.length - 1]!.to = i + 1;
  }
  // Each day's aggregate record is made once, when first needed.
  const dayRecords: Array<string[] | undefined> = [];
  const dayRecordsOf = (g: number): string[] => {
    let dayRecs = dayRecords[g];
    if (!dayRecs) {
      const { from, to } = groups[g]!;
      dayRecords[g] = dayRecs = aggregateByDay(entries.slice(from, to)).flatMap((d) => encodeDay(d) ?? []);
    }
    return dayRecs;
  };
  /** The folded records for a split: whole days before it, and the part of a day before it (a cutoff from sync). */
  const foldedRecords = (split: number): string[] => {
    const out: string[] = [];
    for (let g = 0; g < groups.length && groups[g]!.from < split; g++) {
      const { from, to } = groups[g]!;
      if (to <= split) for (const r of dayRecordsOf(g)) out.push(r);
      else
        for (const d of aggregateByDay(entries.slice(from, split))) {
          const r = encodeDay(d);
          if (r !== null) out.push(r);
        }
    }
    return out;
  };
  const recLengths = recs.map((r) => r.length);
  const noteLengths = notes.map((r) => r.length);

  const measure = (
    cutoff: number | null,
  ): { split: number; cut: string | null; ends: number[]; bytes: number; items: number } => {
    const cut = cutoff === null ? null : encodeTime(cutoff);
    const split = cut === null || cutoff === null ? 0 : lowerBound(entries, cutoff);
    const log = chunkLog(dev, header.length, recLengths, noteLengths, maxItem, split);
    const agg =
      split > 0
        ? packedSize(
            (n) => aggKey(dev, n).length,
            header.length + cut!.length + 1,
            foldedRecords(split).map((r) => r.length),
            maxItem,
            0,
          )
        : { bytes: 0, items: 0 };
    return { split, cut, ends: log.ends, bytes: log.bytes + agg.bytes + tombBytes, items: log.items + agg.items + tombCount };
  };
  const fits = (m: { bytes: number; items: number }) => m.bytes <= budget.bytes && m.items <= budget.items;

  const build = (m: ReturnType<typeof measure>, cutoff: number | null): Layout => {
    const items: Record<string, string> = { ...tombItems };
    let from = m.split;
    m.ends.forEach((to, n) => {
      items[logKey(dev, n)] = header + recs.slice(from, to).join(',');
      const itemNotes = notes.slice(from, to);
      if (itemNotes.some((note) => note !== '')) items[noteKey(dev, n)] = header + itemNotes.join(',');
      from = to;
    });
    if (m.split > 0)
      Object.assign(
        items,
        packChunks((n) => aggKey(dev, n), `${header}${m.cut}|`, foldedRecords(m.split), maxItem),
      );
    return {
      items,
      cutoff: m.split > 0 ? cutoff : null,
      full: entries.length - m.split,
      folded: m.split,
      unsyncable,
      tombstones: kept + ranges.length,
      tombstonesDropped: input.tombstones.length - kept,
      bytes: m.bytes,
      fits: fits(m),
    };
  };

  const current = measure(input.cutoff);
  if (fits(current)) return build(current, input.cutoff);

  // Fold whole days, oldest first: the first cutoff to fit with headroom, else the first to fit at all. Folding
  // a day replaces its break records (about 23 characters each) by one shorter day record, so the bytes only
  // shrink as the cutoff moves on: a binary search over the days finds both in O(n log days), where measuring
  // every day in turn cost O(n × days) (2.6 s for 10,000 breaks).
  const candidates: number[] = [];
  for (const { from } of groups) {
    const cutoff = nextLocalMidnight(entries[from]!.startedAt);
    if (input.cutoff !== null && cutoff <= input.cutoff) continue;
    if (candidates[candidates.length - 1] !== cutoff) candidates.push(cutoff);
  }
  if (candidates.length === 0) return build(current, input.cutoff);
  const target = budget.bytes * (1 - (input.headroom ?? 0.1));
  const measured = new Map<number, ReturnType<typeof measure>>();
  const at = (i: number) => {
    let m = measured.get(i);
    if (!m) measured.set(i, (m = measure(candidates[i]!)));
    return m;
  };
  const first = (ok: (m: ReturnType<typeof measure>) => boolean): number => {
    let lo = 0;
    let hi = candidates.length; // hi = none found
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(at(mid))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const roomy = first((m) => fits(m) && m.bytes <= target);
  if (roomy < candidates.length) return build(at(roomy), candidates[roomy]!);
  const fitting = first(fits);
  const i = fitting < candidates.length ? fitting : candidates.length - 1;
  return build(at(i), candidates[i]!);
}

/**
 * How the log's records (from `from` on) are packed into `log:` items, greedily, oldest first: where each
 * item ends, and the bytes and items of the `log:` items and of the `note:` items beside them (for items
 * where a break has notes). An item closes when either it or its `note:` item would pass maxItemBytes.
 */
function chunkLog(
  dev: string,
  headerLength: number,
  lengths: readonly number[],
  noteLengths: readonly number[],
  maxItemBytes: number,
  from: number,
): { ends: number[]; bytes: number; items: number } {
  const ends: number[] = [];
  let bytes = 0;
  let items = 0;
  let size = -1; // bytes of the log item being filled, -1 when none
  let noteSize = 0; // bytes of its note item, were it written
  let noted = false;
  const close = (end: number) => {
    bytes += size + (noted ? noteSize : 0);
    items += noted ? 2 : 1;
    ends.push(end);
    size = -1;
  };
  for (let i = from; i < lengths.length; i++) {
    const len = lengths[i]!;
    const noteLen = noteLengths[i]!;
    if (size >= 0 && (size + 1 + len > maxItemBytes || noteSize + 1 + noteLen > maxItemBytes)) close(i);
    if (size < 0) {
      const n = ends.length;
      size = logKey(dev, n).length + 2 + headerLength + len;
      noteSize = noteKey(dev, n).length + 2 + headerLength + noteLen;
      noted = noteLen > 0;
    } else {
      size += 1 + len;
      noteSize += 1 + noteLen;
      noted ||= noteLen > 0;
    }
  }
  if (size >= 0) close(lengths.length);
  return { ends, bytes, items };
}

/** What packChunks would make, in bytes and items, from record lengths alone. */
function packedSize(
  keyLength: (n: number) => number,
  headerLength: number,
  lengths: readonly number[],
  maxItemBytes: number,
  from: number,
): { bytes: number; items: number } {
  let bytes = 0;
  let items = 0;
  let size = -1; // bytes of the item being filled, -1 when none
  for (let i = from; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (size >= 0 && size + 1 + len > maxItemBytes) {
      bytes += size;
      size = -1;
    }
    if (size < 0) {
      items++;
      size = keyLength(items - 1) + 2 + headerLength + len;
    } else size += 1 + len;
  }
  if (size >= 0) bytes += size;
  return { bytes, items };
}

/** Index of the first encoded break that starts at or after `cutoff` (they are sorted by start). */
function lowerBound(encoded: readonly BreakEntry[], cutoff: number): number {
  let lo = 0;
  let hi = encoded.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (encoded[mid]!.startedAt < cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cutoff stored in an agg item's value, or null. */
export function cutoffOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const parts = value.split('|');
  if (parts[0] !== FORMAT_VERSION || parts.length !== 3) return null;
  return decodeTime(parts[1]!);
}

import type { BreakEntry } from '../log/entry';
import { RecordWriter, SYNC_EPOCH, encodeBreakInto, encodeDayInto } from './encode';
import { decodeTime, encodeTime } from './days';
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
/** Bytes of items whose keys and values are JSON-safe ASCII (every item a layout makes): key + value + 2 quotes. */
function plainUsage(items: Record<string, string>): { bytes: number; items: number } {
  let bytes = 0;
  let count = 0;
  for (const key in items) {
    bytes += key.length + items[key]!.length + 2;
    count++;
  }
  return { bytes, items: count };
}

const COMMA = 44;
const DOT = 46;

/**
 * Records laid end to end in one buffer, each followed by ","; `offsets[i]` is where record i starts and
 * `offsets[count]` the end. Records i to j - 1 joined by "," are `text(offsets[i], offsets[j] - 1)`, and take
 * `offsets[j] - offsets[i] - 1` characters: every size the layout measures is a difference of two offsets.
 */
class Records {
  readonly w: RecordWriter;
  offsets: Int32Array;
  count = 0;

  constructor(capacity: number, charsEach = 32) {
    this.w = new RecordWriter(Math.max(64, capacity * charsEach));
    this.offsets = new Int32Array(capacity + 1);
  }

  /** Closes the record written since the last close (or drops nothing when none was written). */
  close(): void {
    this.w.reserve(1);
    this.w.char(COMMA);
    if (this.count + 1 >= this.offsets.length) {
      const next = new Int32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.offsets[++this.count] = this.w.length;
  }

  /** Records `from` to `to - 1` joined by ",". */
  joined(from: number, to: number): string {
    return to > from ? this.w.text(this.offsets[from], this.offsets[to]! - 1) : '';
  }
}

/** Items a greedy packing makes (the rule of packChunks), as the record index each item ends before. */
interface Packing {
  bytes: number;
  /** `ends[k]` is one past item k's last record; `extra` (when given) joins the last item or makes one of its own. */
  ends: number[];
  extraOwnItem: boolean;
}

/**
 * Packs records `from` to `to - 1` of `recs` (then an optional extra record of length `extra`) greedily into
 * items of at most `maxItem` bytes, each `keyLength(n) + 2 + headerLength` plus its records and commas, as
 * packChunks does. Each item's end is found by a binary search over the offsets: O(items × log records).
 */
function pack(
  recs: Records,
  from: number,
  to: number,
  extra: number,
  keyLength: (n: number) => number,
  headerLength: number,
  maxItem: number,
): Packing {
  const q = recs.offsets;
  const ends: number[] = [];
  let bytes = 0;
  let last = -1; // size of the last item
  for (let s = from; s < to;) {
    const base = keyLength(ends.length) + 2 + headerLength;
    // The furthest e with q[e] - q[s] - 1 <= maxItem - base; at least one record per item.
    const bound = q[s]! + maxItem - base + 1;
    let lo = s + 1;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (q[mid]! <= bound) lo = mid;
      else hi = mid - 1;
    }
    last = base + q[lo]! - q[s]! - 1;
    bytes += last;
    ends.push(lo);
    s = lo;
  }
  let extraOwnItem = false;
  if (extra >= 0) {
    if (last >= 0 && last + 1 + extra <= maxItem) bytes += 1 + extra;
    else {
      extraOwnItem = true;
      bytes += keyLength(ends.length) + 2 + headerLength + extra;
      ends.push(to);
    }
  }
  return { bytes, ends, extraOwnItem };
}

/** Items a greedy packing of the log makes: where each `log:` item ends, and its bytes and items with the `note:` items. */
interface LogPacking {
  ends: number[];
  bytes: number;
  items: number;
}

/**
 * Packs the log's records `from` on greedily into `log:` items, oldest first, with the `note:` item beside
 * each item where a break has notes (`notes` holds one note record per break record, "" for none). An item
 * closes when either it or its `note:` item would pass maxItem; its end is found by a binary search over both
 * offsets (each size only grows with the end): O(items × log records).
 */
function packLog(recs: Records, notes: Records, from: number, dev: string, headerLength: number, maxItem: number): LogPacking {
  const q = recs.offsets;
  const nq = notes.offsets;
  const to = recs.count;
  const ends: number[] = [];
  let bytes = 0;
  let items = 0;
  for (let s = from; s < to;) {
    const n = ends.length;
    const base = logKey(dev, n).length + 2 + headerLength;
    const noteBase = noteKey(dev, n).length + 2 + headerLength;
    const bound = q[s]! + maxItem - base + 1;
    const noteBound = nq[s]! + maxItem - noteBase + 1;
    let lo = s + 1;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (q[mid]! <= bound && nq[mid]! <= noteBound) lo = mid;
      else hi = mid - 1;
    }
    bytes += base + q[lo]! - q[s]! - 1;
    items++;
    // Each empty note record takes only its ",": more than that means a break of the item has notes.
    if (nq[lo]! - nq[s]! > lo - s) {
      bytes += noteBase + nq[lo]! - nq[s]! - 1;
      items++;
    }
    ends.push(lo);
    s = lo;
  }
  return { ends, bytes, items };
}

const DAY_MS = 86_400_000;

/** One device's breaks in the order the layout carries them, encoded once, with their local days. */
interface Prepared {
  /** The breaks the format can carry, sorted by start (ties by key), and their starts. */
  entries: BreakEntry[];
  starts: Float64Array;
  /** Their records (prefixed by the origin's short id and "." when the origin is not this device). */
  recs: Records;
  /** Their note records (the start check and the notes, "" for a break without notes), one per record. */
  notes: Records;
  unsyncable: number;
  /** Local days: day g holds entries[dayFrom[g]] up to entries[dayFrom[g + 1] - 1] and ends at dayEnd[g]. */
  dayFrom: Int32Array;
  dayEnd: Float64Array;
  /** Days since SYNC_EPOCH of each local day (its calendar date read as UTC), as day records carry them. */
  dayNumber: Float64Array;
  days: number;
}

function byStart(a: BreakEntry, b: BreakEntry): number {
  return a.startedAt - b.startedAt || (entryKey(a) < entryKey(b) ? -1 : 1);
}

/** Sorts (unless already in order: the log is read by start) and encodes the breaks, and finds their days. */
function prepare(dev: string, input: readonly BreakEntry[]): Prepared {
  let inOrder = true;
  for (let i = 1; i < input.length && inOrder; i++) inOrder = byStart(input[i - 1]!, input[i]!) < 0;
  const sorted = inOrder ? input : [...input].sort(byStart);
  const recs = new Records(sorted.length);
  const notes = new Records(sorted.length, 2);
  const w = recs.w;
  const entries: BreakEntry[] = [];
  const starts = new Float64Array(sorted.length);
  let unsyncable = 0;
  let lastDevice = '';
  let origin = dev;
  for (const entry of sorted) {
    if (entry.deviceId !== lastDevice) {
      lastDevice = entry.deviceId;
      origin = deviceShort(lastDevice);
    }
    const start = w.length;
    if (origin !== dev) {
      w.reserve(origin.length + 1);
      for (let i = 0; i < origin.length; i++) w.char(origin.charCodeAt(i));
      w.char(DOT);
    }
    if (encodeBreakInto(w, entry, notes.w)) {
      starts[entries.length] = entry.startedAt;
      entries.push(entry);
      recs.close();
      notes.close();
    } else {
      w.length = start;
      unsyncable++;
    }
  }
  // Local days, in order: two Date computations per day, none per break.
  const dayFrom: number[] = [];
  const dayEnd: number[] = [];
  const dayNumber: number[] = [];
  let end = -Infinity;
  for (let i = 0; i < entries.length; i++) {
    if (starts[i]! < end) continue;
    const d = new Date(starts[i]!);
    const [y, m, date] = [d.getFullYear(), d.getMonth(), d.getDate()];
    end = new Date(y, m, date + 1).getTime();
    dayFrom.push(i);
    dayEnd.push(end);
    dayNumber.push((Date.UTC(y, m, date) - SYNC_EPOCH) / DAY_MS);
  }
  dayFrom.push(entries.length);
  return {
    entries,
    starts: starts.subarray(0, entries.length),
    recs,
    notes,
    unsyncable,
    dayFrom: Int32Array.from(dayFrom),
    dayEnd: Float64Array.from(dayEnd),
    dayNumber: Float64Array.from(dayNumber),
    days: dayEnd.length,
  };
}

/** Index of the first break that starts at or after `cutoff` (they are sorted by start). */
function lowerBound(starts: Float64Array, cutoff: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lays out a device's items within its budget, folding its oldest days into aggregates when needed. */
export function layoutDevice(input: LayoutInput): Layout {
  const maxItem = input.maxItemBytes ?? SYNC_QUOTA.QUOTA_BYTES_PER_ITEM;
  const { dev, budget } = input;
  const p = prepare(dev, input.entries);
  const { entries, recs, notes } = p;

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
    return { map, ...plainUsage(map) };
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

  // Day records, made in order as far as a measure needs them (never for a log that fits in full). Days
  // whose totals the format cannot carry have none: `dayRecs[g]` is the number of records before day g.
  const days = new Records(Math.min(p.days, 1024));
  const dayRecs = new Int32Array(p.days + 1);
  let daysMade = 0;
  const makeDays = (upTo: number) => {
    for (; daysMade < upTo; daysMade++) {
      const g = daysMade;
      if (encodeDayInto(days.w, p.dayNumber[g]!, entries, p.dayFrom[g]!, p.dayFrom[g + 1]!)) days.close();
      dayRecs[g + 1] = days.count;
    }
  };
  // The part of a day before a cutoff from sync that falls inside it (another time zone, an older version).
  const partials = new Map<number, string | null>();
  const partialOf = (g: number, split: number): string | null => {
    let rec = partials.get(split);
    if (rec === undefined) {
      const w = new RecordWriter();
      partials.set(split, (rec = encodeDayInto(w, p.dayNumber[g]!, entries, p.dayFrom[g]!, split) ? w.text() : null));
    }
    return rec;
  };

  interface Measure {
    split: number;
    cut: string | null;
    /** Whole days folded, and the part of the next one when the split falls inside it. */
    wholeDays: number;
    partial: string | null;
    log: LogPacking;
    agg: Packing | null;
    bytes: number;
    items: number;
  }
  const measure = (cutoff: number | null): Measure => {
    const cut = cutoff === null ? null : encodeTime(cutoff);
    const split = cut === null || cutoff === null ? 0 : lowerBound(p.starts, cutoff);
    const log = packLog(recs, notes, split, dev, header.length, maxItem);
    let wholeDays = 0;
    let partial: string | null = null;
    let agg: Packing | null = null;
    if (split > 0) {
      while (wholeDays < p.days && p.dayFrom[wholeDays + 1]! <= split) wholeDays++;
      makeDays(wholeDays);
      if (wholeDays < p.days && p.dayFrom[wholeDays]! < split) partial = partialOf(wholeDays, split);
      agg = pack(
        days,
        0,
        dayRecs[wholeDays]!,
        partial === null ? -1 : partial.length,
        (n) => aggKey(dev, n).length,
        header.length + cut!.length + 1,
        maxItem,
      );
    }
    return {
      split,
      cut,
      wholeDays,
      partial,
      log,
      agg,
      bytes: log.bytes + (agg?.bytes ?? 0) + tomb.bytes,
      items: log.items + (agg?.ends.length ?? 0) + tomb.items,
    };
  };
  const fits = (m: { bytes: number; items: number }) => m.bytes <= budget.bytes && m.items <= budget.items;

  const build = (m: Measure, cutoff: number | null): Layout => {
    const items: Record<string, string> = { ...tomb.map };
    let s = m.split;
    m.log.ends.forEach((end, n) => {
      items[logKey(dev, n)] = header + recs.joined(s, end);
      if (notes.offsets[end]! - notes.offsets[s]! > end - s) items[noteKey(dev, n)] = header + notes.joined(s, end);
      s = end;
    });
    if (m.agg) {
      const aggHeader = `${header}${m.cut}|`;
      const ends = m.agg.ends;
      s = 0;
      ends.forEach((end, n) => {
        let value = days.joined(s, end);
        // The part-day record closes the last item, or is the last item on its own.
        if (n === ends.length - 1 && m.partial !== null) value = m.agg!.extraOwnItem ? m.partial : `${value},${m.partial}`;
        items[aggKey(dev, n)] = aggHeader + value;
        s = end;
      });
    }
    return {
      items,
      cutoff: m.split > 0 ? cutoff : null,
      full: entries.length - m.split,
      folded: m.split,
      unsyncable: p.unsyncable,
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
  // shrink as the cutoff moves on: a binary search over the days finds both, each measure a few binary
  // searches over the record offsets, so the whole layout costs one pass to encode and little more.
  const candidates: number[] = [];
  for (let g = 0; g < p.days; g++) {
    const cutoff = p.dayEnd[g]!;
    if (input.cutoff !== null && cutoff <= input.cutoff) continue;
    if (candidates[candidates.length - 1] !== cutoff) candidates.push(cutoff);
  }
  if (candidates.length === 0) return build(current, input.cutoff);
  const target = budget.bytes * (1 - (input.headroom ?? 0.1));
  const measured = new Map<number, Measure>();
  const at = (i: number) => {
    let m = measured.get(i);
    if (!m) measured.set(i, (m = measure(candidates[i]!)));
    return m;
  };
  const first = (ok: (m: Measure) => boolean): number => {
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

/** The cutoff stored in an agg item's value, or null. */
export function cutoffOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const parts = value.split('|');
  if (parts[0] !== FORMAT_VERSION || parts.length !== 3) return null;
  return decodeTime(parts[1]!);
}

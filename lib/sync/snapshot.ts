import type { BreakEntry } from '../log/entry';
import { isValidBreak } from '../log/schema';
import type { DayAggregate } from './days';
import { decodeBreak, withNotes } from './encode';
import { decodeDay } from './days';
import { parseKey } from '../domain/break-key';
import { FORMAT_VERSION, cutoffOf, itemBytes, parseSyncKey } from './layout';
import type { TombRange } from './tombs';
import { decodeTombGroup, normalizeRanges } from './tombs';
import type { Archive } from './archive';
import { ARCHIVE_VERSION, emptyArchive, parseSharedKey, readArchiveGroup, readDeletionGroup } from './archive';
import { decodeTime } from './days';

/**
 * Reading the sync area: every device's items decoded into breaks, deletions and day totals. Anything
 * that cannot be read (another format version, a malformed record, a break that fails the log's rules)
 * is left out and counted, never passed on: one bad record from elsewhere must not reach the log.
 */

/** What one device has in sync, decoded. */
export interface DeviceView {
  dev: string;
  /** Its full breaks (deduplicated: an item caught mid-update may repeat one). */
  entries: BreakEntry[];
  /** Keys it deleted. */
  tombstones: string[];
  /** Ranges of its own breaks it deleted (tombs.ts), sorted and merged. */
  ranges: TombRange[];
  /**
   * Records (or whole items) that could not be read: malformed, from a newer format, or a break that fails
   * the log's rules (lib/log/schema.ts). They are kept out of the log and stats, and only counted.
   */
  unreadable: number;
  /** Its folded days, or null when nothing is folded. */
  agg: { cutoff: number; days: DayAggregate[] } | null;
  /** When it last synced, from its heartbeat (`hb:<dev>`, share.ts); null for an older version without one. */
  heartbeat: number | null;
  /** Its raw items, as stored. */
  raw: Record<string, unknown>;
  bytes: number;
  items: number;
}

/** The whole sync area, decoded: every device's part, plus the size of everything. */
export interface SyncSnapshot {
  devices: Map<string, DeviceView>;
  /** The shared archive and deletions (archive.ts), merged over every `arc:` and `del:` item. */
  archive: Archive;
  /** The shared items as stored, with their size. */
  shared: { raw: Record<string, unknown>; bytes: number; items: number; unreadable: number };
  /** Bytes and items of the whole area, other keys (settings) included. */
  bytes: number;
  items: number;
}

/**
 * One break record of a `log:` item of device `dev`: its own break, or one it publishes for another device
 * ("<origin>.<record>"). Null unless it decodes and passes the log's rules.
 */
export function decodeRecord(record: string, dev: string): BreakEntry | null {
  const dot = record.indexOf('.');
  const origin = dot < 0 ? dev : record.slice(0, dot);
  if (dot >= 0 && !/^[0-9a-z]{1,8}$/.test(origin)) return null;
  const entry = decodeBreak(dot < 0 ? record : record.slice(dot + 1), origin);
  return entry && isValidBreak(entry) ? entry : null;
}

function recordsOf(value: unknown, fields: number, version = FORMAT_VERSION): string[] | null {
  if (typeof value !== 'string') return null;
  const parts = value.split('|');
  if (parts[0] !== version || parts.length !== fields) return null;
  const body = parts[fields - 1]!;
  return body === '' ? [] : body.split(',');
}

/**
 * Decodes everything in the sync area. Unknown keys are skipped; items of another format version and
 * records that are malformed or fail the log's rules are skipped and counted in `unreadable`.
 */
export function readSnapshot(all: Record<string, unknown>): SyncSnapshot {
  const devices = new Map<string, DeviceView>();
  const archive = emptyArchive();
  const shared = { raw: {} as Record<string, unknown>, bytes: 0, items: 0, unreadable: 0 };
  let bytes = 0;
  let items = 0;
  const keys = Object.keys(all).sort(); // chunk order, so entries come out oldest first per device
  // Where each log:<dev>:<n> item's records went in its device's entries (-1: unreadable), for its note: item.
  const logSlots = new Map<string, number[]>();
  for (const key of keys) {
    const value = all[key];
    const size = itemBytes(key, value);
    bytes += size;
    items++;
    const sharedKey = parseSharedKey(key);
    if (sharedKey) {
      shared.raw[key] = value;
      shared.bytes += size;
      shared.items++;
      const recs = recordsOf(value, 2, ARCHIVE_VERSION);
      if (recs === null) shared.unreadable++;
      else
        for (const rec of recs) {
          const ok = sharedKey.kind === 'arc' ? readArchiveGroup(archive, rec) : readDeletionGroup(archive, rec);
          if (!ok) shared.unreadable++;
        }
      continue;
    }
    const parsed = parseSyncKey(key);
    if (!parsed) continue;
    let view = devices.get(parsed.dev);
    if (!view) {
      view = {
        dev: parsed.dev,
        entries: [],
        tombstones: [],
        ranges: [],
        unreadable: 0,
        agg: null,
        heartbeat: null,
        raw: {},
        bytes: 0,
        items: 0,
      };
      devices.set(parsed.dev, view);
    }
    view.raw[key] = value;
    view.bytes += size;
    view.items++;
    if (parsed.kind === 'hb') {
      const parts = typeof value === 'string' ? value.split('|') : [];
      const at = parts[0] === ARCHIVE_VERSION && parts.length === 2 ? decodeTime(parts[1]!) : null;
      if (at === null) view.unreadable++;
      else view.heartbeat = Math.max(view.heartbeat ?? 0, at);
      continue;
    }
    if (parsed.kind === 'agg') {
      const cutoff = cutoffOf(value);
      const recs = recordsOf(value, 3);
      if (cutoff === null || recs === null) {
        view.unreadable++;
        continue;
      }
      view.agg ??= { cutoff, days: [] };
      view.agg.cutoff = Math.max(view.agg.cutoff, cutoff);
      for (const rec of recs) {
        const day = decodeDay(rec);
        if (day) view.agg.days.push(day);
        else view.unreadable++;
      }
      continue;
    }
    if (parsed.kind === 'note') {
      // Extras on the breaks of log:<dev>:<n> (read just before: "log:" sorts before "note:"). One that does
      // not line up with its item (caught mid-update) or is malformed is left out; the breaks stay as read.
      const notes = recordsOf(value, 2);
      const slots = logSlots.get(`${parsed.dev}:${parsed.n}`);
      if (notes === null || !slots || slots.length !== notes.length) continue;
      notes.forEach((note, i) => {
        const at = slots[i]!;
        if (note === '' || at < 0) return;
        const noted = withNotes(view.entries[at]!, note);
        if (noted && isValidBreak(noted)) view.entries[at] = noted;
      });
      continue;
    }
    const recs = recordsOf(value, 2);
    if (recs === null) {
      view.unreadable++;
    } else if (parsed.kind === 'log') {
      const slots: number[] = [];
      logSlots.set(`${parsed.dev}:${parsed.n}`, slots);
      for (const rec of recs) {
        const entry = decodeRecord(rec, parsed.dev);
        slots.push(entry ? view.entries.length : -1);
        if (entry) view.entries.push(entry);
        else view.unreadable++;
      }
    } else if (parsed.kind === 'tomb') {
      for (const k of recs) {
        if (parseKey(k)) view.tombstones.push(k);
        else view.unreadable++;
      }
    } else {
      for (const group of recs) {
        const tombs = decodeTombGroup(group, parsed.dev);
        if (!tombs) view.unreadable++;
        else {
          view.tombstones.push(...tombs.keys);
          view.ranges.push(...tombs.ranges);
        }
      }
    }
  }
  for (const view of devices.values()) {
    const seen = new Set<string>();
    view.entries = view.entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).sort((a, b) => a.startedAt - b.startedAt);
    view.ranges = normalizeRanges(view.ranges);
  }
  return { devices, archive, shared, bytes, items };
}

import type { BreakEntry } from '../log/entry';
import type { DayAggregate } from './encode';
import { decodeBreak, decodeDay, localDay } from './encode';
import type { Tombstone } from './keys';
import { deviceShort, entryKey, parseKey } from './keys';
import type { Layout } from './layout';
import { FORMAT_VERSION, SYNC_QUOTA, cutoffOf, itemBytes, layoutDevice, parseSyncKey } from './layout';

/** What one device has in sync, decoded. */
export interface DeviceView {
  dev: string;
  /** Its full breaks (deduplicated: an item caught mid-update may repeat one). */
  entries: BreakEntry[];
  /** Keys it deleted. */
  tombstones: string[];
  /** Its folded days, or null when nothing is folded. */
  agg: { cutoff: number; days: DayAggregate[] } | null;
  /** Its raw items, as stored. */
  raw: Record<string, unknown>;
  bytes: number;
  items: number;
}

/** The whole sync area, decoded: every device's part, plus the size of everything. */
export interface SyncSnapshot {
  devices: Map<string, DeviceView>;
  /** Bytes and items of the whole area, other keys (settings) included. */
  bytes: number;
  items: number;
}

function recordsOf(value: unknown, fields: number): string[] | null {
  if (typeof value !== 'string') return null;
  const parts = value.split('|');
  if (parts[0] !== FORMAT_VERSION || parts.length !== fields) return null;
  const body = parts[fields - 1]!;
  return body === '' ? [] : body.split(',');
}

/** Decodes everything in the sync area. Unknown keys, other versions and malformed records are skipped. */
export function readSnapshot(all: Record<string, unknown>): SyncSnapshot {
  const devices = new Map<string, DeviceView>();
  let bytes = 0;
  let items = 0;
  const keys = Object.keys(all).sort(); // chunk order, so entries come out oldest first per device
  for (const key of keys) {
    const value = all[key];
    const size = itemBytes(key, value);
    bytes += size;
    items++;
    const parsed = parseSyncKey(key);
    if (!parsed) continue;
    let view = devices.get(parsed.dev);
    if (!view) {
      view = { dev: parsed.dev, entries: [], tombstones: [], agg: null, raw: {}, bytes: 0, items: 0 };
      devices.set(parsed.dev, view);
    }
    view.raw[key] = value;
    view.bytes += size;
    view.items++;
    if (parsed.kind === 'log') {
      for (const rec of recordsOf(value, 2) ?? []) {
        const entry = decodeBreak(rec, parsed.dev);
        if (entry) view.entries.push(entry);
      }
    } else if (parsed.kind === 'tomb') {
      for (const k of recordsOf(value, 2) ?? []) if (parseKey(k)) view.tombstones.push(k);
    } else {
      const cutoff = cutoffOf(value);
      const recs = recordsOf(value, 3);
      if (cutoff === null || recs === null) continue;
      view.agg ??= { cutoff, days: [] };
      view.agg.cutoff = Math.max(view.agg.cutoff, cutoff);
      for (const rec of recs) {
        const day = decodeDay(rec);
        if (day) view.agg.days.push(day);
      }
    }
  }
  for (const view of devices.values()) {
    const seen = new Set<string>();
    view.entries = view.entries
      .filter((e) => !seen.has(e.id) && seen.add(e.id))
      .sort((a, b) => a.startedAt - b.startedAt);
  }
  return { devices, bytes, items };
}

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
}

/**
 * What to write locally after reading sync: breaks that are in sync and neither local nor deleted, and
 * tombstones not yet known. Pure; applying the result and merging again yields nothing (idempotent), and
 * the local end state is the union of breaks minus the union of tombstones whatever the order in which
 * devices are read (commutative).
 */
export function mergeRemote(local: LocalLog, snapshot: SyncSnapshot, now: number): LocalChanges {
  const localKeys = new Set(local.entries.map(entryKey));
  const dead = new Set(local.tombstones.map((t) => t.key));
  const devices = [...snapshot.devices.values()].sort((a, b) => (a.dev < b.dev ? -1 : 1));
  const tombstones: Tombstone[] = [];
  for (const view of devices) {
    for (const key of view.tombstones) {
      if (dead.has(key)) continue;
      dead.add(key);
      tombstones.push({ key, deletedAt: now, by: view.dev });
    }
  }
  const add: BreakEntry[] = [];
  for (const view of devices) {
    for (const entry of view.entries) {
      const key = entryKey(entry);
      if (localKeys.has(key) || dead.has(key)) continue;
      localKeys.add(key);
      add.push(entry);
    }
  }
  return { add, tombstones };
}

/** Applies LocalChanges to a LocalLog in memory (what the store does in IndexedDB), for planning and tests. */
export function applyChanges(local: LocalLog, changes: LocalChanges): LocalLog {
  const dead = new Set([...local.tombstones, ...changes.tombstones].map((t) => t.key));
  return {
    entries: [...local.entries, ...changes.add].filter((e) => !dead.has(entryKey(e))),
    tombstones: [...local.tombstones, ...changes.tombstones],
  };
}

export interface WriteOptions {
  /** Bytes and items left for everything else (settings, other features). */
  reserveBytes?: number;
  reserveItems?: number;
  quotaBytes?: number;
  maxItems?: number;
  maxItemBytes?: number;
}

export const DEFAULT_RESERVE_BYTES = 2_048;
export const DEFAULT_RESERVE_ITEMS = 16;

export interface WritePlan {
  /** Items to set in one call: only those that changed. */
  set: Record<string, string>;
  /** This device's keys to remove, after the set. */
  remove: string[];
  layout: Layout;
  budget: { bytes: number; items: number };
}

/**
 * The minimal diff that makes this device's keys in sync carry its local breaks and deletions, within what
 * the other devices leave of the quota. Touches no other device's keys.
 */
export function planWrites(
  local: LocalLog,
  snapshot: SyncSnapshot,
  deviceId: string,
  options: WriteOptions = {},
): WritePlan {
  const dev = deviceShort(deviceId);
  const dead = new Set(local.tombstones.map((t) => t.key));
  const own = local.entries.filter((e) => deviceShort(e.deviceId) === dev && !dead.has(entryKey(e)));
  const ownTombs = local.tombstones
    .filter((t) => t.by === dev)
    .sort((a, b) => a.deletedAt - b.deletedAt || (a.key < b.key ? -1 : 1))
    .map((t) => t.key);
  const view = snapshot.devices.get(dev);
  const budget = {
    bytes:
      (options.quotaBytes ?? SYNC_QUOTA.QUOTA_BYTES) -
      (snapshot.bytes - (view?.bytes ?? 0)) -
      (options.reserveBytes ?? DEFAULT_RESERVE_BYTES),
    items:
      (options.maxItems ?? SYNC_QUOTA.MAX_ITEMS) -
      (snapshot.items - (view?.items ?? 0)) -
      (options.reserveItems ?? DEFAULT_RESERVE_ITEMS),
  };
  const layout = layoutDevice({
    dev,
    entries: own,
    tombstones: ownTombs,
    cutoff: view?.agg?.cutoff ?? null,
    budget,
    ...(options.maxItemBytes === undefined ? {} : { maxItemBytes: options.maxItemBytes }),
  });
  const current = view?.raw ?? {};
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(layout.items)) if (current[key] !== value) set[key] = value;
  const remove = Object.keys(current).filter((key) => !(key in layout.items));
  return { set, remove, layout, budget };
}

/** The snapshot as it will be once a plan's writes land (for status and tests). */
export function afterWrites(all: Record<string, unknown>, plan: Pick<WritePlan, 'set' | 'remove'>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...all, ...plan.set };
  for (const key of plan.remove) delete next[key];
  return next;
}

/** Breaks the sync area holds, full or folded, over all devices. */
export function breaksInSync(snapshot: SyncSnapshot): number {
  let n = 0;
  for (const view of snapshot.devices.values()) {
    n += view.entries.length;
    for (const day of view.agg?.days ?? []) n += day.count;
  }
  return n;
}

/**
 * Days of other devices' breaks known here only as aggregates (folded out of sync before this device saw
 * them in full): each device's per-day totals less the breaks of that device and day held locally.
 * History and stats add these to the local breaks so folded days still count.
 */
export function unseenDays(local: readonly BreakEntry[], snapshot: SyncSnapshot): Array<DayAggregate & { dev: string }> {
  const out: Array<DayAggregate & { dev: string }> = [];
  for (const view of snapshot.devices.values()) {
    if (!view.agg) continue;
    const cutoff = view.agg.cutoff;
    const held = new Map<string, { count: number; activeSeconds: number }>();
    for (const e of local) {
      if (deviceShort(e.deviceId) !== view.dev || e.startedAt >= cutoff) continue;
      const day = localDay(e.startedAt);
      const h = held.get(day) ?? { count: 0, activeSeconds: 0 };
      h.count++;
      h.activeSeconds += e.activeSeconds;
      held.set(day, h);
    }
    for (const day of view.agg.days) {
      const h = held.get(day.day);
      if (!h) out.push({ ...day, dev: view.dev });
      else if (day.count > h.count) {
        // Part of the day is held locally; the rest is known only in total (its areas cannot be split).
        out.push({
          dev: view.dev,
          day: day.day,
          count: day.count - h.count,
          activeSeconds: Math.max(0, day.activeSeconds - h.activeSeconds),
          areas: [],
        });
      }
    }
  }
  return out;
}

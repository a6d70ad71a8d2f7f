import type { BreakEntry } from '../log/entry';
import type { DayAggregate } from './days';
import { localDay } from './days';
import type { Tombstone } from '../domain/break-key';
import type { LocalChanges, LocalLog } from '../log/store';
import { deviceShort, entryKey, parseKey } from '../domain/break-key';
import type { Layout } from './layout';
import { SYNC_QUOTA, layoutDevice } from './layout';
import type { SyncSnapshot } from './snapshot';
import { inRanges, ownDeletions } from './tombs';

export type { DeviceView, SyncSnapshot } from './snapshot';
export { decodeRecord, readSnapshot } from './snapshot';

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
  const ranged = rangeCheck(snapshot);
  const tombstones: Tombstone[] = [];
  const bury = (key: string, by: string) => {
    if (dead.has(key)) return;
    dead.add(key);
    tombstones.push({ key, deletedAt: now, by });
  };
  for (const view of devices) for (const key of view.tombstones) bury(key, view.dev);
  // Ranges name no keys: they delete the local breaks they cover.
  for (const key of [...localKeys].sort()) {
    const by = ranged(key);
    if (by !== null) bury(key, by);
  }
  const add: BreakEntry[] = [];
  for (const view of devices) {
    for (const entry of view.entries) {
      const key = entryKey(entry);
      if (localKeys.has(key) || dead.has(key) || ranged(key) !== null) continue;
      localKeys.add(key);
      add.push(entry);
    }
  }
  return { add, tombstones };
}

/** For a key: the device whose published range deletes it, or null. */
function rangeCheck(snapshot: SyncSnapshot): (key: string) => string | null {
  return (key) => {
    const p = parseKey(key);
    if (!p || p.rev !== 0) return null;
    const view = snapshot.devices.get(p.dev);
    return view && view.ranges.length > 0 && inRanges(view.ranges, p.startedAt) ? view.dev : null;
  };
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
  const adopted = adoptedCheck(snapshot);
  const published = local.entries.filter((e) => !dead.has(entryKey(e)) && (deviceShort(e.deviceId) === dev || adopted(e)));
  const deletions = ownDeletions(dev, local.entries.map(entryKey), local.tombstones);
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
    entries: published,
    tombstones: deletions.keys,
    tombRanges: deletions.ranges,
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

/**
 * Whether this device publishes another device's break: one it imported from a file (a break that came
 * through sync has its key for id; an imported one keeps the session id it was logged with), unless its
 * origin device still carries it in sync.
 */
function adoptedCheck(snapshot: SyncSnapshot): (e: BreakEntry) => boolean {
  const carried = new Map<string, Set<string>>();
  return (e) => {
    const key = entryKey(e);
    if (e.id === key) return false;
    const dev = deviceShort(e.deviceId);
    const origin = snapshot.devices.get(dev);
    if (!origin) return true;
    if (origin.agg && e.startedAt < origin.agg.cutoff) return false;
    let keys = carried.get(dev);
    if (!keys) carried.set(dev, (keys = new Set(origin.entries.map(entryKey))));
    return !keys.has(key);
  };
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

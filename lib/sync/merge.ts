import type { BreakEntry } from '../log/entry';
import type { DayAggregate } from './days';
import { localDay } from './days';
import type { Tombstone } from '../domain/break-key';
import type { LocalChanges, LocalLog } from '../log/store';
import { deviceShort, entryKey, makeKey, parseKey } from '../domain/break-key';
import { notesCode } from './encode';
import type { Layout } from './layout';
import { SYNC_QUOTA, itemBytes as itemBytesOf, layoutDevice, usage as usageOf } from './layout';
import type { SyncSnapshot } from './snapshot';
import { inRanges, ownDeletions } from './tombs';
import { archived, impliedDeleted, memberIdOf, memberStart } from './archive';
import type { SharePlan } from './share';
import { HEARTBEAT_EVERY, orphanDeletions, planShares } from './share';
import { encodeTime } from './days';
import { ARCHIVE_VERSION, parseSharedKey } from './archive';
import { heartbeatKey } from './layout';

export type { DeviceView, SyncSnapshot } from './snapshot';
export { decodeRecord, readSnapshot } from './snapshot';

/**
 * What to write locally after reading sync: breaks that are in sync and neither local nor deleted, and
 * tombstones not yet known. Pure; applying the result and merging again yields nothing (idempotent), and
 * the local end state is the union of breaks minus the union of tombstones whatever the order in which
 * devices are read (commutative).
 */
export function mergeRemote(
  local: LocalLog,
  snapshot: SyncSnapshot,
  now: number,
  deviceId?: string,
  published?: ReadonlySet<string>,
): LocalChanges {
  const me = deviceId === undefined ? null : deviceShort(deviceId);
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
  for (const key of [...snapshot.archive.deletions].sort()) bury(key, SHARED_BY);
  // Deletions that name a key: someone deleted that break (the horizon's are never published by name).
  const named = new Set(tombstones.map((t) => t.key));
  // Ranges name no keys: they delete the local breaks they cover. So does the archive's horizon (archive.ts):
  // a break of an archived browser, before its horizon and not a member, was deleted.
  const archive = snapshot.archive;
  const ownCarried = carriedByOrigin(devices);
  const horizonDeletes = (key: string) => impliedDeleted(archive, key) && !ownCarried.has(key);
  // Except one that browser logged before its horizon but never published before it was archived (a break
  // logged out of order, a clock set wrong, a round that failed): it keeps it, under a new revision. Not
  // under its old key: the horizon deletes that key on every browser that holds a copy (an import of this
  // browser's export), for good (a tombstone), before this browser is back to say otherwise. The new
  // revision lies outside what any horizon deletes (revision 0 only), so it reaches every browser, and the
  // old key's deletion, published by this browser, takes the copies out everywhere alike. (One it already
  // publishes under the old key, as versions before this one did, moves the same way.) Never one a deletion
  // names: whether or not this browser knows it published it (a round stopped after its writes), someone
  // deleted it.
  const exempt = impliedExemption(local, snapshot, me, published);
  const add: BreakEntry[] = [];
  const taken = new Set(localKeys);
  let byKey: Map<string, BreakEntry> | undefined;
  for (const key of [...localKeys].sort()) {
    const by = ranged(key);
    if (by !== null) bury(key, by);
    else if (
      impliedDeleted(archive, key) &&
      !named.has(key) &&
      (exempt.has(key) || (ownCarried.has(key) && parseKey(key)?.dev === me))
    ) {
      const own = (byKey ??= new Map(local.entries.map((e) => [entryKey(e), e]))).get(key)!;
      const next = nextFreeKey(key, (k) => dead.has(k) || taken.has(k));
      bury(key, me!);
      taken.add(next);
      add.push({ ...own, id: next });
    } else if (horizonDeletes(key)) bury(key, SHARED_BY);
  }
  // Body notes (knots, check-in) of breaks already here: the record that wins for each key (see fuller()).
  const notes = new Map<string, { entry: BreakEntry; owner: boolean }>();
  for (const view of devices) {
    for (const entry of view.entries) {
      const key = entryKey(entry);
      if (dead.has(key) || ranged(key) !== null || horizonDeletes(key)) continue;
      if (localKeys.has(key)) {
        if (deviceShort(entry.deviceId) === me) continue;
        const owner = view.dev === deviceShort(entry.deviceId);
        const known = notes.get(key);
        if (!known || (owner && !known.owner) || (owner === known.owner && fuller(entry, known.entry)))
          notes.set(key, { entry, owner });
        continue;
      }
      localKeys.add(key);
      add.push(entry);
    }
  }
  const update: BreakEntry[] = [];
  if (notes.size > 0) {
    for (const e of local.entries) {
      const key = entryKey(e);
      const found = notes.get(key);
      // The browser that logged (or imported) a break holds it under its own id: its notes are the source.
      if (!found || dead.has(key) || e.id !== key) continue;
      notes.delete(key);
      const theirs = notesCode(found.entry);
      const mine = notesCode(e);
      // The browser that ran the break publishes its notes as they are now (a changed answer too); a copy
      // published by another browser wins only when it is fuller.
      if (theirs === mine || (!found.owner && !fuller(found.entry, e))) continue;
      const { knots: _k, checkIn: _c, ...rest } = e;
      update.push({
        ...rest,
        ...(found.entry.knots ? { knots: found.entry.knots } : {}),
        ...(found.entry.checkIn ? { checkIn: found.entry.checkIn } : {}),
      });
    }
  }
  return update.length > 0 ? { add, tombstones, update } : { add, tombstones };
}

/**
 * Whether break record `a` carries fuller body notes than `b` (the same break, read from two places): more
 * knots and answers, and between as many, the greater encoding, so every browser picks the same one.
 */
function fuller(a: BreakEntry, b: BreakEntry): boolean {
  const count = (e: BreakEntry) => (e.knots?.length ?? 0) + (e.checkIn?.length ?? 0);
  if (count(a) !== count(b)) return count(a) > count(b);
  return notesCode(a) > notesCode(b);
}

/** What a tombstone learnt from the shared set or the archive names as its author. */
export const SHARED_BY = 'shared';
const DAY_MS = 86_400_000;

/**
 * Breaks of this browser's own that the archive's horizon must not delete: those it never published (not
 * in `published`, the own keys its last successful round left in sync; the engine keeps them). A browser
 * reclaimed while it was away may have logged them since. Without that record (an older state): those it
 * logged itself within a day before the horizon (a clock set back by up to a day).
 */
function impliedExemption(
  local: LocalLog,
  snapshot: SyncSnapshot,
  me: string | null,
  published?: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  if (me === null) return out;
  const horizon = snapshot.archive.origins.get(me)?.horizon ?? 0;
  if (horizon === 0) return out;
  for (const e of local.entries) {
    const key = entryKey(e);
    if (deviceShort(e.deviceId) !== me) continue;
    if (published ? !published.has(key) : e.id !== key && e.startedAt >= horizon - DAY_MS) out.add(key);
  }
  return out;
}

/** The key of the first revision after `key`'s that is not `used`. */
function nextFreeKey(key: string, used: (key: string) => boolean): string {
  const p = parseKey(key)!;
  let rev = p.rev + 1;
  while (used(makeKey(p.dev, p.startedAt, rev))) rev++;
  return makeKey(p.dev, p.startedAt, rev);
}

/** Keys of the breaks each browser publishes in its own keys as their origin (not imported for another). */
function carriedByOrigin(devices: ReadonlyArray<{ dev: string; entries: readonly BreakEntry[] }>): Set<string> {
  const out = new Set<string>();
  for (const view of devices) {
    for (const e of view.entries) {
      const key = entryKey(e);
      if (parseKey(key)?.dev === view.dev) out.add(key);
    }
  }
  return out;
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
  const updated = new Map((changes.update ?? []).map((e) => [e.id, e]));
  return {
    entries: [...local.entries.map((e) => updated.get(e.id) ?? e), ...changes.add].filter((e) => !dead.has(entryKey(e))),
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
  /** The time of the round: with it, the heartbeat is written and browsers inactive for 45 days are reclaimed. */
  now?: number;
}

export const DEFAULT_RESERVE_BYTES = 2_048;
export const DEFAULT_RESERVE_ITEMS = 16;

export interface WritePlan {
  /** Items to set in one call: only those that changed. */
  set: Record<string, string>;
  /** This device's keys to remove, after the set, and other browsers' keys it reclaims (share.ts). */
  remove: string[];
  /** The shared keys in `set` (archive and deletions): written before any reclaimed key is removed. */
  shared: string[];
  layout: Layout;
  budget: { bytes: number; items: number };
  /** The sharing rule's decisions this round. */
  share: Pick<SharePlan, 'active' | 'share' | 'reclaimed'>;
}

/**
 * The minimal diff that makes this device's keys in sync carry its local breaks and deletions, within what
 * the other devices leave of the quota. Touches no other device's keys.
 */
export function planWrites(local: LocalLog, snapshot: SyncSnapshot, deviceId: string, options: WriteOptions = {}): WritePlan {
  const dev = deviceShort(deviceId);
  const dead = new Set(local.tombstones.map((t) => t.key));
  const adopted = adoptedCheck(snapshot);
  const arc = snapshot.archive;
  // Breaks the archive holds (members or sealed days) are not published again.
  const published = local.entries.filter((e) => {
    const key = entryKey(e);
    return !dead.has(key) && !archived(arc, key) && (deviceShort(e.deviceId) === dev || adopted(e));
  });
  const deletions = ownDeletions(dev, local.entries.map(entryKey), local.tombstones);
  const view = snapshot.devices.get(dev);
  const now = options.now;
  const deadKeys = [...dead];
  // One layout per budget asked for (the sharing rule asks for this browser's need, the plan for the final one).
  const layouts = new Map<string, Layout>();
  const layoutWith = (budget: { bytes: number; items: number }): Layout => {
    const id = `${budget.bytes}/${budget.items}`;
    let known = layouts.get(id);
    if (!known) layouts.set(id, (known = layoutOnce(budget)));
    return known;
  };
  const layoutOnce = (budget: { bytes: number; items: number }) =>
    layoutDevice({
      dev,
      entries: published,
      tombstones: deletions.keys,
      tombRanges: deletions.ranges,
      cutoff: view?.agg?.cutoff ?? null,
      budget,
      ...(options.maxItemBytes === undefined ? {} : { maxItemBytes: options.maxItemBytes }),
    });
  const orphans = orphanDeletions(snapshot, deadKeys, { dev, keys: deletions.keys, ranges: deletions.ranges });
  const shares = planShares(snapshot, dev, now ?? -Infinity, deadKeys, orphans, (share) => layoutWith(share).bytes, {
    ...options,
    reserveBytes: options.reserveBytes ?? DEFAULT_RESERVE_BYTES,
    reserveItems: options.reserveItems ?? DEFAULT_RESERVE_ITEMS,
  });
  // This browser's share, and never more than the account has free for it once the reclaimed keys are gone.
  const reclaimed = new Set(shares.reclaimKeys);
  let othersBytes = 0;
  let othersItems = 0;
  for (const v of snapshot.devices.values()) {
    if (v.dev === dev) continue;
    for (const key of Object.keys(v.raw)) {
      if (reclaimed.has(key)) continue;
      othersBytes += itemBytesOf(key, v.raw[key]);
      othersItems++;
    }
  }
  const sharedUse = usageOf(shares.sharedItems);
  const outside = {
    bytes: snapshot.bytes - snapshot.shared.bytes - sumDevices(snapshot, 'bytes'),
    items: snapshot.items - snapshot.shared.items - sumDevices(snapshot, 'items'),
  };
  const reserveBytes = options.reserveBytes ?? DEFAULT_RESERVE_BYTES;
  const reserveItems = options.reserveItems ?? DEFAULT_RESERVE_ITEMS;
  const free = {
    bytes: (options.quotaBytes ?? SYNC_QUOTA.QUOTA_BYTES) - othersBytes - sharedUse.bytes - outside.bytes - reserveBytes,
    items: (options.maxItems ?? SYNC_QUOTA.MAX_ITEMS) - othersItems - sharedUse.items - outside.items - reserveItems,
  };
  const budget = { bytes: Math.min(shares.share.bytes, free.bytes), items: Math.min(shares.share.items, free.items) };
  const layout = layoutWith(budget);
  const items: Record<string, string> = { ...layout.items };
  // The heartbeat: refreshed every 12 hours, or when this browser's clock went back past it.
  const hbKey = heartbeatKey(dev);
  if (now !== undefined && Number.isFinite(now)) {
    const beat = view?.heartbeat ?? null;
    const stamp = encodeTime(now);
    if (stamp !== null && (beat === null || now - beat >= HEARTBEAT_EVERY || beat - now > HEARTBEAT_EVERY))
      items[hbKey] = `${ARCHIVE_VERSION}|${stamp}`;
    else if (typeof view?.raw[hbKey] === 'string') items[hbKey] = view.raw[hbKey] as string;
  } else if (typeof view?.raw[hbKey] === 'string') items[hbKey] = view.raw[hbKey] as string;
  const current = view?.raw ?? {};
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(items)) if (current[key] !== value) set[key] = value;
  const shared: string[] = [];
  for (const [key, value] of Object.entries(shares.sharedItems)) {
    if (snapshot.shared.raw[key] !== value) {
      set[key] = value;
      shared.push(key);
    }
  }
  const remove = [
    ...Object.keys(current).filter((key) => !(key in items)),
    ...shares.reclaimKeys,
    ...Object.keys(snapshot.shared.raw).filter((key) => parseSharedKey(key) && !(key in shares.sharedItems)),
  ];
  return {
    set,
    remove,
    shared,
    layout,
    budget,
    share: { active: shares.active, share: shares.share, reclaimed: shares.reclaimed },
  };
}

function sumDevices(snapshot: SyncSnapshot, what: 'bytes' | 'items'): number {
  let n = 0;
  for (const v of snapshot.devices.values()) n += v[what];
  return n;
}

/**
 * Whether this device publishes another device's break (archived ones aside, planWrites): any, once its
 * origin device has no keys in the account (it removed its records, "Delete all my data"), so the breaks
 * this browser holds of it still reach every other browser; while the origin is there, one imported from a
 * file (a break that came through sync has its key for id; an imported one keeps the session id it was
 * logged with) that the origin does not carry.
 */
function adoptedCheck(snapshot: SyncSnapshot): (e: BreakEntry) => boolean {
  const carried = new Map<string, Set<string>>();
  return (e) => {
    const key = entryKey(e);
    const dev = deviceShort(e.deviceId);
    const origin = snapshot.devices.get(dev);
    if (!origin) return true;
    if (e.id === key) return false;
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
  // Each break once by its key, whether a browser carries it in full, the archive holds it, or both.
  const seen = new Set<string>();
  let n = 0;
  for (const view of snapshot.devices.values()) {
    for (const e of view.entries) {
      const m = memberIdOf(e);
      seen.add(`${m.origin}:${m.id}`);
    }
    for (const day of view.agg?.days ?? []) n += day.count;
  }
  n += seen.size;
  for (const [dev, o] of snapshot.archive.origins) {
    for (const [id, m] of o.members) if (memberStart(m) >= o.sealed && !seen.has(`${dev}:${id}`)) n++;
    for (const day of o.days.values()) n += day.count;
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

import type { Archive } from './archive';
import {
  addMember,
  addSealed,
  applyDeletions,
  arcKey,
  delKey,
  emptyArchive,
  encodeArchiveGroups,
  encodeDeletionGroups,
  memberOf,
  mergeArchives,
  setHorizon,
  ARCHIVE_VERSION,
} from './archive';
import { decodeRecord, readSnapshot as readSnapshotOf } from './snapshot';
import type { DeviceView, SyncSnapshot } from './snapshot';
import { deviceShort, parseKey, revOf } from '../domain/break-key';
import { SYNC_QUOTA, noteKey, packChunks, parseSyncKey, usage } from './layout';
import type { BreakEntry } from '../log/entry';

/**
 * How a person's browsers share the account's 100 KB and 512 items (the sharing rule).
 *
 * 1. Every browser that syncs writes a heartbeat (`hb:<dev>`, the time of its last round, refreshed at most
 *    every 12 hours). A browser is *active* while its heartbeat (for an older version without one: its
 *    newest break) is less than INACTIVE_DAYS (45) days old.
 * 2. What the shared items (archive and deletions, archive.ts), the settings and a reserve leave is split in
 *    equal *shares* among the active browsers. A browser keeps its own keys within its share, folding its
 *    oldest days into per-day totals when they would pass it (layout.ts), so its new breaks and deletions
 *    always have room, and so do every other active browser's.
 * 3. Any active browser *reclaims* the keys of an inactive one: its breaks become archive members (about 6
 *    bytes instead of 23), its per-day totals sealed days, its deletions go to the shared set (or are
 *    implied by the archive's horizon), and its keys are removed. The archive is written before the keys
 *    go, a few of the old browser's items at a time when the account is nearly full. When the account is
 *    still short of room for this browser's share, active browsers over their share are reclaimed the same
 *    way, the one synced longest ago first; a reclaimed browser that comes back sees its breaks archived and
 *    only publishes newer ones.
 * Reclaiming is a pure function of what is in sync, and the archive merges by union, so two browsers doing
 * it at once write the same thing, and no break is counted twice (a break is counted once by its key,
 * whether it is held in full, a member, or both).
 */

export const INACTIVE_DAYS = 45;
export const HEARTBEAT_EVERY = 12 * 3_600_000;
/** Archived breaks started within this long of the reclaim keep their areas (History's coverage is 30 days). */
export const AREAS_KEPT_MS = 40 * 86_400_000;
const DAY = 86_400_000;

/** When a browser last synced: its heartbeat, else (an older version) its newest break or fold. */
export function lastActive(view: DeviceView): number {
  if (view.heartbeat !== null) return view.heartbeat;
  let newest = view.agg?.cutoff ?? 0;
  for (const e of view.entries) if (deviceShort(e.deviceId) === view.dev) newest = Math.max(newest, e.startedAt);
  return newest;
}

export function isInactive(view: DeviceView, now: number): boolean {
  return now - lastActive(view) > INACTIVE_DAYS * DAY;
}

export interface ShareOptions {
  quotaBytes?: number;
  maxItems?: number;
  reserveBytes?: number;
  reserveItems?: number;
  maxItemBytes?: number;
}

export interface SharePlan {
  /** The archive as it should be after this round (reclaims and known deletions applied). */
  archive: Archive;
  /** The shared items it takes. */
  sharedItems: Record<string, string>;
  /** Other browsers' keys to remove (reclaimed). */
  reclaimKeys: string[];
  /** Browsers reclaimed (in full or in part) this round, and why. */
  reclaimed: Array<{ dev: string; lastActive: number; inactive: boolean; breaks: number }>;
  /** Active browsers, this one included, and each one's share. */
  active: string[];
  share: { bytes: number; items: number };
}

/** Breaks of one of a browser's `log:` items. */
function chunkEntries(view: DeviceView, key: string): BreakEntry[] {
  const value = view.raw[key];
  if (typeof value !== 'string') return [];
  const parts = value.split('|');
  if (parts.length !== 2 || parts[1] === '') return [];
  return parts[1]!.split(',').flatMap((rec) => decodeRecord(rec, view.dev) ?? []);
}

/**
 * Adds a browser's items to the archive: all of them, or (partial) only its oldest `log:` items up to
 * `upTo`. Returns the keys taken and the breaks archived. `copies` are its breaks other browsers publish
 * in full (imported from its export before it published them itself): those before the horizon become
 * members too, or the horizon would delete them everywhere though nobody did.
 */
function reclaimInto(
  archive: Archive,
  view: DeviceView,
  now: number,
  upTo: number | null,
  copies: readonly BreakEntry[] = [],
): { keys: string[]; breaks: number } {
  const taken = reclaimItems(archive, view, now, upTo);
  const horizon = archive.origins.get(view.dev)?.horizon ?? 0;
  for (const e of copies)
    if (e.startedAt < horizon) addMember(archive, view.dev, memberOf(e, e.startedAt >= now - AREAS_KEPT_MS));
  return taken;
}

function reclaimItems(archive: Archive, view: DeviceView, now: number, upTo: number | null): { keys: string[]; breaks: number } {
  const logKeys = Object.keys(view.raw)
    .filter((k) => parseSyncKey(k)?.kind === 'log')
    .sort((a, b) => (parseSyncKey(a) as { n: number }).n - (parseSyncKey(b) as { n: number }).n);
  const whole = upTo === null || upTo >= logKeys.length;
  const taken = whole ? logKeys : logKeys.slice(0, upTo);
  let breaks = 0;
  for (const key of taken) {
    for (const e of chunkEntries(view, key)) {
      addMember(archive, deviceShort(e.deviceId), memberOf(e, e.startedAt >= now - AREAS_KEPT_MS));
      breaks++;
    }
  }
  if (!whole) {
    // Every break of its own before the first one still in its items is now archived (or was deleted).
    const rest = logKeys
      .slice(upTo!)
      .flatMap((k) => chunkEntries(view, k))
      .filter((e) => deviceShort(e.deviceId) === view.dev);
    const firstLeft = rest.reduce((min, e) => Math.min(min, e.startedAt), Infinity);
    if (Number.isFinite(firstLeft)) setHorizon(archive, view.dev, firstLeft);
    // Each taken item's notes go with it (the archive keeps no notes; they stay in every browser's log).
    const notes = taken.map((k) => noteKey(view.dev, (parseSyncKey(k) as { n: number }).n)).filter((k) => k in view.raw);
    return { keys: [...taken, ...notes], breaks };
  }
  // Whole: its deletions and folded days too, and a horizon past everything of its own it ever carried.
  for (const key of view.tombstones) archive.deletions.add(key);
  if (view.agg) addSealed(archive, view.dev, view.agg.cutoff, view.agg.days);
  const horizon = reclaimHorizon(view);
  if (horizon > 0) setHorizon(archive, view.dev, horizon);
  return { keys: Object.keys(view.raw), breaks: breaks + (view.agg?.days.reduce((n, d) => n + d.count, 0) ?? 0) };
}

/**
 * The horizon a whole reclaim of a browser's items gives it: one past the newest of its own breaks,
 * deletions, deletion ranges and folded days they carry (0 when they carry none). What a reclaim can put
 * under the horizon is only ever what the browser's items held when it was reclaimed (a partial reclaim
 * stops at the first of its breaks left, earlier still); the engine relies on that (engine.ts,
 * publishedAhead).
 */
export function reclaimHorizon(view: DeviceView): number {
  let newestOwn = 0;
  for (const e of view.entries) if (deviceShort(e.deviceId) === view.dev) newestOwn = Math.max(newestOwn, e.startedAt);
  for (const key of view.tombstones) {
    const p = parseKey(key);
    if (p && p.dev === view.dev) newestOwn = Math.max(newestOwn, p.startedAt);
  }
  for (const r of view.ranges) newestOwn = Math.max(newestOwn, r.to);
  if (view.agg) newestOwn = Math.max(newestOwn, view.agg.cutoff - 1);
  return newestOwn > 0 ? newestOwn + 1 : 0;
}

export function encodeShared(archive: Archive, maxItemBytes: number): Record<string, string> {
  const header = `${ARCHIVE_VERSION}|`;
  return {
    ...packChunks(arcKey, header, encodeArchiveGroups(archive), maxItemBytes),
    ...packChunks(delKey, header, encodeDeletionGroups(archive.deletions), maxItemBytes),
  };
}

/**
 * Decides this round's reclaims and this browser's share. `dead` is every deletion this browser knows
 * (its tombstones); `ownBytes` what its own keys would take at most (its share is never more than that).
 */
export function planShares(
  snapshot: SyncSnapshot,
  me: string,
  now: number,
  dead: readonly string[],
  orphans: readonly string[],
  needBytes: (share: { bytes: number; items: number }) => number,
  options: ShareOptions = {},
): SharePlan {
  const quota = options.quotaBytes ?? SYNC_QUOTA.QUOTA_BYTES;
  const maxItems = options.maxItems ?? SYNC_QUOTA.MAX_ITEMS;
  const reserveBytes = options.reserveBytes ?? 2_048;
  const reserveItems = options.reserveItems ?? 16;
  const maxItem = options.maxItemBytes ?? SYNC_QUOTA.QUOTA_BYTES_PER_ITEM;
  const others = [...snapshot.devices.values()]
    .filter((v) => v.dev !== me)
    .sort((a, b) => lastActive(a) - lastActive(b) || (a.dev < b.dev ? -1 : 1));
  let deviceBytes = 0;
  let deviceItems = 0;
  for (const v of snapshot.devices.values()) {
    deviceBytes += v.bytes;
    deviceItems += v.items;
  }
  // Settings and anything else not a browser's: what the reserve does not already cover.
  const otherBytes = snapshot.bytes - deviceBytes - snapshot.shared.bytes;
  const otherItems = snapshot.items - deviceItems - snapshot.shared.items;

  const archive = mergeArchives(snapshot.archive, emptyArchive());
  for (const k of orphans) archive.deletions.add(k);
  const reclaimKeys: string[] = [];
  const reclaimed: SharePlan['reclaimed'] = [];
  const gone = new Set<string>();
  let freed = { bytes: 0, items: 0 };

  const sharedNow = () => {
    const copy = mergeArchives(archive, emptyArchive());
    applyDeletions(copy, dead);
    const encoded = encodeShared(copy, maxItem);
    const u = usage(encoded);
    return { encoded, bytes: u.bytes, items: u.items };
  };
  // Room for the shared items while the reclaimed keys are still there (the archive is written first).
  const fitsBeforeRemoval = (sharedBytes: number, sharedItems: number) =>
    snapshot.bytes - snapshot.shared.bytes - freed.bytes + sharedBytes <= quota - Math.min(reserveBytes, 512) &&
    snapshot.items - snapshot.shared.items - freed.items + sharedItems <= maxItems;

  const reclaim = (view: DeviceView, inactive: boolean): boolean => {
    const copies = copiesOf(snapshot, view.dev);
    const trial = mergeArchives(archive, emptyArchive());
    const whole = reclaimInto(trial, view, now, null, copies);
    const copy = mergeArchives(trial, emptyArchive());
    applyDeletions(copy, dead);
    const u = usage(encodeShared(copy, maxItem));
    let taken = whole;
    let chosen = trial;
    if (!fitsBeforeRemoval(u.bytes, u.items)) {
      // Nearly full: as many of its oldest items as the archive has room for now; the rest next round.
      const logCount = Object.keys(view.raw).filter((k) => parseSyncKey(k)?.kind === 'log').length;
      let best: { a: Archive; t: typeof whole } | null = null;
      for (let upTo = 1; upTo < logCount; upTo++) {
        const a = mergeArchives(archive, emptyArchive());
        const t = reclaimInto(a, view, now, upTo, copies);
        const c = mergeArchives(a, emptyArchive());
        applyDeletions(c, dead);
        const cu = usage(encodeShared(c, maxItem));
        if (!fitsBeforeRemoval(cu.bytes, cu.items)) break;
        best = { a, t };
      }
      if (!best) return false;
      taken = best.t;
      chosen = best.a;
    }
    for (const [dev, o] of chosen.origins) archive.origins.set(dev, o);
    for (const k of chosen.deletions) archive.deletions.add(k);
    for (const key of taken.keys) {
      reclaimKeys.push(key);
      freed = { bytes: freed.bytes + itemSize(view, key), items: freed.items + 1 };
    }
    if (taken.keys.length === Object.keys(view.raw).length) gone.add(view.dev);
    reclaimed.push({ dev: view.dev, lastActive: lastActive(view), inactive, breaks: taken.breaks });
    return true;
  };

  for (const view of others) if (isInactive(view, now) && view.items > 0) reclaim(view, true);

  const shareOf = () => {
    const s = sharedNow();
    const active = [me, ...others.filter((v) => !gone.has(v.dev) && !isInactive(v, now)).map((v) => v.dev)];
    const n = active.length;
    return {
      active,
      shared: s,
      share: {
        bytes: Math.floor((quota - reserveBytes - Math.max(0, otherBytes - reserveBytes) - s.bytes) / n),
        items: Math.floor((maxItems - reserveItems - Math.max(0, otherItems - reserveItems) - s.items) / n),
      },
    };
  };
  let state = shareOf();
  // Still short of room for this browser's part: reclaim active browsers over their share, longest unsynced first.
  for (const view of others) {
    if (gone.has(view.dev) || isInactive(view, now)) continue;
    const othersBytes = others.filter((v) => !gone.has(v.dev)).reduce((n, v) => n + v.bytes, 0) - freed.bytes;
    // The others within their shares: room for this browser's share whatever it needs.
    if (othersBytes + state.shared.bytes + state.share.bytes + Math.max(otherBytes, reserveBytes) <= quota) break;
    const mine = needBytes(state.share);
    if (othersBytes + state.shared.bytes + mine + Math.max(otherBytes, reserveBytes) <= quota) break;
    if (view.bytes <= state.share.bytes) continue;
    if (reclaim(view, false)) state = shareOf();
  }
  return {
    archive: finalArchive(archive, dead),
    sharedItems: state.shared.encoded,
    reclaimKeys,
    reclaimed,
    active: state.active,
    share: state.share,
  };
}

/** Breaks of `dev` (revision 0: the ones a horizon deletes) that other browsers publish in their own keys. */
function copiesOf(snapshot: SyncSnapshot, dev: string): BreakEntry[] {
  const out: BreakEntry[] = [];
  for (const v of snapshot.devices.values()) {
    if (v.dev === dev) continue;
    for (const e of v.entries) if (deviceShort(e.deviceId) === dev && revOf(e.id) === 0) out.push(e);
  }
  return out;
}

function finalArchive(archive: Archive, dead: readonly string[]): Archive {
  const copy = mergeArchives(archive, emptyArchive());
  applyDeletions(copy, dead);
  return copy;
}

function itemSize(view: DeviceView, key: string): number {
  return usage({ [key]: view.raw[key] }).bytes;
}

/**
 * Deletions this browser knows that nothing in sync carries any more (the browser that made them removed
 * its keys, was reclaimed, or dropped them past its share): they go to the shared set, so a browser that
 * was offline still learns them.
 */
export function orphanDeletions(
  snapshot: SyncSnapshot,
  dead: readonly string[],
  mine: { dev: string; keys: readonly string[]; ranges: ReadonlyArray<{ from: number; to: number }> },
): string[] {
  const carried = new Set<string>(snapshot.archive.deletions);
  for (const v of snapshot.devices.values()) for (const k of v.tombstones) carried.add(k);
  for (const k of mine.keys) carried.add(k);
  const out: string[] = [];
  for (const key of dead) {
    if (carried.has(key)) continue;
    const p = parseKey(key);
    if (!p) continue;
    // A range its origin publishes covers it.
    const ranges = p.dev === mine.dev ? mine.ranges : (snapshot.devices.get(p.dev)?.ranges ?? []);
    if (p.rev === 0 && ranges.some((r) => p.startedAt >= r.from && p.startedAt <= r.to)) continue;
    out.push(key);
  }
  return out;
}

/**
 * Before this browser's keys leave the account (sync turned off with its records removed, "Delete all my
 * data"): the deletions that only its keys carry go to the shared set first, so a break it deleted never
 * comes back in a browser that was offline, or in a new one. `dead` is every deletion it knows (its
 * tombstones; none when its log is already gone, then those in its keys). One set, then one remove.
 */
export function handoverPlan(
  all: Record<string, unknown>,
  deviceId: string,
  dead: readonly string[],
  maxItemBytes: number = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM,
): { set: Record<string, string>; remove: string[] } {
  const snapshot = readSnapshotOf(all);
  const dev = deviceShort(deviceId);
  const own = snapshot.devices.get(dev);
  const others: SyncSnapshot = { ...snapshot, devices: new Map([...snapshot.devices].filter(([d]) => d !== dev)) };
  const known = [...new Set([...dead, ...(own?.tombstones ?? [])])];
  const orphans = orphanDeletions(others, known, { dev, keys: [], ranges: [] });
  const archive = mergeArchives(snapshot.archive, emptyArchive());
  for (const k of orphans) archive.deletions.add(k);
  applyDeletions(archive, known);
  const shared = encodeShared(archive, maxItemBytes);
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(shared)) if (snapshot.shared.raw[k] !== v) set[k] = v;
  const remove = [...Object.keys(own?.raw ?? {}), ...Object.keys(snapshot.shared.raw).filter((k) => !(k in shared))];
  return { set, remove };
}

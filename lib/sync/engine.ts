import type { WriteOptions } from './merge';
import type { LocalChanges, LocalLog } from '../log/store';
import { afterWrites, applyChanges, breaksInSync, mergeRemote, planWrites, readSnapshot } from './merge';
import { notesCode } from './encode';
import type { RateLimits } from './rate';
import { DEFAULT_RATE_LIMITS, nextWriteAt, pruneWrites, recordWrites } from './rate';
import { SYNC_QUOTA, usage } from './layout';
import type { SyncSnapshot } from './merge';
import { deviceShort, entryKey, parseKey } from '../domain/break-key';
import { decodeTombGroup, encodeTombGroups } from './tombs';
import { HEARTBEAT_EVERY, reclaimHorizon } from './share';
import type { FoldedHistory } from './folded';
import { foldedHistory } from './folded';
import { archived } from './archive';

/** Records of the other devices that could not be read (see DeviceView.unreadable). */
export function unreadableRecords(snapshot: SyncSnapshot, deviceId: string): number {
  const mine = deviceShort(deviceId);
  let n = 0;
  for (const view of snapshot.devices.values()) if (view.dev !== mine) n += view.unreadable;
  return n;
}

/*
 * Wiring (lib/background/sync-service.ts: background only, one round at a time through a serial() queue;
 * pages ask the background). A round runs:
 *   - after a break is logged, after a delete / undo / import (a request from the history page), and on
 *     runtime.onStartup and onInstalled. There is no periodic alarm: an idle hour costs no wake-up;
 *   - on storage.onChanged for area 'sync' when a changed key is another device's
 *     (parseSyncKey(key)?.dev !== deviceShort(myId)): own writes echo back and need no round;
 *   - when a status has retryAt, an alarm at that time.
 * deps: db = syncLogStore(await openLog()), sync = { get: () => browser.storage.sync.get(null),
 * set: (i) => browser.storage.sync.set(i), remove: (k) => browser.storage.sync.remove(k) },
 * state = a storage.local item holding SyncState (fallback INITIAL_SYNC_STATE), now = Date.now.
 */

/** The part of `storage.sync` the engine uses; `browser.storage.sync` fits with `get: () => area.get(null)`. */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The part of the log the engine uses (store.ts's syncLogStore). */
export interface SyncLog {
  read(): Promise<LocalLog>;
  apply(changes: LocalChanges): Promise<{ added: number; deleted: number; updated?: number }>;
}

export type SyncError = 'quota' | 'rate' | 'off' | 'failed';

/** What syncOnce keeps between runs (in storage.local: the service worker forgets everything). */
export interface SyncState {
  lastSyncAt: number | null;
  /** Times of this device's recent sync write operations, for the rate limiter. */
  writes: number[];
  /** No writes before this time (after a quota or rate error). */
  retryAt: number | null;
  lastError: SyncError | null;
  /**
   * What the last complete round saw (roundSignature): a round that sees the same again has nothing new to
   * lay out and skips the layout. Absent in older stored states.
   */
  seen?: string;
  /** Breaks folded in the last layout (reported again by rounds that skip it). */
  folded?: number;
  /**
   * This browser's own breaks its last successful round left in sync, compacted (tombs.ts's groups): the
   * archive's horizon deletes only own breaks that were published (merge.ts). Absent in older states.
   */
  published?: string;
}

export const INITIAL_SYNC_STATE: SyncState = { lastSyncAt: null, writes: [], retryAt: null, lastError: null };

export interface SyncDeps {
  db: SyncLog;
  /** Null when storage.sync is not available: the status says 'off'. */
  sync: SyncArea | null;
  deviceId: string;
  now: () => number;
  state: { get(): Promise<SyncState | null | undefined>; set(state: SyncState): Promise<void> };
  /** The user's choice; false skips everything and reports 'off'. */
  enabled?: boolean;
  limits?: RateLimits;
  write?: WriteOptions;
}

export interface SyncStatus {
  lastSyncAt: number | null;
  /** Breaks held in sync over all devices, full or folded into day totals. */
  breaksSynced: number;
  /** Bytes the whole sync area uses (out of 102,400). */
  bytesUsed: number;
  error?: SyncError;
  /** When to call syncOnce again, after an error. */
  retryAt?: number;
  /** Breaks and deletions taken in from other devices this run. */
  added: number;
  deleted: number;
  /** Sync write operations made this run (0–2). */
  writes: number;
  /** This device's breaks folded into day totals in sync (still in full locally). */
  folded: number;
  /**
   * Records of other devices that could not be read (malformed, a newer format, or breaks that fail the log's
   * rules): left out of the log and stats, counted for the sync status. Absent from older stored statuses.
   */
  unreadable?: number;
  /** True when the round found nothing new and did no layout work. */
  skipped?: boolean;
  /** Breaks this browser knows only as day totals (folded.ts), when the round worked them out. */
  history?: FoldedHistory;
  /** Browsers whose keys this round reclaimed into the archive, and why (share.ts). */
  reclaimed?: Array<{ lastActive: number; inactive: boolean; breaks: number }>;
  /** This browser's share of the account, and how many browsers share it. */
  share?: { bytes: number; browsers: number };
}

/**
 * A fingerprint of what a round works from: the local log (counts and sums of starts and deletion times),
 * every item in sync, and the half-day (the heartbeat and the 45-day rule move with it). Cheap next to a
 * layout: one pass over the log and the (at most 100 KB) sync area.
 */
export function roundSignature(local: LocalLog, all: Record<string, unknown>, now: number): string {
  let h = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  };
  for (const key of Object.keys(all).sort()) {
    mix(key);
    const v = all[key];
    mix(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  }
  let starts = 0;
  let deletions = 0;
  for (const e of local.entries) {
    starts = (starts + e.startedAt + e.id.length) % 2 ** 48;
    // A check-in or Knot press added to a break already synced is a change to publish.
    if (e.knots || e.checkIn) mix(`${e.id}${notesCode(e)}`);
  }
  for (const t of local.tombstones) deletions = (deletions + t.deletedAt + t.key.length) % 2 ** 48;
  return `${local.entries.length}:${local.tombstones.length}:${starts}:${deletions}:${(h >>> 0).toString(36)}:${Math.floor(now / HEARTBEAT_EVERY)}`;
}

/**
 * The own keys a snapshot carries in full or the archive holds (a member is published too: a deletion of
 * it later leaves no trace but the horizon), for SyncState.published.
 */
function ownPublished(snapshot: SyncSnapshot, me: string, local: LocalLog): Set<string> {
  const keys = new Set((snapshot.devices.get(me)?.entries ?? []).filter((e) => e.deviceId === me).map(entryKey));
  // Only an origin the archive has can have members (most rounds: none of this browser's).
  if (snapshot.archive.origins.has(me)) {
    for (const e of local.entries) {
      if (deviceShort(e.deviceId) !== me) continue;
      const key = entryKey(e);
      if (archived(snapshot.archive, key)) keys.add(key);
    }
  }
  return keys;
}

/** Own keys compacted for SyncState.published. */
function encodePublished(me: string, keys: Iterable<string>): string {
  return encodeTombGroups(me, [...keys], []).join(',');
}

/**
 * SyncState.published as saved before a round's writes (a write-ahead): a worker stopped after the writes
 * reached the account but before the state after them was saved must still know which of its breaks it
 * published, or once another browser archives them and one is deleted there, the archive's horizon alone
 * says so and this browser would take the break for one it never published and bring it back
 * (merge.ts, impliedExemption). So: the own keys published now, and those the writes add (`after`).
 *
 * Except a break the writes add that the horizon would cover even if they never landed (a break logged out
 * of order, before the newest thing of its own the account already holds: a reclaim puts the horizon past
 * that, share.ts's reclaimHorizon). Recorded ahead, it would be taken for published after a round stopped
 * before its writes, and the horizon would delete it though nobody did. Left out, it stays a break this
 * browser may not have published, as before (a deletion that names it still wins, merge.ts).
 */
function publishedAhead(before: SyncSnapshot, after: ReadonlySet<string>, me: string, local: LocalLog): Set<string> {
  const view = before.devices.get(me);
  const horizon = Math.max(before.archive.origins.get(me)?.horizon ?? 0, view ? reclaimHorizon(view) : 0);
  const keys = ownPublished(before, me, local);
  for (const key of after) {
    if (keys.has(key)) continue;
    const p = parseKey(key);
    if (p && (p.rev !== 0 || p.startedAt >= horizon)) keys.add(key);
  }
  return keys;
}

function publishedKeys(text: string | undefined): Set<string> | undefined {
  if (text === undefined) return undefined;
  const out = new Set<string>();
  for (const group of text === '' ? [] : text.split(',')) for (const k of decodeTombGroup(group, '')?.keys ?? []) out.add(k);
  return out;
}

/** Delays before a retry, by cause. */
export const RETRY_AFTER = { quota: 15 * 60_000, rateMinute: 60_000, rateHour: 15 * 60_000, failed: 5 * 60_000 };

/** Sorts a storage error into quota / rate / failed by Chrome's and Firefox's messages. */
export function classifyError(err: unknown): { error: SyncError; retryAfter: number } {
  const message = err instanceof Error ? err.message : String(err);
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) return { error: 'rate', retryAfter: RETRY_AFTER.rateMinute };
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED/.test(message)) return { error: 'rate', retryAfter: RETRY_AFTER.rateHour };
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return { error: 'quota', retryAfter: RETRY_AFTER.quota };
  return { error: 'failed', retryAfter: RETRY_AFTER.failed };
}

/**
 * One sync round: read the whole sync area, take in other devices' breaks and deletions (one IndexedDB
 * transaction), then bring this device's own keys up to date with at most one set and one remove.
 * Local data is never removed because of sync trouble: a failed write leaves IndexedDB as it was and the
 * round is retried later (status.retryAt). Run one round at a time (the background's serial queue).
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncStatus> {
  const saved = { ...INITIAL_SYNC_STATE, ...(await deps.state.get()) };
  const base = {
    lastSyncAt: saved.lastSyncAt,
    breaksSynced: 0,
    bytesUsed: 0,
    added: 0,
    deleted: 0,
    writes: 0,
    folded: 0,
    unreadable: 0,
  };
  if (deps.enabled === false || deps.sync === null) return { ...base, error: 'off' };
  const sync = deps.sync;
  const limits = deps.limits ?? DEFAULT_RATE_LIMITS;
  const fail = async (error: SyncError, retryAt: number, status: Partial<SyncStatus> = {}): Promise<SyncStatus> => {
    await deps.state.set({ ...saved, writes: pruneWrites(saved.writes, deps.now()), retryAt, lastError: error });
    return { ...base, ...status, error, retryAt };
  };

  let all: Record<string, unknown>;
  try {
    all = await sync.get();
  } catch (err) {
    const { error, retryAfter } = classifyError(err);
    return fail(error, deps.now() + retryAfter);
  }
  const snapshot = readSnapshot(all);
  base.unreadable = unreadableRecords(snapshot, deps.deviceId);

  // Take in the other devices' part.
  let local: LocalLog;
  let applied: { added: number; deleted: number; updated?: number } = { added: 0, deleted: 0 };
  try {
    local = await deps.db.read();
    const changes = mergeRemote(local, snapshot, deps.now(), deps.deviceId, publishedKeys(saved.published));
    if (changes.add.length > 0 || changes.tombstones.length > 0 || (changes.update?.length ?? 0) > 0) {
      applied = await deps.db.apply(changes);
      local = applyChanges(local, changes);
    }
  } catch {
    return fail('failed', deps.now() + RETRY_AFTER.failed);
  }

  // Nothing new since the last complete round (no break, deletion or change in sync, same half-day): no
  // layout work at all.
  const seen = roundSignature(local, all, deps.now());
  if (saved.seen === seen && saved.retryAt === null && applied.added === 0 && applied.deleted === 0 && !applied.updated) {
    const now = deps.now();
    await deps.state.set({ ...saved, lastSyncAt: now, writes: pruneWrites(saved.writes, now) });
    return {
      ...base,
      lastSyncAt: now,
      breaksSynced: breaksInSync(snapshot),
      bytesUsed: snapshot.bytes,
      folded: saved.folded ?? 0,
      skipped: true,
    };
  }

  // Bring this device's keys up to date.
  const plan = planWrites(local, snapshot, deps.deviceId, { ...deps.write, now: deps.now() });
  const status = {
    ...base,
    added: applied.added,
    deleted: applied.deleted,
    breaksSynced: breaksInSync(snapshot),
    bytesUsed: snapshot.bytes,
    folded: plan.layout.folded,
    share: { bytes: plan.share.share.bytes, browsers: plan.share.active.length },
    ...(plan.share.reclaimed.length > 0
      ? { reclaimed: plan.share.reclaimed.map(({ lastActive, inactive, breaks }) => ({ lastActive, inactive, breaks })) }
      : {}),
  };
  const ownSetCount = Object.keys(plan.set).length - plan.shared.length;
  const ops =
    (Object.keys(plan.set).length > 0 ? 1 : 0) +
    (plan.remove.length > 0 ? 1 : 0) +
    (plan.shared.length > 0 && ownSetCount > 0 ? 1 : 0);
  const now = deps.now();
  // The account as it will be once the writes land.
  let afterAll = all;
  let after = snapshot;
  const me = deviceShort(deps.deviceId);
  let publishedAfter: Set<string> | undefined;
  if (ops > 0) {
    if (!plan.layout.fits) return fail('quota', now + RETRY_AFTER.quota, status);
    if (saved.retryAt !== null && now < saved.retryAt) {
      return { ...status, error: saved.lastError ?? 'rate', retryAt: saved.retryAt };
    }
    const allowedAt = nextWriteAt(saved.writes, now, ops, limits);
    if (allowedAt > now) return fail('rate', allowedAt, status);
    // The writes are recorded before they are made, and so are the breaks they publish: a worker stopped
    // between them (or before the state below) must not leave writes the rate limiter does not know of, nor
    // breaks in the account it does not know it published (publishedAhead).
    const writes = recordWrites(saved.writes, now, ops);
    afterAll = afterWrites(all, plan);
    after = readSnapshot(afterAll);
    publishedAfter = ownPublished(after, me, local);
    saved.published = encodePublished(me, publishedAhead(snapshot, publishedAfter, me, local));
    await deps.state.set({ ...saved, writes: pruneWrites(writes, now) });
    // New items first, then removals, so a failure in between leaves a duplicate rather than a gap. When this
    // browser's new items only fit once its old ones are gone (after folding), its removals go first: the log
    // has every break, and the next round fills a gap. Another browser's reclaimed keys are only removed once
    // the archive that holds what they held is written (share.ts).
    const sharedSet: Record<string, string> = {};
    const ownSet: Record<string, string> = {};
    const sharedKeys = new Set(plan.shared);
    for (const [k, v] of Object.entries(plan.set)) (sharedKeys.has(k) ? sharedSet : ownSet)[k] = v;
    const setOnly = usage(afterWrites(all, { set: plan.set, remove: [] })).bytes;
    const removeFirst = setOnly > (deps.write?.quotaBytes ?? SYNC_QUOTA.QUOTA_BYTES);
    const write = async (items: Record<string, string>) => {
      if (Object.keys(items).length > 0) await sync.set(items);
    };
    const doRemove = async () => {
      if (plan.remove.length > 0) await sync.remove(plan.remove);
    };
    try {
      if (removeFirst) {
        await write(sharedSet);
        await doRemove();
        await write(ownSet);
      } else {
        await write(plan.set);
        await doRemove();
      }
    } catch (err) {
      const { error, retryAfter } = classifyError(err);
      saved.writes = writes;
      return fail(error, now + retryAfter, status);
    }
    saved.writes = writes;
  }
  await deps.state.set({
    lastSyncAt: now,
    writes: pruneWrites(saved.writes, now),
    retryAt: null,
    lastError: null,
    seen: roundSignature(local, afterAll, now),
    folded: plan.layout.folded,
    published: encodePublished(me, publishedAfter ?? ownPublished(after, me, local)),
  });
  return {
    ...status,
    history: foldedHistory(local, after),
    lastSyncAt: now,
    breaksSynced: breaksInSync(after),
    bytesUsed: after.bytes,
    writes: ops,
  };
}

import type { BreakEntry } from '../log/entry';
import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import type { DayAggregate } from './days';
import { decodeDay, encodeDay, localDay } from './days';
import {
  DIGITS,
  Reader,
  SYNC_EPOCH,
  START_WIDTH,
  canEncodeStart,
  mergeAreas,
  writeFixed,
  writeVarint,
  type AreaSeconds,
} from './encode';
import { deviceShort, makeKey, parseKey, revOf } from '../domain/break-key';
import { encodeTombGroups, decodeTombGroup } from './tombs';

/**
 * The account's shared archive: what is left in `storage.sync` of browsers whose keys were reclaimed (see
 * share.ts for when), and the deletions nobody else carries any more. Unlike the per-browser keys, these
 * items are written by any browser, so every rule here is a merge that gives the same result whoever
 * applies it, in any order, any number of times (union of members, max of horizons, union of deletions):
 * two browsers reclaiming the same old browser at once write the same value, and a value overwritten by a
 * browser that had not seen it yet is written again by the next round of any browser that knows it.
 *
 *     arc:<n>   value "2|" + groups joined by ","; a group is one origin's part (an origin may have several):
 *               <origin> "." <horizon, 7 chars> "." <sealed, 7 chars or empty> "." <members> "." <days>
 *     del:<n>   value "2|" + deletion groups joined by "," (tombs.ts's encoding, exact keys only)
 *
 * - A *member* is one archived break, in about 6 characters: its start to the second, revision, active
 *   seconds, and (when it was archived while recent) its areas. Enough for every figure History shows;
 *   the browser that logged the break, and its exports, keep it in full.
 * - The *horizon* H of an origin: every revision-0 break of that origin that started before H and is not a
 *   member was deleted. That is what makes deletions durable without keeping them forever: once a browser's
 *   breaks are archived, its deletions are implied by what is missing.
 * - *Sealed* days (an older version's per-day totals, `agg:`) hold an origin's breaks before the sealed
 *   time as totals only; members start after it.
 * - The format version "2" leads every value; "1" is the per-browser format (layout.ts).
 */

export const ARCHIVE_VERSION = '2';

export interface Member {
  /** Start in whole seconds since SYNC_EPOCH. */
  sec: number;
  rev: number;
  activeSeconds: number;
  /** Areas, when the break was archived while it still counted in coverage; else null. */
  areas: AreaSeconds[] | null;
}

export interface OriginArchive {
  /** Every rev-0 break of this origin that started before it is a member, sealed, or deleted. 0: none. */
  horizon: number;
  /** Breaks of this origin before this time are kept in `days` only (0: none). */
  sealed: number;
  /** Members by "<sec>~<rev>". */
  members: Map<string, Member>;
  /** Sealed per-day totals, by day. */
  days: Map<string, DayAggregate>;
}

export interface Archive {
  origins: Map<string, OriginArchive>;
  /** Keys of deleted breaks kept in the shared set. */
  deletions: Set<string>;
}

export const emptyArchive = (): Archive => ({ origins: new Map(), deletions: new Set() });

export const arcKey = (n: number): string => `arc:${n}`;
export const delKey = (n: number): string => `del:${n}`;

/** A shared key: `arc:<n>` or `del:<n>`. */
export function parseSharedKey(key: string): { kind: 'arc' | 'del'; n: number } | null {
  const m = /^(arc|del):(\d{1,4})$/.exec(key);
  return m ? { kind: m[1] as 'arc' | 'del', n: Number(m[2]) } : null;
}

const memberId = (sec: number, rev: number): string => `${sec}~${rev}`;

export function secOf(startedAt: number): number {
  return Math.floor((startedAt - SYNC_EPOCH) / 1000);
}

/** The member id of a break key, or null. */
export function memberIdOfKey(key: string): { origin: string; id: string; startedAt: number; rev: number } | null {
  const p = parseKey(key);
  if (!p) return null;
  return { origin: p.dev, id: memberId(secOf(p.startedAt), p.rev), startedAt: p.startedAt, rev: p.rev };
}

function origin(archive: Archive, dev: string): OriginArchive {
  let o = archive.origins.get(dev);
  if (!o) archive.origins.set(dev, (o = { horizon: 0, sealed: 0, members: new Map(), days: new Map() }));
  return o;
}

/** Adds a member (keeping the one with areas when both are known: the richer wins, whatever the order). */
export function addMember(archive: Archive, dev: string, m: Member): void {
  const o = origin(archive, dev);
  const id = memberId(m.sec, m.rev);
  const known = o.members.get(id);
  if (!known || richer(m, known)) o.members.set(id, m);
}

function richer(a: Member, b: Member): boolean {
  if ((a.areas !== null) !== (b.areas !== null)) return a.areas !== null;
  return encodeMember(a) > encodeMember(b);
}

function encodeMember(m: Member): string {
  const out: string[] = [];
  writeMemberBody(out, m);
  return out.join('');
}

/** A break as a member; `withAreas` keeps its areas (for breaks still inside History's 30 days). */
export function memberOf(e: BreakEntry, withAreas: boolean): Member {
  return {
    sec: secOf(e.startedAt),
    rev: revOf(e.id),
    activeSeconds: Math.max(0, Math.round(e.activeSeconds)),
    areas: withAreas ? mergeAreas(e.steps).filter((a) => Math.round(a.seconds / 5) > 0) : null,
  };
}

export function setHorizon(archive: Archive, dev: string, horizon: number): void {
  const o = origin(archive, dev);
  o.horizon = Math.max(o.horizon, horizon);
}

export function addSealed(archive: Archive, dev: string, sealed: number, days: readonly DayAggregate[]): void {
  const o = origin(archive, dev);
  o.sealed = Math.max(o.sealed, sealed);
  for (const d of days) addSealedDay(o, d);
}

function addSealedDay(o: OriginArchive, d: DayAggregate): void {
  const known = o.days.get(d.day);
  // The same day from two sources: the larger count, then the larger encoding (any fixed order will do).
  if (!known || d.count > known.count || (d.count === known.count && (encodeDay(d) ?? '') > (encodeDay(known) ?? '')))
    o.days.set(d.day, d);
}

/** The union of two archives (pure). */
export function mergeArchives(a: Archive, b: Archive): Archive {
  const out = emptyArchive();
  for (const src of [a, b]) {
    for (const [dev, o] of src.origins) {
      const t = origin(out, dev);
      t.horizon = Math.max(t.horizon, o.horizon);
      t.sealed = Math.max(t.sealed, o.sealed);
      for (const m of o.members.values()) addMember(out, dev, m);
      for (const d of o.days.values()) addSealedDay(t, d);
    }
    for (const k of src.deletions) out.deletions.add(k);
  }
  return out;
}

/**
 * Whether an archive says a break is deleted though no deletion names it: a revision-0 break of an origin,
 * started after the sealed time and before the horizon, that is not a member.
 */
export function impliedDeleted(archive: Archive, key: string): boolean {
  const p = memberIdOfKey(key);
  if (!p || p.rev !== 0) return false;
  const o = archive.origins.get(p.origin);
  if (!o || p.startedAt >= o.horizon || p.startedAt < o.sealed || !canEncodeStart(p.startedAt)) return false;
  return !o.members.has(p.id);
}

/** Whether the archive holds a break (as a member or in sealed totals). */
export function archived(archive: Archive, key: string): boolean {
  const p = memberIdOfKey(key);
  if (!p) return false;
  const o = archive.origins.get(p.origin);
  if (!o) return false;
  if (p.startedAt < o.sealed) return true;
  return o.members.has(p.id);
}

/**
 * Applies deletions to the archive: members that are deleted go, and deletions the archive now implies
 * (or that name a break before an origin's sealed time, which no member can be) leave the shared set.
 * Deletions of revision-0 breaks are implied once past the horizon; those of later revisions never are.
 */
export function applyDeletions(archive: Archive, dead: Iterable<string>): void {
  for (const key of dead) {
    const p = memberIdOfKey(key);
    if (!p) continue;
    archive.origins.get(p.origin)?.members.delete(p.id);
  }
  for (const key of [...archive.deletions]) {
    if (impliedDeleted(archive, key)) archive.deletions.delete(key);
  }
}

// --- encoding -----------------------------------------------------------------------------------------

function writeMemberBody(out: string[], m: Member): void {
  writeVarint(out, m.activeSeconds);
  if (m.rev > 0) writeVarint(out, m.rev);
  if (m.areas !== null) {
    writeVarint(out, m.areas.length);
    for (const a of m.areas) {
      out.push(DIGITS[AREA_IDS.indexOf(a.area)]!);
      writeVarint(out, Math.round(a.seconds / 5));
    }
  }
}

/** Members of one origin, sorted, delta-coded: varint(delta * 4 + hasRev * 2 + hasAreas), body. */
function encodeMembers(members: readonly Member[]): string {
  const out: string[] = [];
  let last = 0;
  for (const m of members) {
    writeVarint(out, (m.sec - last) * 4 + (m.rev > 0 ? 2 : 0) + (m.areas !== null ? 1 : 0));
    writeMemberBody(out, m);
    last = m.sec;
  }
  return out.join('');
}

function decodeMembers(text: string): Member[] | null {
  const r = new Reader(text);
  const out: Member[] = [];
  let last = 0;
  while (!r.done) {
    const head = r.varint();
    const active = r.varint();
    if (head === null || active === null) return null;
    const sec = last + Math.floor(head / 4);
    let rev = 0;
    if (head & 2) {
      const v = r.varint();
      if (v === null || v === 0) return null;
      rev = v;
    }
    let areas: AreaSeconds[] | null = null;
    if (head & 1) {
      const n = r.varint();
      if (n === null || n > AREA_IDS.length) return null;
      areas = [];
      for (let i = 0; i < n; i++) {
        const idx = r.digit();
        const units = r.varint();
        const area = idx === null ? undefined : (AREA_IDS[idx] as AreaId | undefined);
        if (area === undefined || units === null) return null;
        areas.push({ area, seconds: units * 5 });
      }
    }
    if (!Number.isSafeInteger(sec) || !canEncodeStart(SYNC_EPOCH + sec * 1000)) return null;
    out.push({ sec, rev, activeSeconds: active, areas });
    last = sec;
  }
  return out;
}

function encodeTime(ms: number): string {
  if (ms <= 0 || !canEncodeStart(ms)) return '';
  const out: string[] = [];
  writeFixed(out, ms - SYNC_EPOCH, START_WIDTH);
  return out.join('');
}

function decodeTimeField(text: string): number | null {
  if (text === '') return 0;
  if (text.length !== START_WIDTH) return null;
  const v = new Reader(text).fixed(START_WIDTH);
  return v === null ? null : SYNC_EPOCH + v;
}

/** Members per group, so one group always fits an item (members take 3–20 characters). */
const GROUP_MEMBERS = 300;

/** The archive's groups, in one canonical order: the same archive always gives the same text. */
export function encodeArchiveGroups(archive: Archive): string[] {
  const groups: string[] = [];
  for (const dev of [...archive.origins.keys()].sort()) {
    const o = archive.origins.get(dev)!;
    const members = [...o.members.values()].sort((a, b) => a.sec - b.sec || a.rev - b.rev);
    const days = [...o.days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)).flatMap((d) => encodeDay(d) ?? []);
    const head = `${dev}.${encodeTime(o.horizon)}.${encodeTime(o.sealed)}.`;
    const chunks = Math.max(1, Math.ceil(members.length / GROUP_MEMBERS), Math.ceil(days.length / GROUP_MEMBERS));
    for (let i = 0; i < chunks; i++) {
      const ms = members.slice(i * GROUP_MEMBERS, (i + 1) * GROUP_MEMBERS);
      const ds = days.slice(i * GROUP_MEMBERS, (i + 1) * GROUP_MEMBERS);
      groups.push(`${head}${encodeMembers(ms)}.${ds.join('!')}`);
    }
  }
  return groups;
}

/** Reads one archive group into `archive`; false when it is malformed (then nothing of it is taken). */
export function readArchiveGroup(archive: Archive, group: string): boolean {
  const parts = group.split('.');
  if (parts.length !== 5 || !/^[0-9a-z]{1,8}$/.test(parts[0]!)) return false;
  const horizon = decodeTimeField(parts[1]!);
  const sealed = decodeTimeField(parts[2]!);
  const members = decodeMembers(parts[3]!);
  const days = parts[4] === '' ? [] : parts[4]!.split('!').map(decodeDay);
  if (horizon === null || sealed === null || members === null || days.some((d) => d === null)) return false;
  const dev = parts[0]!;
  setHorizon(archive, dev, horizon);
  addSealed(archive, dev, sealed, days as DayAggregate[]);
  for (const m of members) addMember(archive, dev, m);
  return true;
}

/** Deletion keys in the shared set's groups (tombs.ts's encoding; no ranges: they are the origin's own). */
export function encodeDeletionGroups(keys: Iterable<string>): string[] {
  return encodeTombGroups('', [...keys].sort(), []);
}

export function readDeletionGroup(archive: Archive, group: string): boolean {
  const decoded = decodeTombGroup(group, '');
  if (!decoded) return false;
  for (const k of decoded.keys) archive.deletions.add(k);
  return true;
}

/** A member as a break-like record for History's totals: start, active seconds, areas. */
export function memberStart(m: Member): number {
  return SYNC_EPOCH + m.sec * 1000;
}

/** The key of a member of `dev`, to the second (a member does not keep milliseconds). */
export function memberKeyPrefix(dev: string, m: Member): string {
  return makeKey(dev, memberStart(m), m.rev);
}

/** The member id of a local break. */
export function memberIdOf(e: Pick<BreakEntry, 'id' | 'deviceId' | 'startedAt'>): { origin: string; id: string } {
  return { origin: deviceShort(e.deviceId), id: memberId(secOf(e.startedAt), revOf(e.id)) };
}

/** The local day of a member (the reader's time zone, as for every break in History). */
export function memberDay(m: Member): string {
  return localDay(memberStart(m));
}

import { Reader, writeVarint } from './encode';
import type { Tombstone } from '../domain/break-key';
import { makeKey, parseKey } from '../domain/break-key';

/**
 * Deletions in `storage.sync`, compacted so that none has to be dropped.
 *
 * A device's deletions live in `tomb:<dev>:<n>` items (layout.ts), value "1|" + groups joined by ",".
 * A group holds the deleted breaks of one origin device (the first part of their keys), sorted by start:
 *
 *     <origin> "." tuple tuple ...
 *     tuple = varint(delta * 4 + isRange * 2 + hasRev) [varint(span) if isRange] [varint(rev) if hasRev]
 *
 * `delta` is the start (ms) less the previous tuple's start (0 before the first), so a deletion costs
 * about 5–7 characters instead of a 17-character key. A range covers every revision-0 break of the origin
 * that started in [start, start + span]. Only the origin device writes ranges, and only about its own
 * breaks: it logged every one of them, so it knows that none in the range is still live. Readers ignore a
 * range any other device writes. Ranges are what keep years of deletions (a cleared week, say) small.
 */

export interface TombRange {
  /** Revision-0 breaks of the item's device that started in [from, to] are deleted. */
  from: number;
  to: number;
}

/** Tuples per group, so that one group always fits an item (~7 characters a tuple). */
const GROUP_TUPLES = 800;

/** Encodes exact keys (any origin) and own ranges (origin `dev`) into groups, in a stable order. */
export function encodeTombGroups(dev: string, keys: readonly string[], ranges: readonly TombRange[]): string[] {
  type Tuple = { start: number; span: number | null; rev: number };
  const byOrigin = new Map<string, Tuple[]>();
  const add = (origin: string, t: Tuple) => {
    const list = byOrigin.get(origin) ?? [];
    list.push(t);
    byOrigin.set(origin, list);
  };
  for (const key of keys) {
    const parsed = parseKey(key);
    if (parsed) add(parsed.dev, { start: parsed.startedAt, span: null, rev: parsed.rev });
  }
  for (const r of ranges) if (r.to >= r.from) add(dev, { start: r.from, span: r.to - r.from, rev: 0 });
  const groups: string[] = [];
  for (const origin of [...byOrigin.keys()].sort()) {
    const tuples = byOrigin.get(origin)!.sort((a, b) => a.start - b.start || a.rev - b.rev || (a.span ?? -1) - (b.span ?? -1));
    for (let i = 0; i < tuples.length; i += GROUP_TUPLES) {
      const out: string[] = [origin, '.'];
      let last = 0;
      for (const t of tuples.slice(i, i + GROUP_TUPLES)) {
        const delta = t.start - last;
        if (delta < 0 || !Number.isSafeInteger(delta * 4 + 3)) continue;
        writeVarint(out, delta * 4 + (t.span !== null ? 2 : 0) + (t.rev > 0 ? 1 : 0));
        if (t.span !== null) writeVarint(out, t.span);
        if (t.rev > 0) writeVarint(out, t.rev);
        last = t.start;
      }
      groups.push(out.join(''));
    }
  }
  return groups;
}

/**
 * Decodes one group written by device `itemDev`: its exact keys and, when the group is about `itemDev`'s own
 * breaks, its ranges. Null for anything malformed, including a range about another device's breaks.
 */
export function decodeTombGroup(group: string, itemDev: string): { keys: string[]; ranges: TombRange[] } | null {
  const m = /^([0-9a-z]{1,8})\.([0-9a-zA-Z_-]*)$/.exec(group);
  if (!m) return null;
  const origin = m[1]!;
  const r = new Reader(m[2]!);
  const keys: string[] = [];
  const ranges: TombRange[] = [];
  let last = 0;
  while (!r.done) {
    const head = r.varint();
    if (head === null) return null;
    const isRange = (head & 2) !== 0;
    const hasRev = (head & 1) !== 0;
    const start = last + Math.floor(head / 4);
    if (!Number.isSafeInteger(start)) return null;
    if (isRange) {
      const span = r.varint();
      if (span === null || hasRev || origin !== itemDev || !Number.isSafeInteger(start + span)) return null;
      ranges.push({ from: start, to: start + span });
      last = start;
    } else {
      const rev = hasRev ? r.varint() : 0;
      if (rev === null || (hasRev && rev === 0)) return null;
      const key = makeKey(origin, start, rev);
      if (!parseKey(key)) return null;
      keys.push(key);
      last = start;
    }
  }
  return { keys, ranges };
}

/** Whether a key is a revision-0 break of `dev` inside one of the ranges (sorted by `from`, not overlapping). */
export function inRanges(ranges: readonly TombRange[], startedAt: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (startedAt < r.from) hi = mid - 1;
    else if (startedAt > r.to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sorts and merges ranges read from several items. */
export function normalizeRanges(ranges: readonly TombRange[]): TombRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: TombRange[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r.from <= prev.to) prev.to = Math.max(prev.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/**
 * What device `dev` publishes of the deletions it knows: runs of two or more of its own revision-0 breaks
 * that are all deleted (by anyone), with no live one of its own in between, become ranges; every other
 * deletion it made itself stays an exact key, oldest deletion first.
 */
export function ownDeletions(
  dev: string,
  liveKeys: Iterable<string>,
  tombstones: readonly Tombstone[],
): { keys: string[]; ranges: TombRange[] } {
  const own: Array<{ start: number; dead: boolean }> = [];
  for (const key of liveKeys) {
    const p = parseKey(key);
    if (p && p.dev === dev && p.rev === 0) own.push({ start: p.startedAt, dead: false });
  }
  for (const t of tombstones) {
    const p = parseKey(t.key);
    if (p && p.dev === dev && p.rev === 0) own.push({ start: p.startedAt, dead: true });
  }
  // A live break at the same start as a deleted one (impossible for one device, but cheap to respect) wins.
  own.sort((a, b) => a.start - b.start || Number(a.dead) - Number(b.dead));
  const ranges: TombRange[] = [];
  const covered = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2) {
      ranges.push({ from: run[0]!, to: run[run.length - 1]! });
      for (const s of run) covered.add(s);
    }
    run = [];
  };
  let lastLive = -Infinity;
  for (const x of own) {
    if (!x.dead) {
      lastLive = x.start;
      close();
    } else if (x.start !== lastLive) run.push(x.start);
  }
  close();
  const keys = tombstones
    .filter((t) => t.by === dev)
    .filter((t) => {
      const p = parseKey(t.key);
      return !(p && p.dev === dev && p.rev === 0 && covered.has(p.startedAt));
    })
    .sort((a, b) => a.deletedAt - b.deletedAt || (a.key < b.key ? -1 : 1))
    .map((t) => t.key);
  return { keys, ranges };
}

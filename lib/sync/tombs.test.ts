import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../domain/break-key';
import { makeKey } from '../domain/break-key';
import type { TombRange } from './tombs';
import { decodeTombGroup, encodeTombGroups, inRanges, normalizeRanges, ownDeletions } from './tombs';
import { mergeRemote, readSnapshot } from './merge';
import { layoutDevice } from './layout';
import { realisticBreak, rng } from '../../tests/fixtures/breaks';

const ME = 'aaaa1111';
const DAY = 86_400_000;
const T = Date.UTC(2026, 0, 5, 8);

function decodeAll(groups: string[], itemDev: string) {
  const keys: string[] = [];
  const ranges: TombRange[] = [];
  for (const g of groups) {
    const d = decodeTombGroup(g, itemDev);
    if (!d) throw new Error(`unreadable group ${g}`);
    keys.push(...d.keys);
    ranges.push(...d.ranges);
  }
  return { keys, ranges: normalizeRanges(ranges) };
}

describe('tombstone groups', () => {
  it('round-trip any set of keys and own ranges (property)', () => {
    const key = fc
      .record({
        dev: fc.constantFrom(ME, 'bbbb2222', '0', 'zz'),
        start: fc.integer({ min: 0, max: Date.UTC(2150, 0, 1) }),
        rev: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999_999 })),
      })
      .map(({ dev, start, rev }) => makeKey(dev, start, rev));
    const range = fc
      .tuple(fc.integer({ min: 0, max: Date.UTC(2150, 0, 1) }), fc.integer({ min: 0, max: 400 * DAY }))
      .map(([from, span]) => ({ from, to: from + span }));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 2000 }), fc.array(range, { maxLength: 20 }), (keys, ranges) => {
        const wanted = normalizeRanges(ranges);
        const back = decodeAll(encodeTombGroups(ME, keys, wanted), ME);
        expect(new Set(back.keys)).toEqual(new Set(keys));
        expect(back.keys).toHaveLength(keys.length);
        expect(back.ranges).toEqual(wanted);
      }),
      { numRuns: 150 },
    );
  });

  it("refuse a range about another device's breaks, and anything malformed", () => {
    const [group] = encodeTombGroups('bbbb2222', [], [{ from: T, to: T + DAY }]);
    expect(decodeTombGroup(group!, 'bbbb2222')?.ranges).toEqual([{ from: T, to: T + DAY }]);
    // Written by ME about bbbb2222's breaks: a range nobody may act on.
    expect(decodeTombGroup(group!, ME)).toBeNull();
    for (const bad of ['', 'x', 'AB.12', 'aaaa1111.!', 'aaaa1111.Z', 'aaaa1111.1', `${ME}.${'Z'.repeat(12)}`]) {
      expect(decodeTombGroup(bad, ME)).toBeNull();
    }
    expect(decodeTombGroup('aaaa1111.', ME)).toEqual({ keys: [], ranges: [] });
  });

  it('inRanges finds a start in sorted ranges, ends included', () => {
    const ranges = [
      { from: 10, to: 20 },
      { from: 30, to: 30 },
      { from: 40, to: 90 },
    ];
    expect([9, 10, 15, 20, 21, 30, 31, 40, 90, 91].map((s) => inRanges(ranges, s))).toEqual([
      false,
      true,
      true,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('ownDeletions', () => {
  const key = (i: number, rev = 0, dev = ME) => makeKey(dev, T + i * 3_600_000, rev);
  const tomb = (k: string, by = ME, deletedAt = T): Tombstone => ({ key: k, deletedAt, by });

  it('turns runs of two or more of its own deleted breaks into ranges, split by live ones', () => {
    const live = [key(0), key(3), key(7)];
    const dead = [key(1), key(2), key(4), key(5), key(6), key(8)].map((k) => tomb(k));
    const { keys, ranges } = ownDeletions(ME, live, dead);
    expect(ranges).toEqual([
      { from: T + 1 * 3_600_000, to: T + 2 * 3_600_000 },
      { from: T + 4 * 3_600_000, to: T + 6 * 3_600_000 },
    ]);
    // A single deletion stays an exact key.
    expect(keys).toEqual([key(8)]);
  });

  it("keeps edits (revisions) and other devices' breaks exact, and publishes only its own deletions", () => {
    const dead = [
      tomb(key(1, 1)),
      tomb(key(2, 0, 'bbbb2222')),
      tomb(key(3, 0, 'bbbb2222'), 'bbbb2222'),
      tomb(key(4)),
      tomb(key(5), 'cccc3333'),
    ];
    const { keys, ranges } = ownDeletions(ME, [], dead);
    // key(4) and key(5) are a run of its own breaks, whoever deleted them.
    expect(ranges).toEqual([{ from: T + 4 * 3_600_000, to: T + 5 * 3_600_000 }]);
    expect(keys.sort()).toEqual([key(1, 1), key(2, 0, 'bbbb2222')].sort());
  });

  it('never covers a live break of its own, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.boolean()), { maxLength: 300 }), (xs) => {
        const states = new Map<number, boolean>();
        for (const [i, dead] of xs) states.set(i, dead);
        const live = [...states].filter(([, d]) => !d).map(([i]) => key(i));
        const dead = [...states].filter(([, d]) => d).map(([i]) => tomb(key(i)));
        const { keys, ranges } = ownDeletions(ME, live, dead);
        for (const [i, d] of states) {
          const start = T + i * 3_600_000;
          if (!d) expect(inRanges(ranges, start)).toBe(false);
          else expect(inRanges(ranges, start) || keys.includes(key(i))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('ranges through sync', () => {
  it('delete the covered revision-0 breaks of their device on another device, and keep them from coming back', () => {
    const r = rng(5);
    const mine = Array.from({ length: 10 }, (_, i) => realisticBreak(r, ME, T + i * DAY, makeKey(ME, T + i * DAY, 0)));
    const edited = { ...realisticBreak(r, ME, T + 3 * DAY), id: makeKey(ME, T + 3 * DAY, 2) };
    const tombs = mine.slice(2, 7).map((e) => ({ key: e.id, deletedAt: T, by: ME }));
    const deletions = ownDeletions(
      ME,
      [...mine.slice(0, 2), ...mine.slice(7), edited].map((e) => e.id),
      tombs,
    );
    expect(deletions.ranges).toHaveLength(1);
    expect(deletions.keys).toEqual([]);
    const l = layoutDevice({
      dev: ME,
      entries: [...mine.slice(0, 2), ...mine.slice(7)],
      tombstones: deletions.keys,
      tombRanges: deletions.ranges,
      cutoff: null,
      budget: { bytes: 50_000, items: 50 },
    });
    const snap = readSnapshot(l.items);
    // Another device still holding all ten and the edit, plus a break of its own that started in the range.
    const theirs = realisticBreak(r, 'bbbb2222', T + 4 * DAY);
    const changes = mergeRemote({ entries: [...mine, edited, theirs], tombstones: [] }, snap, T);
    expect(changes.tombstones.map((t) => t.key).sort()).toEqual(tombs.map((t) => t.key).sort());
    expect(changes.tombstones.every((t) => t.by === ME)).toBe(true);
    // A device that never had them does not take them in from a copy another device publishes for ME.
    const copies = layoutDevice({
      dev: 'bbbb2222',
      entries: mine.slice(3, 5).map((e) => ({ ...e, id: `imported-${e.startedAt}` })),
      tombstones: [],
      cutoff: null,
      budget: { bytes: 50_000, items: 50 },
    });
    const both = readSnapshot({ ...l.items, ...copies.items });
    expect(both.devices.get('bbbb2222')!.entries.map((e) => e.id)).toEqual(mine.slice(3, 5).map((e) => e.id));
    const fresh = mergeRemote({ entries: [], tombstones: [] }, both, T);
    expect(fresh.add.map((e) => e.id).sort()).toEqual([...mine.slice(0, 2), ...mine.slice(7)].map((e) => e.id).sort());
  });
});

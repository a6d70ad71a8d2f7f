import { describe, expect, it } from 'vitest';
import { activeAvoid, avoidedAt, avoidedSidesAt, normalizeAvoid, withAvoided, withoutAvoided } from './avoid';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 14, 12);

describe('normalizeAvoid', () => {
  it('keeps known areas with a side or none, and drops odd sides, areas and ends', () => {
    expect(
      normalizeAvoid([
        { area: 'calves', until: null, side: 'right' },
        { area: 'quads', until: NOW + DAY },
        { area: 'glutes', until: null, side: 'middle' },
        { area: 'tail', until: null },
        { area: 'hamstrings', until: 'soon' },
        'calves',
      ]),
    ).toEqual([
      { area: 'calves', until: null, side: 'right' },
      { area: 'quads', until: NOW + DAY },
    ]);
    expect(normalizeAvoid('calves')).toEqual([]);
  });

  it('compares entries by area and side: left and right of one area are the whole area, the later end kept', () => {
    expect(
      normalizeAvoid([
        { area: 'calves', until: NOW + DAY, side: 'left' },
        { area: 'calves', until: NOW + 3 * DAY, side: 'right' },
      ]),
    ).toEqual([{ area: 'calves', until: NOW + 3 * DAY }]);
    expect(
      normalizeAvoid([
        { area: 'calves', until: NOW + DAY, side: 'left' },
        { area: 'calves', until: null, side: 'left' },
      ]),
    ).toEqual([{ area: 'calves', until: null, side: 'left' }]);
    // A side and the whole area: the whole area.
    expect(
      normalizeAvoid([
        { area: 'calves', until: null },
        { area: 'calves', until: NOW + DAY, side: 'right' },
      ]),
    ).toEqual([{ area: 'calves', until: null }]);
  });

  it('reads an older entry without a side as both sides', () => {
    const avoid = normalizeAvoid([{ area: 'calves', until: null }]);
    expect(avoidedAt(avoid, NOW)).toEqual(['calves']);
    expect(avoidedSidesAt(avoid, NOW)).toEqual([]);
  });
});

describe('avoided areas and sides at a time', () => {
  const avoid = normalizeAvoid([
    { area: 'calves', until: null, side: 'right' },
    { area: 'quads', until: NOW + DAY },
    { area: 'glutes', until: NOW - DAY, side: 'left' },
  ]);
  it('splits the entries in force into whole areas and single sides', () => {
    expect(activeAvoid(avoid, NOW).map((a) => a.area)).toEqual(['calves', 'quads']);
    expect(avoidedAt(avoid, NOW)).toEqual(['quads']);
    expect(avoidedSidesAt(avoid, NOW)).toEqual([{ area: 'calves', side: 'right' }]);
    expect(avoidedAt(avoid, NOW + 2 * DAY)).toEqual([]);
  });
});

describe('withAvoided and withoutAvoided', () => {
  it('adds a side, narrows a whole area to a side, and makes the whole area of two sides', () => {
    const right = withAvoided([], 'calves', null, 'right');
    expect(right).toEqual([{ area: 'calves', until: null, side: 'right' }]);
    expect(withAvoided([{ area: 'calves', until: null }], 'calves', null, 'left')).toEqual([
      { area: 'calves', until: null, side: 'left' },
    ]);
    expect(withAvoided(right, 'calves', NOW, 'left')).toEqual([{ area: 'calves', until: null }]);
    expect(withAvoided(right, 'calves', NOW)).toEqual([{ area: 'calves', until: NOW }]);
  });

  it('removes one side, the whole-area entry, or every entry of an area', () => {
    const avoid = [
      { area: 'calves' as const, until: null, side: 'right' as const },
      { area: 'quads' as const, until: null },
    ];
    expect(withoutAvoided(avoid, 'calves', 'left')).toEqual(avoid);
    expect(withoutAvoided(avoid, 'calves', 'right')).toEqual([avoid[1]]);
    expect(withoutAvoided(avoid, 'quads', 'both')).toEqual([avoid[0]]);
    expect(withoutAvoided(avoid, 'calves')).toEqual([avoid[1]]);
  });
});

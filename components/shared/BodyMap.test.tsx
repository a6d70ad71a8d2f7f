// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { AREAS, AREA_IDS, type AreaId } from '../../lib/domain/areas';
import { BodyMap } from './BodyMap';
import { coverageHeat, describeCoverage, describeHighlight, heatLevel } from './body-map-coverage';
import { speakEnglish } from '../../tests/unit/english';

// The real English strings, substituted the way Chrome does, so the text alternative is checked as users hear it.
speakEnglish();

afterEach(cleanup);

const map = () => screen.getByRole('img');
const regions = (area: AreaId) => [...map().querySelectorAll(`[data-area="${area}"]`)];
const withClass = (cls: string) =>
  [...new Set([...map().querySelectorAll(`.${cls}`)].map((el) => el.getAttribute('data-area')))].sort();

describe('BodyMap', () => {
  it('has a region for every area, each with its class, and nothing else is a region', () => {
    render(<BodyMap />);
    for (const area of AREA_IDS) {
      const found = regions(area);
      expect(found.length, area).toBeGreaterThanOrEqual(1);
      for (const el of found) expect(el.classList.contains(`rb-map__region--${area}`)).toBe(true);
    }
    const all = [...map().querySelectorAll('[data-area]')].map((el) => el.getAttribute('data-area'));
    expect([...new Set(all)].sort()).toEqual([...AREA_IDS].sort());
    expect(map().querySelectorAll('.rb-map__region:not([data-area])')).toHaveLength(0);
  });

  it('never makes the low back or the neck a region', () => {
    render(<BodyMap highlight={AREA_IDS} current="upper-back" />);
    const names = map().querySelectorAll('[data-area]');
    for (const el of names) expect(el.getAttribute('data-area')).not.toMatch(/low|lumbar|neck|spine|head/);
    for (const area of ['low-back', 'lower-back', 'neck']) expect(regions(area as AreaId)).toHaveLength(0);
  });

  it('draws every area on the view areas.ts names for it', () => {
    render(<BodyMap />);
    for (const area of AREA_IDS)
      expect(map().querySelector(`.rb-map__${AREAS[area].view} [data-area="${area}"]`), area).not.toBeNull();
  });

  it('draws areas seen from both sides in both views', () => {
    render(<BodyMap />);
    expect(regions('it-band')).toHaveLength(2);
    expect(regions('forearms')).toHaveLength(2);
    expect(regions('feet')).toHaveLength(1);
  });

  it('highlights exactly the given areas and names them as a list', () => {
    const areas = ['upper-back', 'calves', 'glutes'] as const;
    render(<BodyMap highlight={areas} description={describeHighlight(areas)} />);
    expect(withClass('rb-map__region--on')).toEqual(['calves', 'glutes', 'upper-back']);
    expect(withClass('rb-map__region--current')).toEqual([]);
    expect(screen.getByRole('img', { name: 'Body map. Highlighted: Upper back, Calves, and Glutes (buttocks).' })).toBeTruthy();
  });

  it('marks the current area and says it is being rolled', () => {
    render(<BodyMap highlight={['quads', 'hamstrings']} current="quads" size="small" />);
    expect(withClass('rb-map__region--current')).toEqual(['quads']);
    expect(withClass('rb-map__region--on')).toEqual(['hamstrings', 'quads']);
    expect(map().classList.contains('rb-map--small')).toBe(true);
    expect(map().getAttribute('aria-label')).toBe('Body map. Now rolling: Quads (front of the thigh).');
    expect(describeHighlight(['quads', 'hamstrings'], 'quads', 'Your plan')).toBe(
      'Your plan. Now rolling: Quads (front of the thigh). Highlighted: Hamstrings (back of the thigh).',
    );
  });

  it('marks the current area in every view it appears in', () => {
    render(<BodyMap current="it-band" />);
    const current = [...map().querySelectorAll('.rb-map__region--current')];
    expect(current).toHaveLength(2);
    expect(current.every((el) => el.getAttribute('data-area') === 'it-band')).toBe(true);
    expect(screen.getByRole('img', { name: 'Body map. Now rolling: Outer thigh (IT band).' })).toBeTruthy();
  });

  it('shows coverage as heat levels relative to the most-rolled area and leaves the rest neutral', () => {
    const seconds = { quads: 240, calves: 60, glutes: 130, feet: 0, lats: 20 };
    render(<BodyMap heat={coverageHeat(seconds)} description={describeCoverage(seconds)} />);
    expect(withClass('rb-map__region--heat-4')).toEqual(['quads']);
    expect(withClass('rb-map__region--heat-3')).toEqual(['glutes']);
    expect(withClass('rb-map__region--heat-1')).toEqual(['calves', 'lats']);
    expect(withClass('rb-map__region--heat-2')).toEqual([]);
    for (const area of ['feet', 'shins', 'chest'] as const)
      for (const el of regions(area)) expect(el.getAttribute('class')).not.toMatch(/heat|--on|current/);
    expect(map().getAttribute('aria-label')).toBe(
      'Body map. Rolled: Quads (front of the thigh) 4 min, Glutes (buttocks) 2 min, Calves 1 min, and Lats (sides of the back) 20 sec. ' +
        'Not rolled: Upper back, Outer thigh (IT band), Hamstrings (back of the thigh), Inner thigh, Hip flexors (front of the hip), ' +
        'Shins (muscle beside the bone), Soles of the feet, Forearms, Chest, and Upper traps (shoulder tops).',
    );
  });

  it('says only "Body map" when nothing is marked', () => {
    render(<BodyMap />);
    expect(screen.getByRole('img', { name: 'Body map.' })).toBeTruthy();
    expect(map().querySelectorAll('[class*="--on"], [class*="--current"], [class*="--heat"]')).toHaveLength(0);
    expect(map().classList.contains('rb-map--medium')).toBe(true);
  });

  it('keeps the shapes out of the accessibility tree', () => {
    render(<BodyMap highlight={['chest']} />);
    for (const child of map().children) expect(child.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('heatLevel', () => {
  it('splits into four levels of the maximum, with 0 for nothing', () => {
    expect([0, 1, 25, 26, 50, 51, 75, 76, 100].map((s) => heatLevel(s, 100))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(heatLevel(undefined, 100)).toBe(0);
    expect(heatLevel(5, 0)).toBe(0);
  });
});

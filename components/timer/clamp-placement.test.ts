import { describe, expect, it } from 'vitest';
import { clampPlacement, MARGIN } from './clamp-placement';

const at = (right: number, bottom: number) => ({ right, bottom, minimised: false });

describe('clampPlacement', () => {
  it('leaves a timer that fits where it is, as the same placement', () => {
    const p = at(24, 24);
    expect(clampPlacement(p, 300, 500, 1280, 760)).toBe(p);
  });

  it('brings a card that grew past the top back inside, keeping its inline offset', () => {
    // A pill moved near the top (bottom 700 in a 760 px viewport), expanded to a 560 px card.
    expect(clampPlacement(at(40, 700), 300, 560, 1280, 760)).toEqual(at(40, 760 - 560 - MARGIN));
  });

  it('keeps it off every edge, and rounds what a drag left fractional', () => {
    expect(clampPlacement(at(-50, -10), 300, 500, 1280, 760)).toEqual(at(MARGIN, MARGIN));
    expect(clampPlacement(at(5000, 24.6), 300, 500, 1280, 760)).toEqual(at(1280 - 300 - MARGIN, 25));
  });

  it('pins a timer larger than the viewport to the bottom and inline-end margins (its top part out of view)', () => {
    expect(clampPlacement(at(200, 300), 300, 900, 280, 760)).toEqual(at(MARGIN, MARGIN));
  });
});

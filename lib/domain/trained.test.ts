import { describe, expect, it } from 'vitest';
import { AREA_IDS } from './areas';
import { toolsFor } from '../routines/catalogue';
import { DEFAULT_TRAINED, TRAINED_IDS, TRAINED_MUSCLES, asTrained, trainedKey } from './trained';

describe('trained muscles', () => {
  it('lists known, distinct areas for every kind, each reachable with some tool', () => {
    expect(Object.keys(TRAINED_MUSCLES).sort()).toEqual([...TRAINED_IDS].sort());
    for (const id of TRAINED_IDS) {
      const muscles = TRAINED_MUSCLES[id];
      expect(new Set(muscles).size, id).toBe(muscles.length);
      for (const area of muscles) {
        expect(AREA_IDS).toContain(area);
        expect(toolsFor(area).length, `${id} ${area}`).toBeGreaterThan(0);
      }
    }
  });

  it('leads legs with the thighs, upper body with the back, running with the calves', () => {
    expect(TRAINED_MUSCLES.legs.slice(0, 2)).toEqual(['quads', 'hamstrings']);
    expect(TRAINED_MUSCLES.upper[0]).toBe('upper-back');
    expect(TRAINED_MUSCLES.run[0]).toBe('calves');
    // Full body alternates lower and upper, so two areas already cover both halves.
    expect(TRAINED_MUSCLES.full.slice(0, 2)).toEqual(['quads', 'upper-back']);
  });

  it('reads only known kinds', () => {
    expect(asTrained('legs')).toBe('legs');
    for (const junk of ['yoga', '', null, undefined, 3, {}, 'constructor']) expect(asTrained(junk)).toBeUndefined();
    expect(TRAINED_IDS).toContain(DEFAULT_TRAINED);
    expect(trainedKey('run')).toBe('trained_run');
  });
});

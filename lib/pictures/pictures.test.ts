import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import messages from '../../public/_locales/en/messages.json';
import { AREA_IDS } from '../domain/areas';
import { TOOLS } from '../domain/lists';
import { allTechniques, hasTechnique, techniqueMoveKey } from '../routines/catalogue';
import { PICTURES, pictureFor } from './pictures';
import { pictureScripts } from './scripts';
import { PICTURE_KEYS, isPictureKey } from './keys';
import type { Shape } from './shapes';
import { HEIGHT, WIDTH } from './shapes';

const COLOURS = ['ink', 'accent', 'gap'];
const numbers = (shape: Shape) => shape.slice(2) as number[];
/** A line's or polygon's points as [x, y] pairs; a dot's centre. */
function points(shape: Shape): Array<[number, number]> {
  const values = shape[0] === 'c' ? numbers(shape).slice(1) : shape[0] === 'l' ? numbers(shape).slice(1) : numbers(shape);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < values.length; i += 2) pairs.push([values[i]!, values[i + 1]!]);
  return pairs;
}

describe('technique pictures', () => {
  it('has a picture and a text alternative (its movement cue) for every technique, and none for a pair the catalogue lacks', () => {
    const en = messages as Record<string, { message: string }>;
    for (const { area, tool } of allTechniques()) {
      expect(pictureFor(area, tool), `${area} ${tool}`).toBeDefined();
      expect(en[techniqueMoveKey(area, tool)!]?.message, `${area} ${tool}`).toMatch(/\w/);
    }
    for (const area of AREA_IDS) {
      for (const tool of TOOLS) expect(pictureFor(area, tool) !== undefined, `${area} ${tool}`).toBe(hasTechnique(area, tool));
      expect(Object.keys(PICTURES[area]).sort()).toEqual(TOOLS.filter((tool) => hasTechnique(area, tool)).sort());
    }
    expect(PICTURE_KEYS).toHaveLength(allTechniques().length);
  });

  it.each(allTechniques().map(({ area, tool }) => [area, tool] as const))(
    "draws %s with the %s in the pictures' shapes and colours only, inside the canvas",
    (area, tool) => {
      const picture = pictureFor(area, tool)!;
      for (const shape of picture) {
        expect(['l', 'c', 'p']).toContain(shape[0]);
        expect(COLOURS).toContain(shape[1]);
        expect(numbers(shape).every(Number.isFinite)).toBe(true);
        if (shape[0] === 'l') expect(numbers(shape).length % 2).toBe(1);
        if (shape[0] === 'p') expect(numbers(shape).length % 2).toBe(0);
        if (shape[0] !== 'p') expect(numbers(shape)[0]).toBeGreaterThan(0);
        // Every point within the canvas, give or take a line's rounded end.
        for (const [x, y] of points(shape)) {
          expect(x).toBeGreaterThanOrEqual(-1);
          expect(x).toBeLessThanOrEqual(WIDTH + 1);
          expect(y).toBeGreaterThanOrEqual(-1);
          expect(y).toBeLessThanOrEqual(HEIGHT + 1);
        }
      }
      // A figure with a head (an ink dot of the head's size), a tool and an area (accent), and an arrow (an accent head).
      expect(picture.some((s) => s[0] === 'c' && s[1] === 'ink' && s[2] > 5)).toBe(true);
      expect(picture.some((s) => s[1] === 'accent' && s[0] !== 'p')).toBe(true);
      expect(picture.some((s) => s[0] === 'p' && s[1] === 'accent')).toBe(true);
    },
  );

  it('ships each picture as a script of its own that only adds its data, within 1.5 KB gzipped', () => {
    const scripts = pictureScripts();
    expect(scripts.map((s) => s.name)).toEqual(PICTURE_KEYS);
    for (const { name, contents } of scripts) {
      expect(gzipSync(contents, { level: 9 }).length, name).toBeLessThanOrEqual(1536);
      const world: { rollbreakPictures?: Record<string, unknown> } = {};
      runInNewContext(contents, { globalThis: world });
      const [area, tool] = [name.replace(/-(roller|ball|gun)$/, ''), name.match(/(roller|ball|gun)$/)![1]];
      expect(world.rollbreakPictures?.[name], name).toEqual(
        JSON.parse(JSON.stringify(PICTURES[area as 'quads'][tool as 'roller'])),
      );
    }
  });

  it('names pictures only from the catalogue', () => {
    expect(isPictureKey('upper-back-ball')).toBe(true);
    expect(isPictureKey('upper-back-gun')).toBe(false);
    expect(isPictureKey('constructor')).toBe(false);
    expect(isPictureKey(undefined)).toBe(false);
  });
});

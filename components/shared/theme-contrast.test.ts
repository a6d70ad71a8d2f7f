import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every colour pair the stylesheets declare with light-dark(), read from the CSS itself, and the WCAG 2
 * contrast of the pairs people rely on, in both themes: 4.5:1 for text, 3:1 for the edges of controls,
 * the countdown ring, chart bars, meters, focus rings and the body map's current area.
 */
const FILES = ['../timer/timer.css', 'page.css', 'body-map.css', '../timer/overlay.css', '../history/history.css'];
const css = FILES.map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');

type Pair = { light: string; dark: string };
const colours = new Map<string, Pair>();
// Custom properties: `--rb-bg:light-dark(#f5f9f8,#0b1f1e)`.
for (const m of css.matchAll(/(--rb-[\w-]+)\s*:\s*light-dark\(\s*(#[0-9a-f]+)\s*,\s*(#[0-9a-f]+)\s*\)/gi)) {
  colours.set(m[1]!, { light: m[2]!, dark: m[3]! });
}
// Pairs used once, named by their rule: `.rb-map__region { fill: light-dark(...)`.
for (const m of css.matchAll(/([.\w-]+)\s*\{[^}]*?([\w-]+)\s*:\s*light-dark\(\s*(#[0-9a-f]+)\s*,\s*(#[0-9a-f]+)\s*\)/gi)) {
  colours.set(`${m[1]} ${m[2]}`, { light: m[3]!, dark: m[4]! });
}

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT = 4.5;
const GRAPHIC = 3;
// [foreground, background, minimum]
const PAIRS: Array<[string, string, number]> = [
  ...['--rb-fg', '--rb-muted', '--rb-danger'].flatMap((fg) =>
    ['--rb-bg', '--rb-button', '--rb-surface'].map((bg): [string, string, number] => [fg, bg, TEXT]),
  ),
  ['--rb-accent', '--rb-bg', TEXT],
  ['--rb-accent', '--rb-surface', TEXT],
  ['--rb-accent', '.rb-tag--done background', TEXT],
  ['--rb-on-accent', '--rb-accent', TEXT],
  ['--rb-hold', '--rb-bg', TEXT],
  ['--rb-hold', '--rb-surface', TEXT],
  // Control edges and the ring's track, against what they sit on.
  ['--rb-border', '--rb-bg', GRAPHIC],
  ['--rb-border', '--rb-surface', GRAPHIC],
  // The ring's fill in its three tones, selected chips, met goals.
  ['--rb-accent', '--rb-bg', GRAPHIC],
  ['--rb-hold', '--rb-bg', GRAPHIC],
  ['--rb-muted', '--rb-bg', GRAPHIC],
  ['--rb-focus', '--rb-bg', GRAPHIC],
  ['--rb-focus', '--rb-surface', GRAPHIC],
  ['--rb-focus', '--rb-button', GRAPHIC],
  // Chart bars on their card; meter fills on their track; the current area against the others.
  ['--rb-bar', '--rb-surface', GRAPHIC],
  ['--rb-accent', '--rb-surface', GRAPHIC],
  ['--rb-accent', '--rb-line', GRAPHIC],
  ['--rb-accent', '.rb-map__region fill', GRAPHIC],
];

describe('theme colours', () => {
  it('reads every pair the checks name from the stylesheets', () => {
    for (const name of new Set(PAIRS.flatMap(([a, b]) => [a, b]))) expect(colours.has(name), name).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`meets the contrast minimums in the ${theme} theme`, () => {
      const failures = PAIRS.flatMap(([fg, bg, min]) => {
        const ratio = contrast(colours.get(fg)![theme], colours.get(bg)![theme]);
        return ratio >= min ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`];
      });
      expect(failures).toEqual([]);
    });
  }

  it('computes WCAG contrast', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

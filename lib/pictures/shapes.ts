/**
 * The pictures' drawing vocabulary: a handful of shapes in three colours, on one 96 × 72 canvas.
 *
 * A picture is plain data (an array of shapes), so one renderer draws it in every context (pages, the timer
 * window, and the timer over a page, where each picture travels as its own small script) and tests can read
 * it. Three colours only, so a picture follows the theme and forced colors:
 * - `ink`: the figure and the scenery (floor, wall, chair, desk), the text colour (`currentColor`);
 * - `accent`: the tool, the area being worked and the movement arrow;
 * - `gap`: the background colour, drawn as a rim around a limb so that it stands apart from what lies behind it.
 */
export type Colour = 'ink' | 'accent' | 'gap';

/** A thick line through points (x, y, x, y, …), with round ends and joins: a limb, the floor, an arrow's shaft. */
export type Line = readonly ['l', Colour, number, ...number[]];
/** A filled circle: colour, radius, centre. The head, a ball, a roller seen end-on. */
export type Dot = readonly ['c', Colour, number, number, number];
/** A filled polygon through points: an arrowhead, a desk top, a gun's head. */
export type Fill = readonly ['p', Colour, ...number[]];

export type Shape = Line | Dot | Fill;
export type Picture = readonly Shape[];

export const WIDTH = 96;
export const HEIGHT = 72;
export const VIEW_BOX = `0 0 ${WIDTH} ${HEIGHT}`;

export type Pt = readonly [number, number];

/** Rounded to a tenth: the pictures' data stays short, and a tenth of a unit is invisible. */
const r1 = (n: number) => Math.round(n * 10) / 10;

export const line = (colour: Colour, width: number, points: readonly Pt[]): Line => [
  'l',
  colour,
  r1(width),
  ...points.flatMap(([x, y]) => [r1(x), r1(y)]),
];
export const dot = (colour: Colour, radius: number, [x, y]: Pt): Dot => ['c', colour, r1(radius), r1(x), r1(y)];
export const fill = (colour: Colour, points: readonly Pt[]): Fill => ['p', colour, ...points.flatMap(([x, y]) => [r1(x), r1(y)])];

// Plane geometry. Angles in degrees, in SVG's coordinates: 0 points right, 90 down, -90 up.
const RAD = Math.PI / 180;
export const toward = ([x, y]: Pt, angle: number, length: number): Pt => [
  x + length * Math.cos(angle * RAD),
  y + length * Math.sin(angle * RAD),
];
export const angleOf = ([x1, y1]: Pt, [x2, y2]: Pt): number => Math.atan2(y2 - y1, x2 - x1) / RAD;
export const distance = ([x1, y1]: Pt, [x2, y2]: Pt): number => Math.hypot(x2 - x1, y2 - y1);
export const between = ([x1, y1]: Pt, [x2, y2]: Pt, t: number): Pt => [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
/** `p` moved `by` units at right angles to the direction a → b (positive: to the right of that direction). */
export const aside = (p: Pt, a: Pt, b: Pt, by: number): Pt => toward(p, angleOf(a, b) + 90, by);

/**
 * Where the middle joint of a two-part limb goes (elbow, knee) for its end to reach `target`: `bend` +1
 * or -1 picks which way it bends. A target out of reach gets the limb stretched straight towards it.
 */
export function reach(root: Pt, target: Pt, first: number, second: number, bend: 1 | -1): Pt {
  const d = Math.min(distance(root, target), first + second - 0.01);
  const cos = (first * first + d * d - second * second) / (2 * first * d);
  return toward(root, angleOf(root, target) + (bend * Math.acos(Math.max(-1, Math.min(1, cos)))) / RAD, first);
}

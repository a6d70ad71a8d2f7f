import type { Pt, Shape } from './shapes';
import { HEIGHT, WIDTH, angleOf, dot, fill, line, toward } from './shapes';

/** The floor line, the pictures' ground: every figure stands, sits or lies on it. */
export const FLOOR = 67;
const SCENERY = 1.6;

export const floor = (): Shape =>
  line('ink', SCENERY, [
    [3, FLOOR],
    [WIDTH - 3, FLOOR],
  ]);

/** A wall standing on the floor at `x`. */
export const wall = (x: number): Shape =>
  line('ink', SCENERY, [
    [x, 3],
    [x, FLOOR],
  ]);

/** A chair seen from the side: the seat from `from` to `to` at height `seat`, its back at `from`'s end when `back`. */
export function chair(from: number, to: number, seat: number, back = true): Shape[] {
  return [
    line('ink', 2.4, [
      [from, seat],
      [to, seat],
    ]),
    line('ink', SCENERY, [
      [from + 1.5, seat],
      [from + 1.5, FLOOR],
    ]),
    line('ink', SCENERY, [
      [to - 1.5, seat],
      [to - 1.5, FLOOR],
    ]),
    ...(back
      ? [
          line('ink', 2.4, [
            [from, seat],
            [from - (to > from ? 1 : -1), seat - 20],
          ]),
        ]
      : []),
  ];
}

/** A desk or table top from `from` to `to` at height `top`, on one leg at each end. */
export function desk(from: number, to: number, top: number): Shape[] {
  return [
    line('ink', 2.6, [
      [from, top],
      [to, top],
    ]),
    line('ink', SCENERY, [
      [from + 2, top],
      [from + 2, FLOOR],
    ]),
    line('ink', SCENERY, [
      [to - 2, top],
      [to - 2, FLOOR],
    ]),
  ];
}

/** A foam roller seen end-on: an accent disc with a hollow core. */
export const ROLLER = 6.2;
export const roller = (centre: Pt): Shape[] => [dot('accent', ROLLER, centre), dot('gap', 1.8, centre)];

/** A massage ball. */
export const BALL = 3.8;
export const ball = (centre: Pt): Shape => dot('accent', BALL, centre);

/**
 * A massage gun whose head touches `head`, its body pointing away along `angle` and its handle off the
 * body's middle, turned by `handle` degrees from the body (±90 for a handle at right angles). Returns its
 * shapes and where a hand holds it.
 */
export function gun(head: Pt, angle: number, handle: 90 | -90 | 60 | -60 | 120 | -120 = 90): { shapes: Shape[]; grip: Pt } {
  const neck = toward(head, angle, 2.5);
  const back = toward(neck, angle, 10);
  const mid = toward(neck, angle, 6.5);
  const grip = toward(mid, angle + handle, 8);
  return {
    shapes: [line('accent', 3.4, [mid, grip]), line('accent', 5.4, [neck, back]), dot('accent', 2.7, head)],
    grip,
  };
}

const HEAD_LENGTH = 3.6;
const SHAFT = 1.5;

/** An arrowhead at `tip` pointing along `angle`. */
function head(tip: Pt, angle: number): Shape {
  return fill('accent', [tip, toward(tip, angle + 150, HEAD_LENGTH), toward(tip, angle - 150, HEAD_LENGTH)]);
}

/** A straight movement arrow from `a` to `b`; with `both`, back and forth (the rolling motion). */
export function arrow(a: Pt, b: Pt, both = true): Shape[] {
  const angle = angleOf(a, b);
  const start = both ? toward(a, angle, HEAD_LENGTH - 1) : a;
  const end = toward(b, angle + 180, HEAD_LENGTH - 1);
  return [line('accent', SHAFT, [start, end]), head(b, angle), ...(both ? [head(a, angle + 180)] : [])];
}

/** Small circles around `centre`: an open ring of arrow with one head. */
export function circling(centre: Pt, radius: number): Shape[] {
  const points: Pt[] = [];
  for (let a = -60; a <= 220; a += 20) points.push(toward(centre, a, radius));
  const last = points[points.length - 1]!;
  return [line('accent', SHAFT, points), head(toward(last, 220 + 90, 1), 220 + 90)];
}

/** Keeps a picture's data inside the canvas (tests check every point against these). */
export const BOUNDS = { width: WIDTH, height: HEIGHT } as const;

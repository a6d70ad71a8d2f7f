import type { Pt, Shape } from './shapes';
import { angleOf, between, line, dot, reach, toward, aside } from './shapes';

/**
 * The one figure every picture uses, seen from the side: a round head and thick, round-ended limbs, as on a
 * safety sign. It is posed like a jointed doll: the hip is placed, the torso and head turned, and each arm
 * and leg either bent at given angles or reaching for a point (a hand on the floor, a foot planted). The
 * limbs on the far side are drawn first; the body and the near limbs after them, each with a rim of the
 * background colour, so that a limb in front stands out from what is behind it.
 */

// Proportions, in canvas units (the canvas is 96 × 72): a standing figure is about 62 tall.
export const TORSO = 20;
export const NECK = 7;
export const HEAD = 5.4;
export const UPPER_ARM = 12;
export const FOREARM = 11;
export const THIGH = 15;
export const SHIN = 14.5;
export const FOOT = 5.5;
export const TORSO_WIDTH = 8.5;
/** The torso seen from the front or above. */
export const WIDE_TORSO = 11;
export const ARM_WIDTH = 4.6;
export const LEG_WIDTH = 5.8;
/** The background-coloured rim around a part in front. */
const RIM = 1.6;

/**
 * An arm or leg: the angles of its two parts, or a point its end reaches (bending to one side). `end` turns
 * the foot; `near` foreshortens the upper part (0–1) for a thigh or upper arm that points at the viewer.
 */
export type Limb = ({ angles: readonly [number, number] } | { to: Pt; bend: 1 | -1 }) & { end?: number; near?: number };

export interface Pose {
  hip: Pt;
  /** The direction from the hip to the neck (degrees; -90 is straight up). */
  torso: number;
  /** The direction from the neck to the head; the torso's by default. */
  head?: number;
  /** Which way the figure faces: 1 to the right, -1 to the left. Feet point that way unless told otherwise. */
  facing: 1 | -1;
  /** The arm and the leg on the far side, then those on the near side. */
  far: { arm: Limb; leg: Limb };
  near: { arm: Limb; leg: Limb };
  /**
   * Seen from the front or from above rather than from the side: the shoulders and hips get their width, the
   * `far` limbs on the left of the torso's direction (hip to neck) and the `near` ones on its right.
   */
  wide?: true;
}

/** One limb's joints: where it starts, bends, ends, and (for a leg) where the toes are. */
export interface Joints {
  root: Pt;
  mid: Pt;
  end: Pt;
  tip: Pt;
}

export interface Figure {
  neck: Pt;
  hip: Pt;
  head: Pt;
  shoulder: Pt;
  /** The torso's drawn width. */
  width: number;
  farArm: Joints;
  farLeg: Joints;
  nearArm: Joints;
  nearLeg: Joints;
  /** The figure's shapes, far limbs first. */
  shapes: Shape[];
}

function limb(
  root: Pt,
  spec: Limb,
  full: number,
  second: number,
  tipLength: number,
  defaultEnd: (lower: number) => number,
): Joints {
  const first = full * (spec.near ?? 1);
  let mid: Pt;
  let end: Pt;
  if ('to' in spec) {
    mid = reach(root, spec.to, first, second, spec.bend);
    end = toward(mid, angleOf(mid, spec.to), second);
  } else {
    mid = toward(root, spec.angles[0], first);
    end = toward(mid, spec.angles[1], second);
  }
  const lower = angleOf(mid, end);
  return { root, mid, end, tip: tipLength ? toward(end, spec.end ?? defaultEnd(lower), tipLength) : end };
}

/** A part drawn in ink with a background rim, the rim left off its first `bare` units (where it joins the body). */
function part(points: readonly Pt[], width: number, bare = 0): Shape[] {
  const [a, b] = points;
  const rimStart = bare ? between(a!, b!, Math.min(0.9, bare / Math.hypot(b![0] - a![0], b![1] - a![1]))) : a!;
  return [line('gap', width + 2 * RIM, [rimStart, ...points.slice(1)]), line('ink', width, points)];
}

export function figure(pose: Pose): Figure {
  const { hip, facing } = pose;
  const neck = toward(hip, pose.torso, TORSO);
  const shoulder = toward(neck, pose.torso + 180, pose.wide ? 3 : 2.5);
  const head = toward(neck, pose.head ?? pose.torso, NECK);
  const width = pose.wide ? WIDE_TORSO : TORSO_WIDTH;
  // Seen from the side, both arms hang from one shoulder and both legs from one hip; seen from the front
  // or above, each from its own.
  const sideways = (p: Pt, by: number, side: -1 | 1): Pt => (pose.wide ? aside(p, hip, neck, side * by) : p);
  // Feet point forward, at right angles to the shin; hands simply end the forearm.
  const footFor = (lower: number) => lower - 90 * facing;
  const arm = (spec: Limb, side: -1 | 1) => limb(sideways(shoulder, 4, side), spec, UPPER_ARM, FOREARM, 0, () => 0);
  const leg = (spec: Limb, side: -1 | 1) => limb(sideways(hip, 2.6, side), spec, THIGH, SHIN, FOOT, footFor);
  const farArm = arm(pose.far.arm, -1);
  const farLeg = leg(pose.far.leg, -1);
  const nearArm = arm(pose.near.arm, 1);
  const nearLeg = leg(pose.near.leg, 1);
  const legPoints = (j: Joints) => [j.root, j.mid, j.end, j.tip];
  const armPoints = (j: Joints) => [j.root, j.mid, j.end];
  const shapes: Shape[] = [
    ...part(armPoints(farArm), ARM_WIDTH),
    ...part(legPoints(farLeg), LEG_WIDTH),
    ...part([hip, neck], width),
    dot('gap', HEAD + RIM, head),
    dot('ink', HEAD, head),
    ...part(legPoints(nearLeg), LEG_WIDTH, 5),
    ...part(armPoints(nearArm), ARM_WIDTH, 4),
  ];
  return { neck, hip, head, shoulder, width, farArm, farLeg, nearArm, nearLeg, shapes };
}

/** A stretch of a part, as a share of its length: the area being worked. */
export type Stretch = readonly [from: Pt, to: Pt, width: number];

/**
 * The area being worked: a stretch of the body painted in the accent colour, from `from` to `to` (shares
 * of the part's length). `edge` moves a narrower band to one side of the part (+1 to the right of its
 * direction, -1 to the left), for an area on one face of it: the back of the ribcage, the top of the shoulder.
 */
export function area([a, b, width]: Stretch, from: number, to: number, edge: -1 | 0 | 1 = 0): Shape {
  const band = edge ? width * 0.55 : width;
  const shift = (edge * (width - band)) / 2;
  return line('accent', band, [aside(between(a, b, from), a, b, shift), aside(between(a, b, to), a, b, shift)]);
}

/** The figure's parts as stretches for `area`. */
export const parts = (f: Figure) => ({
  torso: [f.hip, f.neck, f.width] as Stretch,
  nearThigh: [f.nearLeg.root, f.nearLeg.mid, LEG_WIDTH] as Stretch,
  nearShin: [f.nearLeg.mid, f.nearLeg.end, LEG_WIDTH] as Stretch,
  nearFoot: [f.nearLeg.end, f.nearLeg.tip, LEG_WIDTH] as Stretch,
  farThigh: [f.farLeg.root, f.farLeg.mid, LEG_WIDTH] as Stretch,
  nearForearm: [f.nearArm.mid, f.nearArm.end, ARM_WIDTH] as Stretch,
  farForearm: [f.farArm.mid, f.farArm.end, ARM_WIDTH] as Stretch,
  nearUpperArm: [f.nearArm.root, f.nearArm.mid, ARM_WIDTH] as Stretch,
});

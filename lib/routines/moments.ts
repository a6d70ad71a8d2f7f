import type { Moment } from '../session/types';
import type { AreaId } from './areas';

/**
 * How a break differs by when it is taken. The numbers follow the evidence in the brief: 30–120 s per
 * muscle, knot holds of 20–30 s, a range-of-motion gain that lasts about 10 minutes (so a pre-workout roll
 * is brisk and ends right before training), and soreness relief after training from slower, longer work.
 */
export interface MomentConfig {
  /**
   * Seconds per side of a sided area (and for the single roll of an unsided one), [min, max]. The plan
   * never goes below min; it fills up to max before adding areas, and past max only when no further area
   * fits or is left.
   */
  secondsPerArea: readonly [min: number, max: number];
  /** How the coaching treats knot holds: brief touches, holds encouraged, or long unhurried holds. */
  holds: 'brief' | 'encouraged' | 'long';
  /** The longest knot hold to offer in this moment. */
  maxHoldSeconds: number;
  /** Whether floor techniques may be used (a desk break never gets down on the floor). */
  floorAllowed: boolean;
  /** Seconds to get into position before each area (a 'move' step). */
  moveSeconds: number;
  /** Seconds to change sides between the left and right roll of a sided area (a 'switch' step). */
  switchSeconds: number;
  /**
   * The preferred areas for this moment, best first. Among areas rolled equally recently the plan takes
   * these in this order, then the rest in an order drawn from the plan's seed (so breaks vary).
   */
  priority: readonly AreaId[];
}

export { MOMENT_IDS } from '../domain/lists';

export const MOMENTS: Readonly<Record<Moment, Readonly<MomentConfig>>> = {
  // Before training: brisk passes over the big movers (+4 % flexibility, +0.7 % sprint; no strength loss),
  // no long holds, short transitions. The gain fades in about 10 minutes, so the break stays short.
  pre: {
    secondsPerArea: [30, 60],
    holds: 'brief',
    maxHoldSeconds: 20,
    floorAllowed: true,
    moveSeconds: 10,
    switchSeconds: 5,
    priority: ['glutes', 'quads', 'hamstrings', 'calves', 'upper-back', 'lats', 'hip-flexors'],
  },
  // After training: slower rolling for perceived soreness (g = 0.47), 60–120 s per muscle, holds encouraged.
  post: {
    secondsPerArea: [60, 120],
    holds: 'encouraged',
    maxHoldSeconds: 30,
    floorAllowed: true,
    moveSeconds: 15,
    switchSeconds: 5,
    priority: ['quads', 'hamstrings', 'calves', 'glutes', 'upper-back', 'lats'],
  },
  // Rest day: unhurried, longer holds, and broader coverage: a lower ceiling per side (90 s) means spare
  // time goes to one more area sooner than to longer rolls, and the priority mixes upper and lower body.
  rest: {
    secondsPerArea: [60, 90],
    holds: 'long',
    maxHoldSeconds: 30,
    floorAllowed: true,
    moveSeconds: 15,
    switchSeconds: 5,
    priority: ['upper-back', 'glutes', 'it-band', 'quads', 'calves', 'lats', 'feet'],
  },
  // Desk break: no floor at all. A ball against the wall or on the chair, under a foot, on the desk for the
  // forearms; the areas that sitting and typing tighten come first.
  desk: {
    secondsPerArea: [30, 60],
    holds: 'encouraged',
    maxHoldSeconds: 30,
    floorAllowed: false,
    moveSeconds: 10,
    switchSeconds: 5,
    priority: ['upper-back', 'forearms', 'feet', 'upper-traps', 'chest', 'glutes'],
  },
};

/** The i18n key of a moment's short name: `moment_desk`. */
export function momentKey<M extends Moment>(moment: M): `moment_${M}` {
  return `moment_${moment}`;
}

/** The done-screen line for a pre-workout break: train now, while the range-of-motion gain lasts. */
export const PRE_DONE_KEY = 'moment_pre_done';

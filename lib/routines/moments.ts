import type { Moment } from '../session/types';
import type { AreaId } from '../domain/areas';

/**
 * How a break differs by when it is taken. The numbers follow the evidence in the brief: 1–3 sets of
 * 30–120 s per muscle, about 90 s per muscle group for soreness after training, knot holds of 20–30 s, and
 * a range-of-motion gain that lasts about 10 minutes (so a pre-workout roll ends right before training).
 * The speed is the same everywhere: slowly, about 2.5 cm per second. Moments differ in dose, not in pace.
 */
export interface MomentConfig {
  /**
   * Seconds per side of an area in the whole break (for a technique that rolls both legs at once, for
   * both legs together), [min, max]. The plan never goes below min: it takes fewer areas instead. It
   * fills up to max before adding areas, and past max only when no further area fits or is left; a total
   * past BOUT_MAX_SECONDS is split into equal sets.
   */
  secondsPerSide: readonly [min: number, max: number];
  /** The longest knot hold to offer in this moment. */
  maxHoldSeconds: number;
  /** Whether floor techniques may be used (a desk break never gets down on the floor). */
  floorAllowed: boolean;
  /** Whether the muscles trained come first (before and after a workout); otherwise recency leads. */
  trainedFirst: boolean;
  /** Seconds to get into position before each area (a 'move' step). */
  moveSeconds: number;
  /** Seconds between two rolls of an area: changing sides, or a breath between two sets (a 'switch' step). */
  switchSeconds: number;
  /**
   * The preferred areas for this moment, best first. Before and after a workout it ranks the areas the
   * training did not work (recency breaks its ties); on rest days and at the desk it breaks ties between
   * areas rolled equally recently. The rest follow in an order drawn from the plan's seed (so breaks vary).
   */
  priority: readonly AreaId[];
}

/** The longest single bout on one side; a longer dose becomes sets (evidence: 1–3 sets of 30–120 s). */
export const BOUT_MAX_SECONDS = 120;
/** The shortest bout; shorter bouts did nothing measurable (Couture 2015). */
export const BOUT_MIN_SECONDS = 30;
/** At most this many sets per side. */
export const MAX_SETS = 3;

export { MOMENT_IDS } from '../domain/lists';

export const MOMENTS: Readonly<Record<Moment, Readonly<MomentConfig>>> = {
  // Before training: short doses on the muscles about to work (+4 % flexibility, +0.7 % sprint; no
  // strength loss), short holds and transitions. The gain fades in about 10 minutes: see MOMENT_LENGTHS.
  pre: {
    secondsPerSide: [30, 60],
    maxHoldSeconds: 20,
    floorAllowed: true,
    trainedFirst: true,
    moveSeconds: 10,
    switchSeconds: 5,
    priority: ['glutes', 'quads', 'hamstrings', 'calves', 'upper-back', 'lats', 'hip-flexors'],
  },
  // After training: at least 90 s per side on every muscle rolled, for perceived soreness (g = 0.47).
  post: {
    secondsPerSide: [90, 120],
    maxHoldSeconds: 30,
    floorAllowed: true,
    trainedFirst: true,
    moveSeconds: 15,
    switchSeconds: 5,
    priority: ['quads', 'hamstrings', 'calves', 'glutes', 'upper-back', 'lats'],
  },
  // Rest day: broad coverage of what was rolled least lately. A lower ceiling per side (90 s) means spare
  // time goes to one more area sooner than to longer rolls; the priority mixes upper and lower body.
  rest: {
    secondsPerSide: [60, 90],
    maxHoldSeconds: 30,
    floorAllowed: true,
    trainedFirst: false,
    moveSeconds: 15,
    switchSeconds: 5,
    priority: ['upper-back', 'glutes', 'it-band', 'quads', 'calves', 'lats', 'feet'],
  },
  // Desk break: no floor at all. A ball against the wall or on the chair, under a foot, on the desk for the
  // forearms; the areas that sitting and typing tighten come first.
  desk: {
    secondsPerSide: [30, 60],
    maxHoldSeconds: 30,
    floorAllowed: false,
    trainedFirst: false,
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

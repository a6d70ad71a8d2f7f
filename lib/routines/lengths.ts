import type { Moment } from '../domain/lists';
import { BREAK_MINUTES } from '../domain/lists';

/**
 * Break lengths in whole minutes, per moment, within the product's range (BREAK_MINUTES): what the popup's
 * length picker and the plan generator share. Free of heavy imports, so the popup's first paint can use it.
 */
export const { min: MIN_MINUTES, max: MAX_MINUTES, default: DEFAULT_MINUTES } = BREAK_MINUTES;

export interface MomentLength {
  min: number;
  max: number;
  /** Picking the moment raises a shorter length to this, so the usual plan covers what it should. */
  suggested: number;
}

export const MOMENT_LENGTHS: Readonly<Record<Moment, MomentLength>> = {
  // The range-of-motion gain fades within about 10 minutes: at most 8 minutes of rolling, plus 2 to get to
  // the first set, keeps every rolled muscle inside that window when training starts.
  pre: { min: MIN_MINUTES, max: 8, suggested: MIN_MINUTES },
  // At least 90 s per side for soreness: one muscle done one side at a time takes 15 + 90 + 5 + 90 = 200 s,
  // so 4 minutes is the least that fits it; 7 minutes fits the first two trained muscles with any tool.
  post: { min: 4, max: MAX_MINUTES, suggested: 7 },
  rest: { min: MIN_MINUTES, max: MAX_MINUTES, suggested: MIN_MINUTES },
  desk: { min: MIN_MINUTES, max: MAX_MINUTES, suggested: MIN_MINUTES },
};

/** The break length a plan gets for a requested number of minutes: rounded, within the moment's range. */
export function normalizeMinutes(minutes: number, moment?: Moment): number {
  const { min, max } = moment ? MOMENT_LENGTHS[moment] : { min: MIN_MINUTES, max: MAX_MINUTES };
  if (Number.isNaN(minutes)) return Math.min(max, Math.max(min, DEFAULT_MINUTES));
  return Math.min(max, Math.max(min, Math.round(minutes)));
}

/** The length to show when the user switches to `moment`: within its range, and at least its suggestion. */
export function lengthForMoment(minutes: number, moment: Moment): number {
  return normalizeMinutes(Math.max(minutes, MOMENT_LENGTHS[moment].suggested), moment);
}

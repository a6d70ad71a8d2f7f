import type { AreaId } from '../domain/areas';
import type { Side } from './types';

/*
 * What a break notes about the person's body: where they pressed Knot and how each area felt afterwards.
 * Defined beside the session that records them, below the log that keeps them and the plans that read them.
 */

/** How an area felt after the break, as the person said at the done screen's check-in. */
export const FEELS = ['eased', 'same', 'worse'] as const;
export type Feel = (typeof FEELS)[number];

/** One Knot press: where (the step's area and side) and how many seconds the hold lasted. */
export interface KnotEntry {
  area: AreaId;
  side: Side | null;
  seconds: number;
}

/** One answer of the check-in: an area rolled in the break and how it felt afterwards. */
export interface CheckInEntry {
  area: AreaId;
  feel: Feel;
}

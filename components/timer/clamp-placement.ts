import type { OverlayPlacement } from '../../lib/storage/keys';

/** The least room kept between the timer and the viewport's edges. */
export const MARGIN = 4;

/**
 * The timer's offsets from the viewport's inline-end and bottom edges, kept inside the viewport for a timer
 * of the given size. The same placement comes back when nothing moves, so setting it again renders nothing.
 */
export function clampPlacement(
  p: OverlayPlacement,
  width: number,
  height: number,
  viewWidth: number,
  viewHeight: number,
): OverlayPlacement {
  const within = (v: number, room: number) => Math.min(Math.max(MARGIN, room - MARGIN), Math.max(MARGIN, Math.round(v)));
  const right = within(p.right, viewWidth - width);
  const bottom = within(p.bottom, viewHeight - height);
  return right === p.right && bottom === p.bottom ? p : { ...p, right, bottom };
}

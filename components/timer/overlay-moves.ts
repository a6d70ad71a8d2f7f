import type { OverlayPlacement } from '../../lib/storage/keys';

/** What the timer over a page hands its move handlers; the placement stays the timer's (OverlayApp). */
export interface MoveProps {
  placement: OverlayPlacement;
  /** -1 in a right-to-left language, where the stored offset counts from the left edge. */
  flip: number;
  /** The drag under way, kept across renders by the timer. */
  drag: { current: { x: number; y: number; start: OverlayPlacement } | null };
  /** Shows a placement while dragging (kept on screen), without storing it. */
  move: (next: OverlayPlacement) => void;
  /** Shows and stores a placement (kept on screen). */
  save: (next: OverlayPlacement) => void;
}

export interface Moves {
  onPointerDown: (e: PointerEvent) => void;
  onPointerMove: (e: PointerEvent) => void;
  onPointerUp: () => void;
  /** The handle's arrow keys. */
  onKeyDown: (e: KeyboardEvent) => void;
}

const KEY_STEP = 16;

/**
 * Dragging the timer (its bar, or the minimised pill) and moving it with the handle's arrow keys: the way
 * the pointer or the arrow points. Nobody moves the timer in its first frame, so this travels with the
 * overlay's parts (overlay-parts.js), injected right after the timer is up, not in the overlay script.
 */
export function overlayMoves({ placement, flip, drag, move, save }: MoveProps): Moves {
  return {
    onPointerDown(e) {
      if ((e.target as HTMLElement).closest('button:not(.rb-handle)')) return;
      drag.current = { x: e.clientX, y: e.clientY, start: placement };
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      e.preventDefault();
    },
    onPointerMove(e) {
      const d = drag.current;
      if (!d) return;
      move({ ...d.start, right: d.start.right - flip * (e.clientX - d.x), bottom: d.start.bottom - (e.clientY - d.y) });
    },
    onPointerUp() {
      if (!drag.current) return;
      drag.current = null;
      save(placement);
    },
    onKeyDown(e) {
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [flip * KEY_STEP, 0],
        ArrowRight: [-flip * KEY_STEP, 0],
        ArrowUp: [0, KEY_STEP],
        ArrowDown: [0, -KEY_STEP],
      };
      const step = moves[e.key];
      if (!step) return;
      e.preventDefault();
      save({ ...placement, right: placement.right + step[0], bottom: placement.bottom + step[1] });
    },
  };
}

export type OverlayMoves = typeof overlayMoves;

import type { SessionState } from './session/types';

/**
 * Keys, shapes and fallbacks of what lives in `storage.local` and is read by the page overlay too.
 * `storage-items.ts` builds the typed items from these; the overlay reads them through `local-value.ts`.
 */
export const SESSION_KEY = 'session';
export const SESSION_FALLBACK: SessionState = { status: 'idle' };

export interface OverlayPlacement {
  /** Distance from the viewport's right and bottom edges, so the timer stays in its corner on resize. */
  right: number;
  bottom: number;
  minimised: boolean;
}

export const PLACEMENT_KEY = 'overlayPlacement';
export const PLACEMENT_FALLBACK: OverlayPlacement = { right: 24, bottom: 24, minimised: false };

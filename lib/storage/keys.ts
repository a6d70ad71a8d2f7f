import type { SessionState } from '../session/types';
import type { AreaId } from '../domain/areas';

/**
 * Keys, shapes and fallbacks of the stored items that the timer over a page or the popup's first paint also
 * read, without WXT's storage module. `storage/items.ts` declares every item from these; the light readers
 * use `local-value.ts`.
 */
export const SESSION_KEY = 'session';
/** Settings live in storage.sync under this key (with WXT's version record beside it). */
export const SETTINGS_KEY = 'settings';
/** The popup's last choice in the extension's localStorage (see CHOICE_CACHE in storage/items.ts). */
export const CHOICE_CACHE_KEY = 'rollbreak:choice';
/** Whether the popup last saw a break running, in the extension's localStorage (lib/popup/break-hint.ts). */
export const BREAK_HINT_KEY = 'rollbreak:breakRunning';
/** Whether the popup's first-run safety note was read, in the extension's localStorage (see storage/items.ts). */
export const SAFETY_SEEN_KEY = 'rollbreak:safetySeen';
/** The colour scheme a page last showed, in the extension's localStorage, for the next page's first paint. */
export const THEME_CACHE_KEY = 'rollbreak:scheme';
export const SESSION_FALLBACK: SessionState = { status: 'idle' };

export interface OverlayPlacement {
  /**
   * Distance from the viewport's inline-end and bottom edges, so the timer stays in its corner on resize.
   * The inline end is the right edge, or the left one when Rollbreak speaks a right-to-left language.
   */
  right: number;
  bottom: number;
  minimised: boolean;
}

export const PLACEMENT_KEY = 'overlayPlacement';
export const PLACEMENT_FALLBACK: OverlayPlacement = { right: 24, bottom: 24, minimised: false };

/**
 * When each area was last rolled, kept up to date by the background as breaks are logged. The plan
 * generator prefers the least recently rolled areas; this small map spares the popup an IndexedDB read.
 */
export const LAST_ROLLED_KEY = 'lastRolled';

/** The reminder's record, why a due reminder waits, and a pending after-training reminder (read by the popup too). */
export const REMINDER_STATE_KEY = 'reminderState';
export const REMINDER_DEFER_KEY = 'reminderDefer';
export const POST_WORKOUT_AT_KEY = 'postWorkoutAt';
/**
 * The version whose news the popup shows once after an update (its message `whatsNew_<version>`), or null:
 * none to show (a fresh install, or the person dismissed it). Read by the popup after its first paint.
 */
export const WHATS_NEW_KEY = 'whatsNew';
export const LAST_ROLLED_FALLBACK: Partial<Record<AreaId, number>> = {};

/**
 * The tab whose page shows the break's timer, in `storage.session` (background and popup only): the timer
 * follows the break there after a page load. `lost` says the last page load in that tab could not get it
 * back (another site, and no access to every site), so the popup offers the timer window.
 */
export const TIMER_TAB_KEY = 'timerTab';
export interface TimerTab {
  tabId: number;
  lost: boolean;
}

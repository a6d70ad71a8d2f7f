/**
 * "Not at a bad moment": a due reminder waits while the user is in fullscreen (a film, a presentation) or the
 * tab they are on is playing sound (a call). It waits a bounded time, or a tab playing music all afternoon
 * would swallow every reminder. Pass `audible` for the focused window's active tab, not for any tab.
 */

import { MINUTE_MS } from './types';

export type DeferReason = 'fullscreen' | 'audible';

/** How often a held-back reminder is re-tried: one alarm, re-set to this each time. */
export const DEFER_RETRY_MS = MINUTE_MS;
/** After this long held back the reminder is shown anyway. */
export const MAX_DEFER_MS = 20 * MINUTE_MS;

export interface ReminderMoment {
  fullscreen: boolean;
  audible: boolean;
  /** state.deferredSince; with `now`, lets the holding back run out. */
  deferredSince?: number | null;
  now?: number;
}

/** Why to hold a due reminder back right now, or null to show it. Fullscreen wins over audible. */
export function shouldDeferReminder(moment: ReminderMoment): DeferReason | null {
  const { deferredSince, now } = moment;
  if (deferredSince != null && now !== undefined && now - deferredSince >= MAX_DEFER_MS) return null;
  if (moment.fullscreen) return 'fullscreen';
  if (moment.audible) return 'audible';
  return null;
}

/**
 * When to look again at a held-back reminder: the background sets its one reminder alarm here instead of
 * at dueAt (which has passed), so there is still a single alarm to keep track of.
 */
export function deferredRetryAt(now: number, deferredSince: number | null = null): number {
  const retry = now + DEFER_RETRY_MS;
  // Never past the moment the holding back runs out.
  return deferredSince === null ? retry : Math.max(now, Math.min(retry, deferredSince + MAX_DEFER_MS));
}

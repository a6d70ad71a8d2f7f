/**
 * "Not at a bad moment": a due reminder waits while the user is in fullscreen (a film, a presentation, a
 * call) or the tab they are looking at plays sound. Fullscreen holds it back for as long as it lasts: the
 * person chose it, and it ends. Sound alone holds it back for a bounded time, or a tab playing music all
 * afternoon would swallow every reminder. Pass `audible` for the focused window's active tab only, never
 * for any tab: background music elsewhere is no reason to wait.
 */

import type { ReminderState } from './types';
import { MINUTE_MS } from './types';
import { deferReminder } from './state';

export type DeferReason = 'fullscreen' | 'audible';

/** How often a held-back reminder is re-tried: one alarm, re-set to this each time. */
export const DEFER_RETRY_MS = MINUTE_MS;
/** After sound alone has held a reminder back this long, it is shown anyway. Fullscreen has no cap. */
export const MAX_DEFER_MS = 20 * MINUTE_MS;

export interface ReminderMoment {
  fullscreen: boolean;
  /** Sound in the active tab of the focused window. */
  audible: boolean;
  /** state.deferredSince: when sound first held this reminder back; with `now`, lets that run out. */
  deferredSince?: number | null;
  now?: number;
}

/** Why to hold a due reminder back right now, or null to show it. Fullscreen wins over audible. */
export function shouldDeferReminder(moment: ReminderMoment): DeferReason | null {
  if (moment.fullscreen) return 'fullscreen';
  if (!moment.audible) return null;
  const { deferredSince, now } = moment;
  if (deferredSince != null && now !== undefined && now - deferredSince >= MAX_DEFER_MS) return null;
  return 'audible';
}

/**
 * When to look again at a held-back reminder: the background sets its one reminder alarm here instead of
 * at dueAt (which has passed), so there is still a single alarm to keep track of. Fullscreen is looked at
 * every minute, so the reminder comes within a minute of it ending; sound never past the end of its cap.
 */
export function deferredRetryAt(now: number, deferredSince: number | null = null, reason: DeferReason = 'audible'): number {
  const retry = now + DEFER_RETRY_MS;
  if (reason === 'fullscreen' || deferredSince === null) return retry;
  return Math.max(now, Math.min(retry, deferredSince + MAX_DEFER_MS));
}

export type HoldBack = { reason: null } | { reason: DeferReason; state: ReminderState; retryAt: number };

/**
 * The decision for a due reminder at `now`: show it, or hold it back, with the state to store and when to
 * look again. Only sound starts the cap's clock (deferredSince), so an afternoon in fullscreen followed
 * by a call still gives the call its own 20 minutes.
 */
export function holdBack(state: ReminderState, moment: Pick<ReminderMoment, 'fullscreen' | 'audible'>, now: number): HoldBack {
  const reason = shouldDeferReminder({ ...moment, deferredSince: state.deferredSince, now });
  if (reason === null) return { reason };
  const next = reason === 'audible' ? deferReminder(state, now) : state;
  return { reason, state: next, retryAt: deferredRetryAt(now, next.deferredSince, reason) };
}

import { ext } from './ext-lite';
import type { SessionEvent, SessionState } from './session/types';
import type { BreakChoice } from './choice';

/**
 * The typed protocol between the popup, overlay, timer window and background.
 * UI pages never write the session themselves: they ask the background, which owns it.
 */
export type UserSessionEvent = Exclude<SessionEvent, { type: 'start' } | { type: 'holdStart' } | { type: 'holdRestart' }>
  | { type: 'holdStart' }
  | { type: 'holdRestart' };

export type Request =
  /**
   * Start a break and show its timer on the active tab (or in a window). Without a choice, the last
   * one the user made is used (keyboard shortcut, reminder).
   */
  | { type: 'start'; choice?: BreakChoice }
  /** Apply a user's action (pause, knot, skip...) to the running break. */
  | { type: 'session'; event: UserSessionEvent }
  /** Remember the popup's moment, tool and length as the next default. */
  | { type: 'saveChoice'; choice: BreakChoice }
  /** Show the timer again on the active tab, or in a window where the page cannot be scripted. */
  | { type: 'showTimer' }
  /** Show the timer in its own window (the popup's offer where the timer could not follow the break). */
  | { type: 'showWindow' }
  /**
   * From a page in the break's tab: 'hide' when the timer's page is being left (the overlay's pagehide),
   * 'ready' when a new page has loaded (the script registered while a break runs with access to every
   * site). The background puts the timer back on the tab's new page.
   */
  | { type: 'timerPage'; event: 'hide' | 'ready' }
  /** From the page overlay: inject its rarely shown parts (overlay-parts.js: done screen, pill) into its page. */
  | { type: 'overlayPart' }
  /** Snooze or pause the desk-break reminders, or resume them. */
  | { type: 'reminders'; action: 'snooze'; minutes: number }
  | { type: 'reminders'; action: 'pause'; until: 'hour' | 'tomorrow' | 'resume' }
  /** From a pre-workout break's done screen: offer the post-workout roll in this many minutes. */
  | { type: 'postWorkout'; minutes: number }
  /** E2E builds only: act as if a notification (or one of its buttons) was clicked. */
  | { type: 'e2e:notification'; id: string; button?: number }
  /** E2E builds only: act as if a keyboard shortcut (manifest command) was pressed. */
  | { type: 'e2e:command'; command: string };

export interface Response {
  state?: SessionState;
  /** Where the timer is shown after start/showTimer. */
  timer?: 'page' | 'window';
}

export function send(request: Request): Promise<Response> {
  return ext.runtime.sendMessage(request) as Promise<Response>;
}

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (
    type === 'start' ||
    type === 'session' ||
    type === 'showTimer' ||
    type === 'showWindow' ||
    type === 'timerPage' ||
    type === 'overlayPart' ||
    type === 'saveChoice' ||
    type === 'reminders' ||
    type === 'postWorkout' ||
    type === 'e2e:notification' ||
    type === 'e2e:command'
  );
}

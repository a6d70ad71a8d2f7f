import { browser } from 'wxt/browser';
import type { Request, Response } from '../messages';
import type { SessionEvent } from '../session/types';
import { MOMENTS } from '../routines/moments';
import { sessionItem, settingsItem } from '../storage-items';
import { startBreak } from './start-break';
import { rememberChoice } from './plan-for';
import { pauseReminders } from './reminders';
import { onNotificationButton, onNotificationClicked, schedulePostWorkout, snoozeReminder } from './reminder-actions';
import { dispatch } from './session-service';
import { showTimer } from './show-timer';
import { openTimerWindow } from './timer-window';
import { onTimerPage, timerShownIn } from './follow-timer';
import { onCommand } from './commands';

/** Who sent a request: a content script's tab, or nothing for extension pages. */
export interface RequestSender {
  tab?: { id?: number };
  frameId?: number;
  /** Chrome's id of the sending document. */
  documentId?: string;
}

/** Answers one request from the popup, overlay or timer window. */
export async function handleRequest(request: Request, sender: RequestSender = {}): Promise<Response> {
  switch (request.type) {
    case 'start':
      return startBreak(request.choice, 'active-tab');
    case 'saveChoice':
      await rememberChoice(request.choice);
      return {};
    case 'reminders':
      if (request.action === 'snooze') await snoozeReminder('desk', request.minutes);
      else await pauseReminders(request.until);
      return {};
    case 'postWorkout':
      await schedulePostWorkout(request.minutes);
      return {};
    case 'e2e:notification':
      // Compiled out of production builds: tests reach the same handlers a click reaches.
      if (!import.meta.env.ROLLBREAK_E2E) return {};
      if (request.button === undefined) await onNotificationClicked(request.id);
      else await onNotificationButton(request.id, request.button);
      return {};
    case 'e2e:command':
      if (import.meta.env.ROLLBREAK_E2E) await onCommand(request.command);
      return {};
    case 'showWindow':
      await timerShownIn(null);
      await openTimerWindow();
      return { timer: 'window' };
    case 'overlayPart': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/overlay-parts.js'] });
      }
      return {};
    }
    case 'timerPage':
      await onTimerPage(sender.tab?.id, request.event, sender.documentId);
      return {};
    case 'showTimer': {
      const state = await dispatch({ type: 'tick' });
      return { state, timer: await showTimer() };
    }
    case 'session': {
      const { event } = request;
      let full: SessionEvent;
      if (event.type === 'holdStart' || event.type === 'holdRestart') {
        const [{ holdSeconds }, session] = await Promise.all([settingsItem.getValue(), sessionItem.getValue()]);
        // A pre-workout break keeps holds short; the user's setting applies within the moment's limit.
        const limit = session.status === 'idle' ? holdSeconds : MOMENTS[session.plan.moment].maxHoldSeconds;
        full = { type: event.type, seconds: Math.min(holdSeconds, limit) };
      } else {
        full = event;
      }
      return { state: await dispatch(full) };
    }
  }
}

import { browser } from 'wxt/browser';
import type { Answer, Request, SenderInfo, SenderKind } from '../messaging/protocol';
import { registerHandlers } from '../messaging/register';
import { sessionItem } from '../storage/items';
import { startBreak } from './start-break';
import { pauseReminders } from './reminders';
import { onNotificationButton, onNotificationClicked, schedulePostWorkout, snoozeReminder } from './reminder-actions';
import { dispatch } from './session-service';
import { showTimer } from './show-timer';
import { openTimerWindow } from './timer-window';
import { onTimerPage, timerShownIn } from './follow-timer';
import { onCommand } from './commands';
import { applyUserEvent } from './user-event';
import { patchSettings } from './settings-service';
import { syncChoice } from './sync-choice';
import { deleteAll, deleteLogged, importLog, resumeDeleteAll, syncNow, syncStatus, undoDelete, unsync } from './log-requests';
import { countWake } from './e2e';

/** The after-training reminder; from the timer over a page, only as the done screen of a pre-workout break offers it. */
async function postWorkout({ minutes }: Request<'postWorkout'>, from: SenderKind): Promise<Answer<'postWorkout'>> {
  if (from === 'timer') {
    const session = await sessionItem.getValue();
    if (session.status !== 'finished' || session.plan.moment !== 'pre') throw new Error('Rollbreak: no pre-workout break has just finished.');
  }
  await schedulePostWorkout(minutes);
  return {};
}

/** The timer's rarely shown parts (done screen, pill), injected into the frame that asks for them. */
async function overlayPart(_request: Request<'overlayPart'>, _from: SenderKind, sender: SenderInfo): Promise<Answer<'overlayPart'>> {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/overlay-parts.js'] });
  }
  return {};
}

/** E2E builds only: tests reach the same handlers a click on a notification or a shortcut reaches. */
const e2eHandlers = () => ({
  'e2e:notification': async ({ id, button }: Request<'e2e:notification'>) => {
    if (button === undefined) await onNotificationClicked(id);
    else await onNotificationButton(id, button);
    return {};
  },
  'e2e:command': async ({ command }: Request<'e2e:command'>) => {
    await onCommand(command);
    return {};
  },
});

/**
 * Every request the background answers, in one map (the protocol and who may send what: lib/messaging).
 * Registered once, synchronously, at start-up.
 */
export function registerRequests(): void {
  registerHandlers(
    {
      start: ({ choice }) => startBreak(choice, 'active-tab'),
      session: applyUserEvent,
      showTimer: async () => {
        const state = await dispatch({ type: 'tick' });
        return { state, timer: await showTimer() };
      },
      showWindow: async () => {
        await timerShownIn(null);
        await openTimerWindow();
        return { timer: 'window' };
      },
      timerPage: async ({ event }, _from, sender) => {
        await onTimerPage(sender.tab?.id, event, sender.documentId);
        return {};
      },
      overlayPart,
      'settings:patch': async ({ patch, firstRun }) => ({ settings: await patchSettings(patch, { firstRun }) }),
      reminders: async (request) => {
        if (request.action === 'snooze') await snoozeReminder('desk', request.minutes);
        else await pauseReminders(request.until);
        return {};
      },
      postWorkout,
      'log:delete': deleteLogged,
      'log:undo': undoDelete,
      'log:import': importLog,
      'sync:now': syncNow,
      'sync:status': syncStatus,
      'data:sync': ({ on }) => syncChoice(on),
      'data:unsync': unsync,
      'data:deleteAll': deleteAll,
      ...(import.meta.env.ROLLBREAK_E2E ? e2eHandlers() : {}),
    },
    {
      owner: true,
      // E2E builds count what wakes the background, for the bench's wake-ups per page load.
      onRequest: import.meta.env.ROLLBREAK_E2E ? (type) => void countWake(`message:${type}`) : undefined,
    },
  );
  // A "Delete all my data" the last worker did not finish is finished now, before anything else reads the log.
  resumeDeleteAll();
}

import type { Answer, Request, SenderKind } from '../messaging/protocol';
import { registerHandlers } from '../messaging/register';
import type { SessionEvent } from '../session/types';
import { MOMENTS } from '../routines/moments';
import { sessionItem } from '../storage-items';
import { startBreak } from './start-break';
import { pauseReminders } from './reminders';
import { onNotificationButton, onNotificationClicked, schedulePostWorkout, snoozeReminder } from './reminder-actions';
import { dispatch } from './session-service';
import { showTimer } from './show-timer';
import { getSettings, patchSettings } from './settings-service';
import { syncChoice } from './sync-choice';
import { deleteAll, deleteLogged, importLog, syncNow, syncStatus, undoDelete, unsync } from './log-requests';

/** A person's press on the timer, with the hold length filled in from settings and the moment's limit. */
async function sessionEvent({ event }: Request<'session'>): Promise<Answer<'session'>> {
  let full: SessionEvent;
  if (event.type === 'holdStart' || event.type === 'holdRestart') {
    const [{ holdSeconds }, session] = await Promise.all([getSettings(), sessionItem.getValue()]);
    // A pre-workout break keeps holds short; the user's setting applies within the moment's limit.
    const limit = session.status === 'idle' ? holdSeconds : MOMENTS[session.plan.moment].maxHoldSeconds;
    full = { type: event.type, seconds: Math.min(holdSeconds, limit) };
  } else {
    full = event;
  }
  return { state: await dispatch(full) };
}

/** The after-training reminder; from the timer over a page, only as the done screen of a pre-workout break offers it. */
async function postWorkout({ minutes }: Request<'postWorkout'>, from: SenderKind): Promise<Answer<'postWorkout'>> {
  if (from === 'timer') {
    const session = await sessionItem.getValue();
    if (session.status !== 'finished' || session.plan.moment !== 'pre') throw new Error('Rollbreak: no pre-workout break has just finished.');
  }
  await schedulePostWorkout(minutes);
  return {};
}

/**
 * Every request the background answers, in one map (the protocol and who may send what: lib/messaging).
 * Registered once, synchronously, at start-up.
 */
export function registerRequests(): void {
  registerHandlers(
    {
      start: ({ choice }) => startBreak(choice, 'active-tab'),
      session: sessionEvent,
      showTimer: async () => {
        const state = await dispatch({ type: 'tick' });
        return { state, timer: await showTimer() };
      },
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
      // Compiled out of production builds: tests reach the same handlers a click on a notification reaches.
      ...(import.meta.env.ROLLBREAK_E2E
        ? {
            'e2e:notification': async ({ id, button }: Request<'e2e:notification'>) => {
              if (button === undefined) await onNotificationClicked(id);
              else await onNotificationButton(id, button);
              return {};
            },
          }
        : {}),
    },
    { owner: true },
  );
}

import type { Answer, Request, SenderKind } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/register';
import { sessionItem } from '../../storage/items';
import { handleRequests } from '../requests';
import { followSession } from '../session-service';
import { onBreakTaken, pauseReminders, registerReminders } from './reminders';
import {
  onNotificationButton,
  onNotificationClicked,
  registerNotifications,
  registerPostWorkout,
  schedulePostWorkout,
  snoozeReminder,
} from './reminder-actions';
import { registerReminderSeed } from './e2e-seed';

/** The after-training reminder; from the timer over a page, only as the done screen of a pre-workout break offers it. */
async function postWorkout({ minutes }: Request<'postWorkout'>, from: SenderKind): Promise<Answer<'postWorkout'>> {
  if (from === 'timer') {
    const session = await sessionItem.getValue();
    if (session.status !== 'finished' || session.plan.moment !== 'pre')
      throw new Error('Rollbreak: no pre-workout break has just finished.');
  }
  await schedulePostWorkout(minutes);
  return {};
}

/** Snooze or pause the desk-break reminder (popup, Settings), and the after-training reminder. */
export const reminderRequests: Handlers = {
  reminders: async (request) => {
    if (request.action === 'snooze') await snoozeReminder('desk', request.minutes);
    else await pauseReminders(request.until);
    return {};
  },
  postWorkout,
};

/** E2E builds only: a test reaches the same handlers a click on a notification reaches. */
export const e2eReminderRequests: Handlers = {
  'e2e:notification': async ({ id, button }: Request<'e2e:notification'>) => {
    if (button === undefined) await onNotificationClicked(id);
    else await onNotificationButton(id, button);
    return {};
  },
};

/**
 * Reminders: the desk-break reminder, the after-training reminder, clicks on their notifications, and their
 * requests. A break taken, by hand or from a reminder, restarts the reminder's count.
 */
export function registerRemindersFeature(): void {
  followSession('restarting the reminder count', (_before, _after, event, at) =>
    event.type === 'start' ? onBreakTaken(at) : Promise.resolve(),
  );
  registerReminders();
  registerPostWorkout();
  registerNotifications();
  handleRequests(reminderRequests);
  if (import.meta.env.ROLLBREAK_E2E) {
    registerReminderSeed();
    handleRequests(e2eReminderRequests);
  }
}

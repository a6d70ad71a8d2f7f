import type { Answer, Request, SenderKind } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/register';
import { sessionItem } from '../../storage/items';
import { handleRequests } from '../requests';
import { pauseReminders, registerReminders } from './reminders';
import { registerNotifications, registerPostWorkout, schedulePostWorkout, snoozeReminder } from './reminder-actions';

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

/** Reminders: the desk-break reminder, the after-training reminder, clicks on their notifications, and their requests. */
export function registerRemindersFeature(): void {
  registerReminders();
  registerPostWorkout();
  registerNotifications();
  handleRequests(reminderRequests);
}

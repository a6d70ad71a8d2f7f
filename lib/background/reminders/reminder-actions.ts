import { browser } from 'wxt/browser';
import { postWorkoutAtItem } from '../../storage/items';
import { getSettings } from '../settings-service';
import { logFailure } from '../log-failure';
import { clearReminderNotification, kindOf, showReminderNotification, type ReminderKind } from './notifications';
import { reminderChoice } from '../plan-for';
import { snoozeReminders } from './reminders';
import { startBreak } from '../start-break';
import { ALL_PAGES } from '../../domain/lists';

export const POST_WORKOUT_ALARM = 'post-workout';

/** Start, from a reminder: on the page the user is on if they opted in, otherwise in the timer window. */
async function startFromReminder(kind: ReminderKind): Promise<void> {
  await clearReminderNotification(kind);
  const onPage = await browser.permissions.contains(ALL_PAGES);
  await startBreak(await reminderChoice(kind), onPage ? 'active-tab' : 'window', false);
}

export async function snoozeReminder(kind: ReminderKind, minutes?: number): Promise<void> {
  minutes ??= (await getSettings()).reminders.snoozeMinutes;
  await clearReminderNotification(kind);
  if (kind === 'desk') await snoozeReminders(minutes);
  else await schedulePostWorkout(minutes);
}

/** A notification's body was clicked (the only action Firefox offers): start. */
export async function onNotificationClicked(id: string): Promise<void> {
  const kind = kindOf(id);
  if (kind) await startFromReminder(kind);
}

/** Chrome's notification buttons: 0 is Start, 1 is Snooze. */
export async function onNotificationButton(id: string, index: number): Promise<void> {
  const kind = kindOf(id);
  if (!kind) return;
  if (index === 0) await startFromReminder(kind);
  else await snoozeReminder(kind);
}

/** "Remind me to roll after training": one alarm, kept in storage so the popup can show it. */
export async function schedulePostWorkout(minutes: number): Promise<void> {
  const when = Date.now() + minutes * 60_000;
  await postWorkoutAtItem.setValue(when);
  await browser.alarms.create(POST_WORKOUT_ALARM, { when });
}

export async function onPostWorkoutAlarm(): Promise<void> {
  await postWorkoutAtItem.setValue(null);
  await showReminderNotification('post');
}

/** The after-training reminder's alarm. */
export function registerPostWorkout(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POST_WORKOUT_ALARM) onPostWorkoutAlarm().catch(logFailure('after-training reminder'));
  });
}

/** Clicks on a reminder: its body (Start, the only action Firefox offers) and Chrome's Start/Snooze buttons. */
export function registerNotifications(): void {
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id).catch(logFailure('reminder click')));
  browser.notifications.onButtonClicked?.addListener(
    (id, index) => void onNotificationButton(id, index).catch(logFailure('reminder button')),
  );
}

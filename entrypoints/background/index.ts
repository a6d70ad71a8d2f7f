import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isRequest } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage-items';
import { handleRequest } from '../../lib/background/handle-request';
import { dispatch } from '../../lib/background/session-service';
import { registerSync } from '../../lib/background/sync-service';
import { SESSION_ALARM } from '../../lib/background/alarm';
import { REMINDER_ALARM, onIdleState, onReminderAlarm, onReminderSettingsChanged, updateReminders, watchIdle } from '../../lib/background/reminders';
import { POST_WORKOUT_ALARM, onNotificationButton, onNotificationClicked, onPostWorkoutAlarm } from '../../lib/background/reminder-actions';
import { onCommand } from '../../lib/background/commands';
import { countWake, openE2ePage } from './e2e';

export default defineBackground(() => {
  registerSync();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRequest(message)) return undefined;
    if (import.meta.env.ROLLBREAK_E2E) void countWake(`message:${message.type}`);
    return handleRequest(message, sender);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (import.meta.env.ROLLBREAK_E2E) void countWake(`alarm:${alarm.name}`);
    if (alarm.name === SESSION_ALARM) void dispatch({ type: 'tick' });
    else if (alarm.name === REMINDER_ALARM) void onReminderAlarm(alarm.scheduledTime);
    else if (alarm.name === POST_WORKOUT_ALARM) void onPostWorkoutAlarm();
  });

  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  browser.notifications.onButtonClicked?.addListener((id, index) => void onNotificationButton(id, index));

  browser.commands.onCommand.addListener((command) => void onCommand(command));

  watchIdle((state) => void onIdleState(state));

  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes.settings;
    if (area !== 'sync' || !change) return;
    // Until the user first saves a setting, the stored value is absent and the defaults were in force.
    const before = (change.oldValue as Settings | undefined)?.reminders ?? DEFAULT_SETTINGS.reminders;
    const after = (change.newValue as Settings | undefined)?.reminders ?? DEFAULT_SETTINGS.reminders;
    if (JSON.stringify(before) !== JSON.stringify(after)) void onReminderSettingsChanged(before, after);
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Chromium tests open pages themselves through the worker; Firefox's driver cannot.
    if (import.meta.env.ROLLBREAK_E2E) {
      if (import.meta.env.FIREFOX) void openE2ePage();
    } else if (reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    }
  });

  // Every wake (start-up, install, alarm, message) rebuilds from storage: catch the session up to now,
  // recreate its alarm and badge (a browser restart clears them), and the reminder's one alarm.
  void dispatch({ type: 'tick' });
  void updateReminders();
  if (import.meta.env.ROLLBREAK_E2E) void countWake('start');
});

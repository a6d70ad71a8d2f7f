import { browser } from 'wxt/browser';
import type { ReminderSettings, ReminderState } from '../../reminders/types';
import { IDLE_DETECTION_SECONDS } from '../../reminders/types';
import { nextReminder } from '../../reminders/schedule';
import {
  compact,
  initialReminderState,
  normalizeReminderState,
  pauseFor,
  pauseUntilTomorrow,
  recordActivity,
  recordBreak,
  recordWake,
  reminderShown,
  resumeReminders,
  settingsChanged,
  sleptFromLateAlarm,
  snooze,
} from '../../reminders/state';
import { holdBack } from '../../reminders/defer';
import { DEFAULT_SETTINGS, firstRunPatchItem, reminderDeferItem, reminderStateItem } from '../../storage/items';
import { migratingSettingsItem } from '../../storage/background-items';
import { SETTINGS_KEY } from '../../storage/keys';
import { applySettingsPatch } from '../../settings/patch';
import { getSettings } from '../settings-service';
import { logFailure } from '../log-failure';
import { serial } from '../serial';
import { showReminderNotification } from './notifications';
import { type Settings } from '../../settings/settings';

export const REMINDER_ALARM = 'reminder';

const queue = serial('reminders');
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

async function load(now: number): Promise<ReminderState> {
  const raw = await reminderStateItem.getValue();
  return raw ? normalizeReminderState(raw, now) : initialReminderState(now);
}

/**
 * What the person is doing: a fullscreen window (a call, a film), and whether the tab they are looking at
 * (the active tab of the focused window) plays sound. Music in another tab or window is not a bad moment.
 */
async function moment() {
  const [windows, audible] = await Promise.all([
    browser.windows.getAll(),
    browser.tabs.query({ audible: true, active: true, lastFocusedWindow: true }),
  ]);
  return { fullscreen: windows.some((w) => w.state === 'fullscreen'), audible: audible.length > 0 };
}

/**
 * Applies a change to the reminder state (or none), then decides: show the reminder now, hold it back for
 * a bad moment, or set the one alarm for when it will be due. Runs on every wake that concerns reminders.
 */
export function updateReminders(
  change?: (state: ReminderState, settings: ReminderSettings, now: number) => ReminderState,
): Promise<void> {
  return queue(async () => {
    const now = Date.now();
    const { reminders: settings } = await getSettings();
    let state = await load(now);
    if (change) state = change(state, settings, now);
    let next = nextReminder(settings, state, now, timeZone());
    let defer = null;
    if (next.reason === 'due') {
      const decision = holdBack(state, await moment(), now);
      defer = decision.reason;
      if (decision.reason) {
        state = decision.state;
        await browser.alarms.create(REMINDER_ALARM, { when: decision.retryAt });
      } else {
        await showReminderNotification('desk');
        state = reminderShown(state, now);
        next = nextReminder(settings, state, now, timeZone());
      }
    }
    if (!defer) {
      if (next.dueAt === null) await browser.alarms.clear(REMINDER_ALARM);
      else await browser.alarms.create(REMINDER_ALARM, { when: Math.max(next.dueAt, now + 1000) });
    }
    await Promise.all([reminderStateItem.setValue(compact(state, now, settings)), reminderDeferItem.setValue(defer)]);
  });
}

/** The reminder alarm fired; a late alarm means the machine slept, which may count as a natural break. */
export function onReminderAlarm(scheduledTime: number): Promise<void> {
  return updateReminders((state, settings, now) => {
    const sleptFrom = sleptFromLateAlarm(scheduledTime, now);
    return sleptFrom === null ? state : recordWake(state, now, sleptFrom, settings);
  });
}

export function onIdleState(state: 'active' | 'idle' | 'locked'): Promise<void> {
  return updateReminders((s, settings, now) => recordActivity(s, { at: now, state }, settings));
}

export function onBreakTaken(at: number): Promise<void> {
  return updateReminders((state) => recordBreak(state, at));
}

export function onReminderSettingsChanged(before: ReminderSettings, after: ReminderSettings): Promise<void> {
  return updateReminders((state, _settings, now) => settingsChanged(state, before, after, now, timeZone()));
}

export function snoozeReminders(minutes: number): Promise<void> {
  return updateReminders((state, _settings, now) => snooze(state, minutes, now));
}

export function pauseReminders(until: 'hour' | 'tomorrow' | 'resume'): Promise<void> {
  return updateReminders((state, settings, now) =>
    until === 'resume'
      ? resumeReminders(state, now)
      : until === 'hour'
        ? pauseFor(state, now + 60 * 60_000, now)
        : pauseUntilTomorrow(state, now, settings, timeZone()),
  );
}

const remindersOf = (settings: unknown): ReminderSettings =>
  (settings as Settings | undefined)?.reminders ?? DEFAULT_SETTINGS.reminders;

/** Settings changed, on this device or from another: the scheduler re-plans if the reminder part changed. */
function onSettingsChange(before: ReminderSettings, after: ReminderSettings): void {
  if (JSON.stringify(before) !== JSON.stringify(after))
    onReminderSettingsChanged(before, after).catch(logFailure('reminder settings'));
}

/**
 * The desk-break reminder: its one alarm, idle detection (idle and locked time don't count), settings
 * changes from any device, and a re-plan on every start of the background.
 */
export function registerReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) onReminderAlarm(alarm.scheduledTime).catch(logFailure('reminder alarm'));
  });
  browser.idle.setDetectionInterval(IDLE_DETECTION_SECONDS);
  browser.idle.onStateChanged.addListener((state) => void onIdleState(state).catch(logFailure('idle state')));
  browser.storage.onChanged.addListener((changes, area) => {
    // Until the first setting is saved the stored value is absent and the defaults were in force.
    const synced = changes[SETTINGS_KEY];
    if (area === 'sync' && synced) onSettingsChange(remindersOf(synced.oldValue), remindersOf(synced.newValue));
  });
  // A welcome-page answer kept aside until synced settings arrive (see ../settings-service.ts) applies too.
  firstRunPatchItem.watch((patch, before) => {
    migratingSettingsItem.getValue().then((stored) => {
      const apply = (p: unknown) => (p ? applySettingsPatch(stored, p) : stored).reminders;
      onSettingsChange(apply(before), apply(patch));
    }, logFailure('reminder settings'));
  });
  updateReminders().catch(logFailure('reminder start-up'));
}

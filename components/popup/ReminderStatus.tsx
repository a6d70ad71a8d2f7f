import { useEffect, useState } from 'preact/hooks';
import type { ReminderState } from '../../lib/reminders/types';
import type { DeferReason } from '../../lib/reminders/defer';
import type { Settings } from '../../lib/settings/settings';
import { normalizeSettings } from '../../lib/settings/normalize';
import { localValue } from '../../lib/storage/local-value';
import { nextReminder } from '../../lib/reminders/schedule';
import { normalizeReminderState, pausedUntil } from '../../lib/reminders/state';
import { normalizeReminderSettings } from '../../lib/reminders/settings';
import { ext } from '../../lib/browser/ext-lite';
import { POST_WORKOUT_AT_KEY, REMINDER_DEFER_KEY, REMINDER_STATE_KEY, SETTINGS_KEY } from '../../lib/storage/keys';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import type { Request } from '../../lib/messaging/protocol';
import { formatNumber, t, uiLanguage } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';

interface Stored {
  settings: Settings['reminders'];
  state: ReminderState | null;
  defer: DeferReason | null;
  postWorkoutAt: number | null;
}

// The popup reads these without WXT's storage module (first-paint size); the items are declared in storage/items.ts.
const settingsValue = localValue<unknown>(SETTINGS_KEY, null, 'sync');
const stateValue = localValue<ReminderState | null>(REMINDER_STATE_KEY, null);
const deferValue = localValue<DeferReason | null>(REMINDER_DEFER_KEY, null);
const postWorkoutValue = localValue<number | null>(POST_WORKOUT_AT_KEY, null);

async function read(): Promise<Stored> {
  const [settings, state, defer, postWorkoutAt] = await Promise.all([
    settingsValue.get(),
    stateValue.get(),
    deferValue.get(),
    postWorkoutValue.get(),
  ]);
  return { settings: normalizeSettings(settings).reminders, state, defer, postWorkoutAt };
}

function clock(at: number): string {
  const sameDay = new Date(at).toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(
    uiLanguage(),
    sameDay ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', hour: '2-digit', minute: '2-digit' },
  ).format(at);
}

/**
 * When the next desk-break reminder comes and why, worked out here from the stored record with the same
 * pure scheduler the background uses, so the figure is current when the popup opens. Loaded after the
 * popup's first paint.
 */
export function ReminderStatus() {
  const [stored, setStored] = useState<Stored | null>(null);
  const [, rerender] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void read().then(setStored);
    load();
    const onChanged = () => load();
    ext.storage.onChanged.addListener(onChanged);
    return () => ext.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!stored) return null;

  const now = Date.now();
  const settings = normalizeReminderSettings(stored.settings);
  const state = stored.state ? normalizeReminderState(stored.state, now) : null;
  const next = state ? nextReminder(settings, state, now, Intl.DateTimeFormat().resolvedOptions().timeZone) : null;
  const { snoozeMinutes } = stored.settings;
  let line: string;
  if (!settings.enabled || !next || next.reason === 'off') line = t('reminderOff');
  else if (stored.defer) line = t(stored.defer === 'fullscreen' ? 'reminderWaitingFullscreen' : 'reminderWaitingAudible');
  else if (next.reason === 'paused') line = t('reminderPaused', clock(pausedUntil(state!, now) ?? next.dueAt ?? now));
  else if (next.reason === 'snoozed' && next.dueAt) line = t('reminderSnoozed', clock(next.dueAt));
  else if (next.reason === 'outside-hours' && next.dueAt) line = t('reminderOutside', clock(next.dueAt));
  else if (next.reason === 'due') line = t('reminderDue');
  else {
    const minutes = Math.max(1, Math.ceil(next.minutesLeft ?? 0));
    line = tp('reminderCounting', minutes, formatNumber(minutes));
  }
  // A reminder shown in the last few minutes can be snoozed from here (Firefox's notifications have no buttons).
  const recent =
    state?.lastReminderAt !== null && state?.lastReminderAt !== undefined && now - state.lastReminderAt < 15 * 60_000;

  const act = async (request: Request<'reminders'>) => {
    setError(null);
    try {
      await send(request);
    } catch (err) {
      setError(failedText('actionFailed', err));
    }
    rerender((n) => n + 1);
  };
  return (
    <section class="rb-reminder" aria-label={t('sectionReminders')}>
      <p class="rb-cue" role="status">
        {line}
      </p>
      {error ? (
        <p class="rb-error" role="alert">
          {error}
        </p>
      ) : null}
      {stored.postWorkoutAt && stored.postWorkoutAt > now ? (
        <p class="rb-cue">{t('postWorkoutPending', clock(stored.postWorkoutAt))}</p>
      ) : null}
      {settings.enabled && next && next.reason !== 'off' && next.reason !== 'paused' ? (
        <div class="rb-row">
          {recent || next.reason === 'due' || stored.defer ? (
            <button type="button" onClick={() => void act({ type: 'reminders', action: 'snooze', minutes: snoozeMinutes })}>
              {tp('snoozeFor', snoozeMinutes, formatNumber(snoozeMinutes))}
            </button>
          ) : null}
          <button type="button" onClick={() => void act({ type: 'reminders', action: 'pause', until: 'hour' })}>
            {t('pauseRemindersHour')}
          </button>
          <button type="button" onClick={() => void act({ type: 'reminders', action: 'pause', until: 'tomorrow' })}>
            {t('pauseRemindersTomorrow')}
          </button>
        </div>
      ) : null}
      {next?.reason === 'paused' ? (
        <div class="rb-row">
          <button type="button" onClick={() => void act({ type: 'reminders', action: 'pause', until: 'resume' })}>
            {t('resumeReminders')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

export type ReminderStatusComponent = typeof ReminderStatus;

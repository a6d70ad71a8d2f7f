import { useEffect, useState } from 'preact/hooks';
import type { ReminderSettings, ReminderState } from '../lib/reminders/types';
import type { DeferReason } from '../lib/reminders/defer';
import { DEFAULT_REMINDER_SETTINGS } from '../lib/reminders/types';
import { nextReminder } from '../lib/reminders/schedule';
import { normalizeReminderState, pausedUntil } from '../lib/reminders/state';
import { normalizeReminderSettings } from '../lib/reminders/settings';
import { ext } from '../lib/ext-lite';
import { POST_WORKOUT_AT_KEY, REMINDER_DEFER_KEY, REMINDER_STATE_KEY } from '../lib/storage-keys';
import { send } from '../lib/messages';
import { t } from '../lib/i18n';

interface Stored {
  settings: ReminderSettings & { snoozeMinutes?: number };
  state: ReminderState | null;
  defer: DeferReason | null;
  postWorkoutAt: number | null;
}

async function read(): Promise<Stored> {
  const [{ settings }, local] = await Promise.all([
    ext.storage.sync.get('settings'),
    ext.storage.local.get([REMINDER_STATE_KEY, REMINDER_DEFER_KEY, POST_WORKOUT_AT_KEY]),
  ]);
  const reminders = (settings as { reminders?: ReminderSettings } | undefined)?.reminders;
  return {
    settings: reminders ?? DEFAULT_REMINDER_SETTINGS,
    state: (local[REMINDER_STATE_KEY] as ReminderState | undefined) ?? null,
    defer: (local[REMINDER_DEFER_KEY] as DeferReason | undefined) ?? null,
    postWorkoutAt: (local[POST_WORKOUT_AT_KEY] as number | undefined) ?? null,
  };
}

function clock(at: number): string {
  const sameDay = new Date(at).toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(undefined, sameDay ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/**
 * When the next desk-break reminder comes and why, worked out here from the stored record with the same
 * pure scheduler the background uses, so the figure is current when the popup opens. Loaded after the
 * popup's first paint.
 */
export function ReminderStatus() {
  const [stored, setStored] = useState<Stored | null>(null);
  const [, rerender] = useState(0);
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
  const snoozeMinutes = stored.settings.snoozeMinutes ?? 10;
  let line: string;
  if (!settings.enabled || !next || next.reason === 'off') line = t('reminderOff');
  else if (stored.defer) line = t(stored.defer === 'fullscreen' ? 'reminderWaitingFullscreen' : 'reminderWaitingAudible');
  else if (next.reason === 'paused') line = t('reminderPaused', clock(pausedUntil(state!, now) ?? next.dueAt ?? now));
  else if (next.reason === 'snoozed' && next.dueAt) line = t('reminderSnoozed', clock(next.dueAt));
  else if (next.reason === 'outside-hours' && next.dueAt) line = t('reminderOutside', clock(next.dueAt));
  else if (next.reason === 'due') line = t('reminderDue');
  else line = t('reminderCounting', String(Math.max(1, Math.ceil(next.minutesLeft ?? 0))));
  // A reminder shown in the last few minutes can be snoozed from here (Firefox's notifications have no buttons).
  const recent = state?.lastReminderAt !== null && state?.lastReminderAt !== undefined && now - state.lastReminderAt < 15 * 60_000;

  const act = async (request: Parameters<typeof send>[0]) => {
    await send(request);
    rerender((n) => n + 1);
  };
  return (
    <section class="rb-reminder" aria-label={t('sectionReminders')}>
      <p class="rb-cue" role="status">{line}</p>
      {stored.postWorkoutAt && stored.postWorkoutAt > now ? <p class="rb-cue">{t('postWorkoutPending', clock(stored.postWorkoutAt))}</p> : null}
      {settings.enabled && next && next.reason !== 'off' && next.reason !== 'paused' ? (
        <div class="rb-row">
          {recent || next.reason === 'due' || stored.defer ? (
            <button type="button" onClick={() => void act({ type: 'reminders', action: 'snooze', minutes: snoozeMinutes })}>
              {t('snoozeFor', String(snoozeMinutes))}
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

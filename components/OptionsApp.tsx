import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '../lib/storage-items';
import { settingsItem } from '../lib/storage-items';
import { HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from '../lib/session/types';
import { INTERVAL_MAX_MINUTES, INTERVAL_MIN_MINUTES } from '../lib/reminders/types';
import { send } from '../lib/messages';
import type { MessageKey } from '../lib/i18n';
import { t } from '../lib/i18n';
import { Shortcuts } from './Shortcuts';

const HOLD_CHOICES = Array.from({ length: (HOLD_MAX_SECONDS - HOLD_MIN_SECONDS) / 5 + 1 }, (_, i) => HOLD_MIN_SECONDS + i * 5);
const INTERVALS = [20, 30, 45, 60, 75, 90, 120, 150, 180].filter((m) => m >= INTERVAL_MIN_MINUTES && m <= INTERVAL_MAX_MINUTES);
const IDLE_BREAKS = [2, 5, 10, 15, 30];
const SNOOZES = [5, 10, 30];
// Monday first; 0 is Sunday, as the scheduler counts.
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const ALL_PAGES = { origins: ['<all_urls>'] };

function weekdayName(day: number): string {
  // 2026-11-22 was a Sunday; the browser names the day in the user's language.
  return new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2026, 10, 22 + day));
}

/** Settings. Changes apply at once; a running break and the time already counted are never reset. */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<MessageKey | null>(null);
  const [onPage, setOnPage] = useState(false);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    void browser.permissions.contains(ALL_PAGES).then(setOnPage);
  }, []);
  if (!settings) return <main class="rb-root rb-page" aria-busy="true" />;

  const update = async (next: Settings) => {
    setSettings(next);
    await settingsItem.setValue(next);
    setStatus('saved');
  };
  const reminders = (patch: Partial<Settings['reminders']>) => void update({ ...settings, reminders: { ...settings.reminders, ...patch } });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const r = settings.reminders;

  const toggleOnPage = async (want: boolean) => {
    // Must run straight from the click: browsers only show a permission prompt for a user gesture.
    const granted = want ? await browser.permissions.request(ALL_PAGES) : !(await browser.permissions.remove(ALL_PAGES));
    setOnPage(granted);
    setStatus(want && !granted ? 'timerOnPageDenied' : 'saved');
  };
  const pause = async (until: 'hour' | 'tomorrow' | 'resume') => {
    await send({ type: 'reminders', action: 'pause', until });
    setStatus(until === 'resume' ? 'resumedDone' : 'pausedDone');
  };

  return (
    <main class="rb-root rb-page rb-options">
      <h1>{t('settingsTitle')}</h1>

      <h2>{t('sectionReminders')}</h2>
      <label>
        <input type="checkbox" checked={r.enabled} onChange={(e) => reminders({ enabled: (e.currentTarget as HTMLInputElement).checked })} />
        {t('remindersEnabled')}
      </label>
      <fieldset disabled={!r.enabled}>
        <label>
          {t('remindEvery')}
          <select value={String(r.intervalMinutes)} onChange={(e) => reminders({ intervalMinutes: Number(value(e)) })}>
            {INTERVALS.map((m) => (
              <option key={m} value={String(m)}>
                {t('minutesValue', String(m))}
              </option>
            ))}
          </select>
        </label>
        <div class="rb-inline">
          <label>
            {t('activeFrom')}
            <input type="time" value={r.activeHours.start} onChange={(e) => reminders({ activeHours: { ...r.activeHours, start: value(e) } })} />
          </label>
          <label>
            {t('activeTo')}
            <input type="time" value={r.activeHours.end} onChange={(e) => reminders({ activeHours: { ...r.activeHours, end: value(e) } })} />
          </label>
        </div>
        <fieldset class="rb-days">
          <legend>{t('activeDays')}</legend>
          {WEEK.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={r.days.includes(day)}
                onChange={(e) =>
                  reminders({ days: (e.currentTarget as HTMLInputElement).checked ? [...r.days, day].sort() : r.days.filter((d) => d !== day) })
                }
              />
              {weekdayName(day)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('idleBreak')}
          <select value={String(r.idleBreakMinutes)} onChange={(e) => reminders({ idleBreakMinutes: Number(value(e)) })}>
            {IDLE_BREAKS.map((m) => (
              <option key={m} value={String(m)}>
                {t('minutesValue', String(m))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('snoozeLength')}
          <select value={String(r.snoozeMinutes)} onChange={(e) => reminders({ snoozeMinutes: Number(value(e)) })}>
            {SNOOZES.map((m) => (
              <option key={m} value={String(m)}>
                {t('minutesValue', String(m))}
              </option>
            ))}
          </select>
        </label>
        <div class="rb-row rb-row--start">
          <button type="button" onClick={() => void pause('hour')}>{t('pauseHour')}</button>
          <button type="button" onClick={() => void pause('tomorrow')}>{t('pauseTomorrow')}</button>
          <button type="button" onClick={() => void pause('resume')}>{t('resumeReminders')}</button>
        </div>
        <label>
          <input type="checkbox" checked={onPage} onChange={(e) => void toggleOnPage((e.currentTarget as HTMLInputElement).checked)} />
          {t('timerOnPage')}
        </label>
        <p class="rb-cue">{t('timerOnPageHelp')}</p>
      </fieldset>

      <h2>{t('sectionBreak')}</h2>
      <label>
        {t('holdSetting')}
        <select value={String(settings.holdSeconds)} onChange={(e) => void update({ ...settings, holdSeconds: Number(value(e)) })}>
          {HOLD_CHOICES.map((s) => (
            <option key={s} value={String(s)}>
              {t('seconds', String(s))}
            </option>
          ))}
        </select>
      </label>
      <p class="rb-cue">{t('holdSettingHelp')}</p>
      <label>
        <input type="checkbox" checked={settings.sound} onChange={(e) => void update({ ...settings, sound: (e.currentTarget as HTMLInputElement).checked })} />
        {t('soundSetting')}
      </label>

      <h2>{t('shortcutsHeading')}</h2>
      <Shortcuts />

      <h2>{t('sectionSync')}</h2>
      <label>
        <input type="checkbox" checked={settings.syncEnabled} onChange={(e) => void update({ ...settings, syncEnabled: (e.currentTarget as HTMLInputElement).checked })} />
        {t('syncEnabled')}
      </label>

      <p role="status" class="rb-status">{status ? t(status) : ''}</p>
    </main>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { INTERVAL_MAX_MINUTES, INTERVAL_MIN_MINUTES } from '../../lib/reminders/types';
import { ALL_PAGES } from '../../lib/domain/lists';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import type { MessageKey } from '../../lib/i18n';
import { t, uiLanguage } from '../../lib/i18n';
import { firstDayOfWeek, weekDays } from '../../lib/i18n/week';
import { MinutesSelect, valueOf } from './fields';
import type { Settings, SettingsPatch } from '../../lib/settings/settings';

const INTERVALS = [20, 30, 45, 60, 75, 90, 120, 150, 180].filter((m) => m >= INTERVAL_MIN_MINUTES && m <= INTERVAL_MAX_MINUTES);
const IDLE_BREAKS = [2, 5, 10, 15, 30];
const SNOOZES = [5, 10, 30];
function weekdayName(day: number): string {
  // 2026-11-22 was a Sunday; the browser names the day in the user's language.
  return new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long' }).format(new Date(2026, 10, 22 + day));
}

interface Props {
  reminders: Settings['reminders'];
  patch(patch: SettingsPatch): Promise<void>;
  say(status: MessageKey): void;
  /** Shows why a change or an action failed (the page's status line). */
  failed(status: { text: string; error: true }): void;
}

/** Desk-break reminders: on/off, interval, active hours and days, idle break, snooze, pause, timer on page. */
export function RemindersSection({ reminders: r, patch, say, failed }: Props) {
  const [onPage, setOnPage] = useState(false);
  useEffect(() => void browser.permissions.contains(ALL_PAGES).then(setOnPage), []);
  // The days in the order of the user's week (0 is Sunday, as the scheduler counts).
  const week = weekDays(firstDayOfWeek(uiLanguage()));
  const set = (change: Partial<Settings['reminders']>) =>
    void patch({ reminders: change }).then(
      () => say('saved'),
      (err: unknown) => failed({ text: failedText('settingSaveFailed', err), error: true }),
    );

  const toggleOnPage = async (want: boolean) => {
    // Must run straight from the click: browsers only show a permission prompt for a user gesture.
    const granted = want ? await browser.permissions.request(ALL_PAGES) : !(await browser.permissions.remove(ALL_PAGES));
    setOnPage(granted);
    say(want && !granted ? 'timerOnPageDenied' : 'saved');
  };
  const pause = async (until: 'hour' | 'tomorrow' | 'resume') => {
    try {
      await send({ type: 'reminders', action: 'pause', until });
      say(until === 'resume' ? 'resumedDone' : 'pausedDone');
    } catch (err) {
      failed({ text: failedText('actionFailed', err), error: true });
    }
  };

  return (
    <>
      <h2>{t('sectionReminders')}</h2>
      <label>
        <input type="checkbox" checked={r.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        {t('remindersEnabled')}
      </label>
      <fieldset disabled={!r.enabled}>
        <MinutesSelect
          label="remindEvery"
          choices={INTERVALS}
          value={r.intervalMinutes}
          onPick={(m) => set({ intervalMinutes: m })}
        />
        <div class="rb-inline">
          <label>
            {t('activeFrom')}
            <input
              type="time"
              value={r.activeHours.start}
              onChange={(e) => set({ activeHours: { ...r.activeHours, start: valueOf(e) } })}
            />
          </label>
          <label>
            {t('activeTo')}
            <input
              type="time"
              value={r.activeHours.end}
              onChange={(e) => set({ activeHours: { ...r.activeHours, end: valueOf(e) } })}
            />
          </label>
        </div>
        <fieldset class="rb-days">
          <legend>{t('activeDays')}</legend>
          {week.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={r.days.includes(day)}
                onChange={(e) =>
                  set({ days: e.currentTarget.checked ? [...r.days, day].sort() : r.days.filter((d) => d !== day) })
                }
              />
              {weekdayName(day)}
            </label>
          ))}
        </fieldset>
        <MinutesSelect
          label="idleBreak"
          choices={IDLE_BREAKS}
          value={r.idleBreakMinutes}
          onPick={(m) => set({ idleBreakMinutes: m })}
        />
        <MinutesSelect label="snoozeLength" choices={SNOOZES} value={r.snoozeMinutes} onPick={(m) => set({ snoozeMinutes: m })} />
        <div class="rb-row rb-row--start">
          <button type="button" onClick={() => void pause('hour')}>
            {t('pauseHour')}
          </button>
          <button type="button" onClick={() => void pause('tomorrow')}>
            {t('pauseTomorrow')}
          </button>
          <button type="button" onClick={() => void pause('resume')}>
            {t('resumeReminders')}
          </button>
        </div>
        <label>
          <input type="checkbox" checked={onPage} onChange={(e) => void toggleOnPage(e.currentTarget.checked)} />
          {t('timerOnPage')}
        </label>
        <p class="rb-cue">{t('timerOnPageHelp')}</p>
      </fieldset>
    </>
  );
}

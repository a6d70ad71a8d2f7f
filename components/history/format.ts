import { uiLanguage } from '../../lib/i18n';

/*
 * Dates and times on the history page, in the browser's UI language (numbers, durations and lists:
 * lib/i18n/format.ts). The formatters are made once per page: the UI language does not change under it.
 */
const WHEN: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
let formats: { thisYear: Intl.DateTimeFormat; otherYear: Intl.DateTimeFormat; day: Intl.DateTimeFormat } | undefined;
const dates = () =>
  (formats ??= {
    thisYear: new Intl.DateTimeFormat(uiLanguage(), WHEN),
    otherYear: new Intl.DateTimeFormat(uiLanguage(), { ...WHEN, year: 'numeric' }),
    day: new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' }),
  });

/** "Mon 12 Jan, 10:32", with the year when it is not this year. */
export function formatWhen(ms: number, now = Date.now()): string {
  const { thisYear, otherYear } = dates();
  return (new Date(ms).getFullYear() === new Date(now).getFullYear() ? thisYear : otherYear).format(ms);
}

/** "12 Jan": the start of a week on the chart. */
export const formatDay = (ms: number): string => dates().day.format(ms);

/** "10:32": when sync last ran or will retry (today), with the date when it is another day. */
export function formatTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(uiLanguage(), options).format(d);
}

import { t } from '../../lib/i18n';

const WHEN: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
const thisYear = new Intl.DateTimeFormat(undefined, WHEN);
const otherYear = new Intl.DateTimeFormat(undefined, { ...WHEN, year: 'numeric' });

/** "Mon 12 Jan, 10:32" in the browser's own locale, with the year when it is not this year. */
export function formatWhen(ms: number, now = Date.now()): string {
  return (new Date(ms).getFullYear() === new Date(now).getFullYear() ? thisYear : otherYear).format(ms);
}

/** "12 Jan": the start of a week on the chart. */
export const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "10:32": when sync last ran or will retry (today), with the date when it is another day. */
export function formatTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(undefined, sameDay ? { hour: 'numeric', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(d);
}

/** "45 s" under a minute, "3 min" from there. */
export function formatDuration(seconds: number): string {
  return seconds < 60 ? t('history_seconds', `${Math.round(seconds)}`) : t('minutesValue', `${Math.round(seconds / 60)}`);
}

const numberFormat = new Intl.NumberFormat();
export const formatNumber = (n: number): string => numberFormat.format(n);

/** "4.2 KB". */
export function formatKb(bytes: number): string {
  return t('sync_kb', (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0));
}

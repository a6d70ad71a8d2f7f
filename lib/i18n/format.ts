import { messageLanguage, uiLanguage } from './index';

/**
 * Numbers, durations, sizes and lists through Intl, so "1,234 · 5 min · 4.2 kB · A, B and C" read as the
 * user expects them. Numbers follow the browser's UI language (with its region); lists are part of a
 * sentence, so their "and" and "or" follow the language of the messages around them. (Plain numbers:
 * formatNumber in lib/i18n/index.ts.)
 */

type UnitDisplay = 'short' | 'long';

function unit(name: string, value: number, display: UnitDisplay, digits = 0): string {
  const options = {
    style: 'unit',
    unit: name,
    unitDisplay: display,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  } as const;
  return new Intl.NumberFormat(uiLanguage(), options).format(value);
}

/** "5 min", or "5 minutes" in the long form. */
export const formatMinutes = (minutes: number, display: UnitDisplay = 'short'): string => unit('minute', minutes, display);

/** "45 sec", or "45 seconds" in the long form. */
export const formatSeconds = (seconds: number, display: UnitDisplay = 'short'): string => unit('second', seconds, display);

/** Seconds under a minute, whole minutes from there: "45 sec", "3 min". */
export function formatDuration(seconds: number): string {
  return seconds < 60 ? formatSeconds(Math.round(seconds)) : formatMinutes(Math.round(seconds / 60));
}

/** "4.2 kB" below 10 kB, "37 kB" from there (1 kB = 1024 bytes, as the browsers count sync quotas). */
export const formatKilobytes = (bytes: number): string => unit('kilobyte', bytes / 1024, 'short', bytes < 10 * 1024 ? 1 : 0);

/** "Quads, Calves and Feet"; with `or`, "pre, post or desk". */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(messageLanguage(), { type }).format(items);
}

/** "Tue 14:30" style: a weekday and a time, for "left out until …" within the next days. */
export function formatDayTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A calendar date, "14 Mar 2026" style, for an end date the person picked. */
export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

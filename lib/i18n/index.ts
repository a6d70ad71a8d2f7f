import { ext } from '../browser/ext-lite';

/** A key of `_locales/en/messages.json`; WXT generates the union, so a typo fails to compile. */
export type MessageKey = Parameters<typeof ext.i18n.getMessage>[0];

/** Every UI string comes from `_locales/<lang>/messages.json`; this is the one place that reads it. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const text = ext.i18n.getMessage(key, substitutions);
  // An empty answer means a missing key: show the key so the gap is visible rather than a blank control.
  return text || key;
}

/**
 * The language of the messages on screen, from the `lang` message of the locale the browser picked: `en`
 * when it fell back to English for a language Rollbreak does not speak. Grammar follows it: plural
 * categories, list words, and the `lang` and `dir` of pages and the timer.
 */
export const messageLanguage = (): string => t('lang');

/**
 * The browser's UI language with its region (`en-GB`, `de`, `pt-BR`). How numbers, times, dates and
 * weeks look follows it, as in the browser's own UI.
 */
export const uiLanguage = (): string => ext.i18n.getUILanguage();

/**
 * A number in the UI language's digits and grouping: "1,234", "1.234", "1 234". Without options, so the
 * engine reuses one formatter per language instead of building one per call.
 */
export const formatNumber = (n: number): string => n.toLocaleString(uiLanguage());

/** "1:05" for 65 000 ms, in the UI language's digits; rounds up so the display reaches 0:00 exactly at the deadline. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const s = total % 60;
  return `${formatNumber(Math.floor(total / 60))}:${s < 10 ? formatNumber(0) : ''}${formatNumber(s)}`;
}

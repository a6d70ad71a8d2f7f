import { ext } from './ext-lite';

/** A key of `_locales/en/messages.json`; WXT generates the union, so a typo fails to compile. */
export type MessageKey = Parameters<typeof ext.i18n.getMessage>[0];

/** Every UI string comes from `_locales/<lang>/messages.json`; this is the one place that reads it. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const text = ext.i18n.getMessage(key, substitutions);
  // An empty answer means a missing key: show the key so the gap is visible rather than a blank control.
  return text || key;
}

/** "1:05" for 65 000 ms; rounds up so the display reaches 0:00 exactly at the deadline. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

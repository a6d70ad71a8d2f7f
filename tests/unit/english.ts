import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** `i18n.getMessage` over the real English messages, substituting placeholders the way browsers do ('' for a missing key). */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, Entry>)[key];
  if (!entry) return '';
  const subs = ([] as string[]).concat(substitutions ?? []);
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return subs[Number(content.slice(1)) - 1] ?? '';
  });
}

/** `t()` over the real English messages: the key itself for a missing one, as `t()` shows it. */
export function english(key: string, substitutions?: string | string[]): string {
  return englishMessage(key, substitutions) || key;
}

/**
 * Makes the fake browser answer `i18n` like a browser whose UI is in English (`ui` gives the region):
 * the real English messages, so lib/i18n's `t`, `tp`, number and date formats run unmocked in tests.
 */
export function speakEnglish(ui = 'en-US'): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(ui);
}

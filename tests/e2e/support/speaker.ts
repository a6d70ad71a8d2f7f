import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALE_SOURCES = fileURLToPath(new URL('../../../public/_locales/', import.meta.url));

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * A locale's messages as its translators wrote them (public/_locales), worded the way browsers substitute
 * placeholders. The i18n e2e tests read their expectations from here, not from English strings, so they hold
 * for any wording. The browser reads the build's shipped files instead (scripts/ship-locales.ts:
 * placeholders inline, a language's messages that read as English's taken from English), so every check is
 * also one that the two say the same.
 */
export function speaker(locale: string) {
  const messages = JSON.parse(readFileSync(join(LOCALE_SOURCES, locale, 'messages.json'), 'utf8')) as Messages;
  const msg = (key: string, subs: string[] = []): string => {
    const entry = messages[key];
    if (!entry) throw new Error(`_locales/${locale} has no "${key}"`);
    return entry.message.replace(
      /\$(\w+)\$/g,
      (_, name: string) => subs[Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1] ?? '',
    );
  };
  const lang = msg('lang');
  const plural = (base: string, count: number, subs: string[]) =>
    msg(`${base}_${new Intl.PluralRules(lang).select(count)}`, subs);
  return { lang, dir: msg('dir'), msg, plural };
}

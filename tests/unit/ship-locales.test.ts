import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE_ONLY_KEYS, inlinePlaceholders, shippedMessages, type SourceMessages } from '../../scripts/ship-locales';

const DIR = new URL('../../public/_locales/', import.meta.url);
const read = (locale: string) => JSON.parse(readFileSync(new URL(`${locale}/messages.json`, DIR), 'utf8')) as SourceMessages;
const en = read('en');

/** What a browser shows for `key` of `messages` with `subs`, named placeholders resolved through their block. */
function shown(
  messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
  key: string,
  subs: string[],
) {
  const entry = messages[key];
  if (!entry) return undefined;
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, n: string) => entry.placeholders![n.toLowerCase()]!.content);
  return named.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

describe('the shipped locale files (scripts/ship-locales.ts)', () => {
  it('write placeholders inline, whatever their case, and keep a literal $$', () => {
    const entry = { message: 'Area $AREA$ of $Total$, $$5', placeholders: { area: { content: '$1' }, total: { content: '$2' } } };
    expect(inlinePlaceholders('k', entry)).toBe('Area $1 of $2, $$5');
    expect(() => inlinePlaceholders('k', { message: '$MISSING$' })).toThrow(/k: \$MISSING\$ has no placeholder/);
  });

  it('leave out notes and store texts, and a language keeps only what English does not say the same', () => {
    const source: SourceMessages = {
      lang: { message: 'de', description: 'note' },
      extName: { message: 'Rollbreak', description: 'note' },
      storeTagline: { message: 'Werbung' },
    };
    const english: SourceMessages = {
      lang: { message: 'en' },
      extName: { message: 'Rollbreak' },
      storeTagline: { message: 'Ad' },
    };
    expect(shippedMessages(source, english, false)).toEqual({ lang: { message: 'de' } });
    expect(shippedMessages(english, english, true)).toEqual({ lang: { message: 'en' }, extName: { message: 'Rollbreak' } });
  });

  // What a person sees is the same: every message of every language, shipped or taken from English.
  it.each(readdirSync(DIR).sort())('%s: every message reads as its translators wrote it', (locale) => {
    const source = read(locale);
    const shipped = shippedMessages(source, en, locale === 'en');
    const shippedEn = shippedMessages(en, en, true);
    const subs = ['A', 'B', 'C'];
    for (const key of Object.keys(source)) {
      if (STORE_ONLY_KEYS.includes(key)) {
        expect(shipped[key], key).toBeUndefined();
        continue;
      }
      expect(shown(shipped, key, subs) ?? shown(shippedEn, key, subs), key).toBe(shown(source, key, subs));
      expect(JSON.stringify(shipped[key] ?? {}), key).not.toMatch(/description|placeholders/);
    }
    // Nothing the source does not have.
    expect(Object.keys(shipped).filter((k) => !(k in source))).toEqual([]);
  });
});

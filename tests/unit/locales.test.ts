import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, displayWidth } from './message-limits';

/*
 * Every locale folder under public/_locales is checked: complete, placeholders intact, the plural forms
 * its language needs, and short enough where space is tight. English is the reference; it also must
 * describe every message for translators and hold no message the code never shows.
 */

type Entry = { message?: unknown; description?: unknown; placeholders?: Record<string, { content?: unknown }> };
type Messages = Record<string, Entry>;

const ROOT = new URL('../../', import.meta.url).pathname;
const LOCALES_DIR = join(ROOT, 'public/_locales');
const read = (locale: string) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;

const LOCALES = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const en = read('en');

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
/** Counting messages: a base key with `_one`, `_other`, ... forms (lib/i18n/plural.ts). English has `_other` for each. */
const PLURAL_BASES = Object.keys(en)
  .filter((k) => k.endsWith('_other'))
  .map((k) => k.slice(0, -'_other'.length));
const pluralForm = (key: string): { base: string; category: string } | null => {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m && PLURAL_BASES.includes(m[1]!) ? { base: m[1]!, category: m[2]! } : null;
};
/** The English message a key of any locale answers to: itself, or for a plural form, English's `_other`. */
const englishFor = (key: string): Entry | undefined => {
  const plural = pluralForm(key);
  return plural ? en[`${plural.base}_other`] : en[key];
};

/** Which placeholder a counting message counts: `$N$` unless named here. */
const COUNTED: Record<string, string> = {
  doneSummary: 'knots',
  history_week_value: 'goal',
  history_showing: 'total',
  history_showing_filtered: 'total',
};
const countedIn = (base: string) => COUNTED[base] ?? 'n';
/**
 * Plural forms whose noun says the number by itself, so the count is not written again: Arabic's singular
 * and dual ("دقيقة واحدة", "دقيقتان", as Intl words them) would read "2 دقيقتان" with it.
 */
const COUNT_IN_THE_WORD: Record<string, readonly string[]> = { ar: ['one', 'two'] };

/** The `$NAME$` references of a message, lower-cased as browsers match them (`$$` is a literal dollar). */
const references = (message: string): string[] =>
  [...new Set([...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
const placeholderBlock = (entry: Entry): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));

const tagOf = (locale: string) => locale.replace(/_/g, '-');
const categoriesOf = (locale: string) => new Intl.PluralRules(tagOf(locale)).resolvedOptions().pluralCategories;

type IntlLocaleInfo = Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
const directionOf = (tag: string): string | undefined => {
  const locale = new Intl.Locale(tag) as IntlLocaleInfo;
  return (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
};

describe('locales', () => {
  it('include English and only folders named like Chrome locales', () => {
    expect(LOCALES).toContain('en');
    for (const locale of LOCALES) expect(locale, locale).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
  });

  describe.each(LOCALES)('%s', (locale) => {
    const messages = read(locale);
    const keys = Object.keys(messages);

    it('gives every message some text', () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(typeof entry.message, key).toBe('string');
        expect(String(entry.message).trim(), key).not.toBe('');
      }
    });

    it('names its language and text direction in `lang` and `dir`', () => {
      expect(messages.lang?.message).toBe(tagOf(locale));
      expect(Intl.getCanonicalLocales(String(messages.lang?.message))).toEqual([tagOf(locale)]);
      expect(messages.dir?.message, `${locale} is written ${directionOf(tagOf(locale))}`).toBe(directionOf(tagOf(locale)));
    });

    it('has every key of English, and none English does not have', () => {
      // Plural forms too: a language without a "one" form (ja, ko, zh) still carries `_one`, so the file
      // is complete whatever the browser picks; its own extra forms are checked below.
      const missing = Object.keys(en).filter((k) => !(k in messages));
      const unknown = keys.filter((k) => !pluralForm(k) && !(k in en));
      // Unknown keys are ones English renamed or removed: the translation is stale.
      expect({ missing, unknown }, locale).toEqual({ missing: [], unknown: [] });
    });

    it("has exactly the plural forms its language uses, and English's too, for every counting message", () => {
      const needed = [...new Set([...categoriesOf(locale), ...categoriesOf('en')])];
      for (const base of PLURAL_BASES) {
        const present = CATEGORIES.filter((c) => `${base}_${c}` in messages);
        expect([...present].sort(), `${base} in ${locale} (needs ${needed.join(', ')})`).toEqual([...needed].sort());
      }
    });

    it('keeps every placeholder: the same $NAME$ references and the same placeholders block as English', () => {
      for (const key of keys) {
        const reference = englishFor(key);
        if (!reference) continue;
        const message = String(messages[key]!.message);
        const plural = pluralForm(key);
        const wordSaysCount = plural && COUNT_IN_THE_WORD[locale]?.includes(plural.category);
        const expected = references(String(reference.message)).filter(
          (name) => !(wordSaysCount && name === countedIn(plural.base)),
        );
        expect(references(message), `${locale} ${key}: ${message}`).toEqual(expected);
        expect(placeholderBlock(messages[key]!), `${locale} ${key} placeholders`).toEqual(placeholderBlock(reference));
      }
    });

    it('fits where space is tight', () => {
      for (const limit of LIMITS) {
        for (const pattern of limit.keys) {
          const matching = keys.filter((k) => {
            const name = pluralForm(k)?.base ?? k;
            return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
          });
          for (const key of matching) {
            const text = String(messages[key]!.message).replace(/\$[A-Za-z0-9_@]+\$/g, limit.sample ?? '10');
            expect(
              displayWidth(text),
              `${locale} ${key} "${text}" (${limit.where}) is longer than ${limit.max}`,
            ).toBeLessThanOrEqual(limit.max);
          }
        }
      }
    });
  });
});

describe('English, the reference', () => {
  it('describes every message for translators', () => {
    const bare = Object.entries(en).filter(([, e]) => typeof e.description !== 'string' || e.description.trim() === '');
    expect(bare.map(([k]) => k)).toEqual([]);
  });

  it('declares every placeholder it uses, and uses every one it declares', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(Object.keys(placeholderBlock(entry)).sort(), key).toEqual(references(String(entry.message)));
      for (const p of Object.values(placeholderBlock(entry))) expect(p, key).toMatch(/^\$[1-9]$/);
    }
  });

  it('names, for every counting message, a placeholder it counts', () => {
    for (const base of PLURAL_BASES) expect(references(String(en[`${base}_other`]!.message)), base).toContain(countedIn(base));
  });

  it('has the one and other forms of every counting message', () => {
    expect(PLURAL_BASES.length).toBeGreaterThan(0);
    for (const base of PLURAL_BASES)
      expect(
        Object.keys(en)
          .filter((k) => pluralForm(k)?.base === base)
          .sort(),
        base,
      ).toEqual([`${base}_one`, `${base}_other`]);
  });

  it('keeps the limits table about keys that exist', () => {
    for (const pattern of LIMITS.flatMap((l) => l.keys)) {
      const found = Object.keys(en).some((k) => {
        const name = pluralForm(k)?.base ?? k;
        return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
      });
      expect(found, pattern).toBe(true);
    }
  });
});

/*
 * Unused keys. A key is used when the source names it as a string (`'key'`, `"key"`, `` `key` ``) or as
 * `__MSG_key__`; a plural form when its base key is named (tp('base', ...)). Keys the code composes are
 * covered by their prefix below, and each prefix must still be composed somewhere (`` `prefix${ ``).
 */
const DYNAMIC_PREFIXES = [
  'area_',
  'tech_',
  'pos_',
  'caution_',
  'moment_',
  'tool_',
  'trained_',
  'breathe_',
  'theme_',
  'whatsNew_',
  'feel_',
];
/** Text for the store listings, which `npm run store:assets` writes under store/ (tests/e2e/*store-assets*). */
const STORE_KEYS = ['storeTagline', 'storeLongDescription'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|html)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

describe('unused keys', () => {
  const source = [...['lib', 'components', 'entrypoints'].flatMap(sourceFiles), join(ROOT, 'wxt.config.ts')]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const named = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``, `__MSG_${key}__`].some((s) => source.includes(s));

  it('are gone from English', () => {
    const unused = Object.keys(en).filter((key) => {
      const plural = pluralForm(key);
      if (plural) return !named(plural.base);
      return !named(key) && !STORE_KEYS.includes(key) && !DYNAMIC_PREFIXES.some((p) => key.startsWith(p));
    });
    expect(unused).toEqual([]);
  });

  it('keeps only prefixes the code still composes', () => {
    for (const prefix of DYNAMIC_PREFIXES) expect(source.includes(`\`${prefix}\${`), prefix).toBe(true);
  });
});

import type { MessageKey } from './index';
import { messageLanguage, t } from './index';

/**
 * A message that counts something is one key per plural category of the language: `<base>_one`,
 * `<base>_other`, and `_zero`, `_two`, `_few`, `_many` where the language has them (Arabic has all six,
 * Polish and Russian one/few/many/other, Japanese only other). English has `_one` and `_other`, so every
 * base key is a key of en whose `_other` form exists; anything else does not compile.
 */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The key for `count` in `lang`: `doneSummary_few` for 3 in Polish. */
export function pluralKey(base: string, count: number, lang: string): string {
  return `${base}_${new Intl.PluralRules(lang).select(count)}`;
}

/**
 * `t()` for a counting message: picks the plural category of `count` in the messages' language, falling
 * back to `_other` should a translation lack the category (the locales test makes sure none does).
 */
export function tp(base: PluralBase, count: number, substitutions?: string | string[]): string {
  const key = pluralKey(base, count, messageLanguage()) as MessageKey;
  const text = t(key, substitutions);
  return text === key ? t(`${base}_other` as MessageKey, substitutions) : text;
}

/** The locales Rollbreak ships (`public/_locales/<locale>/`); English is the default and the fallback. */
export const SHIPPED_LOCALES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt_BR', 'ru', 'tr', 'zh_CN'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];
export const DEFAULT_LOCALE: ShippedLocale = 'en';

/**
 * The shipped locale the browser speaks for a UI locale (`@@ui_locale`: `de`, `de_AT`, `pt-BR`, `en_US`),
 * chosen as the browser chooses an extension's messages: the exact locale, then its language, then English.
 */
export function shippedLocaleFor(uiLocale: string): ShippedLocale {
  const [language, region] = uiLocale.replace('-', '_').split('_');
  const exact = region ? `${language!.toLowerCase()}_${region.toUpperCase()}` : language!.toLowerCase();
  const found = SHIPPED_LOCALES.find((l) => l === exact) ?? SHIPPED_LOCALES.find((l) => l === language!.toLowerCase());
  return found ?? DEFAULT_LOCALE;
}

/** The popup page pre-rendered in a locale's language (written by the Chrome build, scripts/prerender-popup.ts). */
export const popupPageFor = (locale: ShippedLocale): string => `/popup-${locale}.html`;

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * A message of a locale's messages.json with its placeholders filled, as `i18n.getMessage` does: `$name$`
 * becomes the placeholder's content, `$1`…`$9` the substitutions, `$$` a dollar sign. For the build, which
 * renders the popup's start view in every language without a browser.
 */
export function messageOf(messages: Messages, key: string, substitutions: string | string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const fill = (text: string) => text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  return entry.message.replace(/\$(\$|[1-9]|\w+\$)/g, (whole, name: string) => {
    if (name === '$' || /^[1-9]$/.test(name)) return fill(whole);
    const placeholder = entry.placeholders?.[name.slice(0, -1).toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}

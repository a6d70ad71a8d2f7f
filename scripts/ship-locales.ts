/**
 * The locale files as the extension ships them (wxt.config.ts writes them into the build): what the browser
 * reads of public/_locales/<locale>/messages.json and nothing more, since they are over half the store zip.
 *
 * - No translator notes (`description`) and no store-listing texts (store/ is written from the sources).
 * - Named placeholders written inline: `$COUNT$` with `"placeholders": { "count": { "content": "$1" } }`
 *   ships as `$1`, which is what both Chrome and Firefox make of it when they load the file.
 * - A language's message that reads exactly as English's is left out: Chrome and Firefox take a message a
 *   locale lacks from the default locale (`default_locale: 'en'`), so the person sees the same text.
 *   (tests/e2e/chromium-i18n.e2e.ts and firefox-i18n.e2e.ts check them on screen in de and ar.)
 */

export type SourceEntry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
export type SourceMessages = Record<string, SourceEntry>;
export type ShippedMessages = Record<string, { message: string }>;

/** Texts only the store listings use (npm run store:assets); the extension never shows them. */
export const STORE_ONLY_KEYS: readonly string[] = ['storeTagline', 'storeLongDescription'];

/** A message with its named placeholders replaced by their content, as the browser does on loading it. */
export function inlinePlaceholders(key: string, entry: SourceEntry): string {
  const declared = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  // `$$` is a literal dollar: kept as it is, and never the start of a placeholder's name.
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (whole, name: string | undefined) => {
    if (name === undefined) return whole;
    const content = declared[name.toLowerCase()];
    if (content === undefined) throw new Error(`${key}: $${name}$ has no placeholder`);
    return content;
  });
}

/** What one locale ships, given its source file and English's (`en` itself ships every message). */
export function shippedMessages(source: SourceMessages, en: SourceMessages, isDefault: boolean): ShippedMessages {
  const shipped: ShippedMessages = {};
  for (const [key, entry] of Object.entries(source)) {
    if (STORE_ONLY_KEYS.includes(key)) continue;
    const message = inlinePlaceholders(key, entry);
    const english = en[key];
    if (!isDefault && english && inlinePlaceholders(key, english) === message) continue;
    shipped[key] = { message };
  }
  return shipped;
}

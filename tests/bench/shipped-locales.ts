import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_ONLY_KEYS } from '../../scripts/ship-locales';

const SOURCES = fileURLToPath(new URL('../../public/_locales/', import.meta.url));

/**
 * What the built locale files still carry that the browser never reads: translator notes (`description`),
 * keys their own source locale file does not have, and the store-listing texts (scripts/ship-locales.ts
 * leaves the notes and store texts out; tests/unit/locales.test.ts keeps unused keys out of the sources).
 * Each locale is compared with its own source: Arabic, Polish, Russian and the Romance languages have plural
 * forms English lacks (compared with English, those 252 keys were once counted as dead). Over every locale of a build.
 */
export async function shippedLocaleExtras(
  build: string,
  sources = SOURCES,
): Promise<{ locales: number; notes: number; extraKeys: number }> {
  const dir = join(build, '_locales');
  let notes = 0;
  let extraKeys = 0;
  const locales = await readdir(dir);
  for (const locale of locales) {
    const messages = JSON.parse(await readFile(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, object>;
    const source = JSON.parse(await readFile(join(sources, locale, 'messages.json'), 'utf8')) as Record<string, unknown>;
    for (const [key, entry] of Object.entries(messages)) {
      if ('description' in entry) notes++;
      if (!(key in source) || STORE_ONLY_KEYS.includes(key)) extraKeys++;
    }
  }
  return { locales: locales.length, notes, extraKeys };
}

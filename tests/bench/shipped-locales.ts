import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What the built locale files still carry that the browser never reads: translator notes (`description`)
 * and keys its source locale file does not have (wxt.config.ts's shipLocales strips the notes and the store-only
 * texts; tests/unit/locales.test.ts keeps unused keys out of the sources). Counted over every locale of a build.
 */
export async function shippedLocaleExtras(build: string): Promise<{ locales: number; notes: number; extraKeys: number }> {
  const dir = join(build, '_locales');
  let notes = 0;
  let extraKeys = 0;
  const locales = await readdir(dir);
  for (const locale of locales) {
    const messages = JSON.parse(await readFile(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, object>;
    // Each locale against its own source (plural forms differ from language to language).
    const source = JSON.parse(
      await readFile(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    for (const [key, entry] of Object.entries(messages)) {
      if ('description' in entry) notes++;
      if (!(key in source)) extraKeys++;
    }
  }
  return { locales: locales.length, notes, extraKeys };
}

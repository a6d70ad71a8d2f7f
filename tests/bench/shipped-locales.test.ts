import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedLocaleExtras } from './shipped-locales';

describe('shippedLocaleExtras', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const write = async (root: string, locale: string, messages: object) => {
    await mkdir(join(root, '_locales', locale), { recursive: true });
    await writeFile(join(root, '_locales', locale, 'messages.json'), JSON.stringify(messages));
  };
  const tree = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rb-locales-'));
    dirs.push(dir);
    return dir;
  };

  it("counts a language's own plural forms as live, and notes, strays and store texts as what the browser never reads", async () => {
    const sources = await tree();
    await write(sources, 'en', { files_one: { message: '1', description: 'n' }, files_other: { message: 'n' } });
    const arabic = {
      files_zero: { message: '0' },
      files_two: { message: '2' },
      files_few: { message: 'f' },
      files_other: { message: 'n' },
    };
    await write(sources, 'ar', { ...arabic, storeTagline: { message: 't' } });
    const clean = await tree();
    await write(clean, 'en', { files_one: { message: '1' }, files_other: { message: 'n' } });
    await write(clean, 'ar', arabic);
    expect(await shippedLocaleExtras(clean, join(sources, '_locales'))).toEqual({ locales: 2, notes: 0, extraKeys: 0 });

    const dirty = await tree();
    await write(dirty, 'en', { files_one: { message: '1', description: 'n' }, stray: { message: 's' } });
    await write(dirty, 'ar', { ...arabic, storeTagline: { message: 't' } });
    expect(await shippedLocaleExtras(dirty, join(sources, '_locales'))).toEqual({ locales: 2, notes: 1, extraKeys: 2 });
  });
});

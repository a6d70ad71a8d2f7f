import JSZip from 'jszip';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipEntries } from './zip-entries';

describe('zipEntries', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rb-zip-'));
    dirs.push(dir);
    return dir;
  };

  it('lists every file of a zip written the way WXT writes the store zips, with its packed size', async () => {
    const zip = new JSZip();
    zip.file('_locales/en/messages.json', JSON.stringify({ hello: { message: 'x'.repeat(10_000) } }));
    zip.file('popup.html', '<!doctype html><title>p</title>');
    const dir = await tempDir();
    await writeFile(
      join(dir, 'out.zip'),
      await zip.generateAsync({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
        comment: 'a comment after the central directory',
      }),
    );
    const entries = await zipEntries(join(dir, 'out.zip'));
    expect(entries.map((e) => e.name)).toEqual(['_locales/', '_locales/en/', '_locales/en/messages.json', 'popup.html']);
    const messages = entries.find((e) => e.name === '_locales/en/messages.json')!;
    // 10 KB of one letter deflates to a few dozen bytes.
    expect(messages.packed).toBeGreaterThan(10);
    expect(messages.packed).toBeLessThan(200);
  });

  it('says so when the file is not a zip', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'not.zip'), 'plain text, long enough to hold no zip record at all.');
    await expect(zipEntries(join(dir, 'not.zip'))).rejects.toThrow(/not a zip/);
  });
});

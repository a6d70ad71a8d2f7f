import JSZip from 'jszip';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recompressZip } from '../../scripts/recompress-zip';

describe('recompressZip (the store zips deflated again with Zopfli)', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('keeps every file byte for byte, in order, with its date, smaller and without folder entries; twice gives the same bytes', async () => {
    const zip = new JSZip();
    const files: Record<string, Buffer> = {
      'manifest.json': Buffer.from(JSON.stringify({ name: '__MSG_extName__', version: '0.2.0' })),
      '_locales/en/messages.json': Buffer.from(
        JSON.stringify(
          Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`key${i}`, { message: `Roll the area ${i} slowly` }])),
        ),
      ),
      'icon/16.png': Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7919) % 251)),
      'empty.txt': Buffer.alloc(0),
    };
    const date = new Date('2026-12-08T01:00:00Z');
    for (const [name, content] of Object.entries(files)) zip.file(name, content, { date });
    const dir = await mkdtemp(join(tmpdir(), 'rb-rezip-'));
    dirs.push(dir);
    const path = join(dir, 'store.zip');
    await writeFile(
      path,
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
    );

    const { before, after } = await recompressZip(path, 5);
    const once = await readFile(path);
    expect(after).toBe(once.length);
    expect(after).toBeLessThan(before);
    const back = await JSZip.loadAsync(once, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(Object.keys(files));
    for (const [name, content] of Object.entries(files)) {
      expect(await back.file(name)!.async('nodebuffer'), name).toEqual(content);
      expect(back.file(name)!.date.getTime(), name).toBe(zip.file(name)!.date.getTime());
    }

    await recompressZip(path, 5);
    expect(await readFile(path)).toEqual(once);
  });

  it('refuses what is not a zip', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rb-rezip-'));
    dirs.push(dir);
    await writeFile(join(dir, 'not.zip'), 'plain text, long enough to hold no zip record at all.');
    await expect(recompressZip(join(dir, 'not.zip'))).rejects.toThrow(/not a zip/);
  });
});

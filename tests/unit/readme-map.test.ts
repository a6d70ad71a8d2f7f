import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's map of folders ("Where things are") against the tree: every folder it names exists, and
 * every top folder of lib/ and components/ (and every feature folder of the background) is named.
 */
const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Where things are'), readme.indexOf('### One click'));
const mapRows = section.split('\n').filter((line) => line.startsWith('| `'));
const named = new Set(
  mapRows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([\w./-]+\/)`/g)].map((m) => m[1]!.replace(/\/$/, ''))),
);

const foldersIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((name) => statSync(join(root, dir, name)).isDirectory())
    .map((name) => `${dir}/${name}`);

describe("the README's map of folders", () => {
  it('is found, with its rows', () => {
    expect(mapRows.length).toBeGreaterThan(10);
  });

  it('names only folders that exist', () => {
    const missing = [...named].filter((folder) => !existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory());
    expect(missing).toEqual([]);
  });

  it('names every top folder of lib/ and components/, and every feature of the background', () => {
    const folders = [...foldersIn('lib'), ...foldersIn('components'), ...foldersIn('lib/background')];
    expect(folders.filter((folder) => !named.has(folder))).toEqual([]);
  });
});

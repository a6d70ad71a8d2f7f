import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatsNewKey } from '../../components/popup/WhatsNew';

/*
 * CHANGELOG.md, package.json and the popup's "what's new" line agree: the newest entry is the version being
 * built, and its line exists (every locale has it: locales.test.ts). Only the newest version's line is
 * kept: the popup shows the line of the version it was updated to.
 */

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const versions = [...read('CHANGELOG.md').matchAll(/^## \[(\d+\.\d+\.\d+)\](?: - (\d{4}-\d{2}-\d{2}))?/gm)].map((m) => ({
  version: m[1]!,
  date: m[2],
}));
const pkg = JSON.parse(read('package.json')) as { version: string };
const en = JSON.parse(read('public/_locales/en/messages.json')) as Record<string, unknown>;

describe('CHANGELOG.md', () => {
  it('starts with the version in package.json, dated', () => {
    expect(versions[0]?.version).toBe(pkg.version);
    expect(versions[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists each version once, newest first', () => {
    const list = versions.map((v) => v.version);
    expect(new Set(list).size).toBe(list.length);
    const order = (v: string) => v.split('.').reduce((n, part) => n * 1000 + Number(part), 0);
    expect([...list].sort((a, b) => order(b) - order(a))).toEqual(list);
  });

  it("has the popup's line for its newest version, and no line for another", () => {
    expect(en[whatsNewKey(pkg.version)]).toBeDefined();
    expect(Object.keys(en).filter((k) => k.startsWith('whatsNew_'))).toEqual([whatsNewKey(pkg.version)]);
  });
});

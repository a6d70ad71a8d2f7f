import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import snapshot from './manifest-snapshot.json';

/*
 * store/README.md's permission justifications (pasted into the Chrome Web Store's form and read by AMO's
 * reviewers) against the permissions of both builds, as manifest-snapshot.json holds them (the snapshot
 * test keeps that file equal to the manifests WXT makes): a line for each, none for a permission no build
 * asks for, and the lines say which build and whether it is asked for later.
 */

type Field = Array<{ value: unknown }> | { none: string };
const SNAPSHOT = snapshot as unknown as Record<'chrome' | 'firefox', Record<string, Field>>;
const BROWSER_NAME = { chrome: 'Chrome', firefox: 'Firefox' } as const;
const FIELDS = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'] as const;

const values = (field: Field | undefined): string[] => (Array.isArray(field) ? field.map((e) => String(e.value)) : []);

type Asked = { browsers: Array<'chrome' | 'firefox'>; optional: boolean };
const asked = new Map<string, Asked>();
for (const browser of ['chrome', 'firefox'] as const) {
  for (const field of FIELDS) {
    for (const name of values(SNAPSHOT[browser][field])) {
      const seen = asked.get(name) ?? { browsers: [], optional: field.startsWith('optional') };
      seen.browsers.push(browser);
      asked.set(name, seen);
    }
  }
}

/** The rows of the table under "### Permission justifications": [first cell, second cell]. */
function justificationRows(): Array<[string, string]> {
  const text = readFileSync(new URL('../../../store/README.md', import.meta.url), 'utf8');
  const start = text.indexOf('### Permission justifications');
  expect(start, 'store/README.md has a "### Permission justifications" section').toBeGreaterThan(-1);
  const section = text.slice(start).split(/\n#{2,3} /)[0]!;
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line) && !/^\|\s*permission\s*\|/.test(line))
    .map(
      (line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()) as [string, string],
    );
}

describe('store/README.md permission justifications', () => {
  const rows = justificationRows();
  const named = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('reads permissions from both builds', () => {
    expect([...asked.keys()]).toContain('storage');
    expect(asked.size).toBeGreaterThan(5);
  });

  it.each([...asked.entries()])('justifies %s, saying which build and when it is asked for', (name, { browsers, optional }) => {
    const row = rows.find(([first]) => named(first).includes(name));
    expect(row, `store/README.md has no justification line for ${name}`).toBeDefined();
    const [first, justification] = row!;
    expect(justification.length, `${name}: a justification in words`).toBeGreaterThan(40);
    if (browsers.length === 1) expect(first).toContain(`(${BROWSER_NAME[browsers[0]!]} only)`);
    else expect(first).not.toMatch(/only\)/);
    if (optional) expect(first).toContain('optional');
    else expect(first).not.toContain('optional');
  });

  it('has no line for a permission neither build asks for', () => {
    const stale = rows.flatMap(([first]) => named(first)).filter((name) => !asked.has(name));
    expect(stale).toEqual([]);
  });
});

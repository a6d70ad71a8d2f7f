import { describe, expect, it } from 'vitest';
import snapshot from './manifest-snapshot.json';
import { productionManifest, type Browser, type Manifest } from './production-manifest';
import { limit } from '../patience';

/*
 * The production manifests against manifest-snapshot.json: what each build grants, overrides and exposes,
 * with a reason per entry. Any change fails here until the snapshot says what changed and why.
 */

type Entry = { value: unknown; why: string };
type Field = Entry[] | { none: string };
const SNAPSHOT = snapshot as unknown as Record<Browser, Record<string, Field>>;

/** A manifest field as a list: an array's items, an object's keys one by one, a scalar alone, nothing when absent. */
function unroll(manifest: Manifest, path: string): unknown[] {
  // As written to manifest.json: keys WXT leaves undefined (version_name) are not there.
  if (path === 'keys') return Object.keys(manifest).filter((k) => k !== 'icons' && manifest[k] !== undefined);
  const value = path
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), manifest);
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => ({ [k]: v }));
  return [value];
}
const canonical = (values: unknown[]) => values.map((v) => JSON.stringify(v)).sort();

// One after the other: WXT keeps its state in one global.
const chrome = productionManifest('chrome');
const MADE = { chrome, firefox: chrome.then(() => productionManifest('firefox')) };
/** Entrypoints a build leaves out on purpose (`include` in their options); WXT warns about each. */
const LEFT_OUT: Record<Browser, string[]> = { chrome: [], firefox: ['offscreen'] };

describe.each(['chrome', 'firefox'] as const)('the %s production manifest', (browser) => {
  const made = MADE[browser];

  it(
    'is made without a warning from WXT',
    async () => {
      const skipped = LEFT_OUT[browser].map((name) => `The following entrypoints have been skipped:\n- ${name}`);
      expect((await made).warnings).toEqual(skipped.length ? [skipped.join('\n')] : []);
    },
    limit(30_000),
  );

  it.each(Object.keys(SNAPSHOT[browser]))(
    'matches the snapshot in %s',
    async (path) => {
      const { manifest } = await made;
      const field = SNAPSHOT[browser][path]!;
      if (!Array.isArray(field)) {
        expect(field.none.trim().length, `${path}: say why there is none`).toBeGreaterThan(10);
        expect(unroll(manifest, path), `${path} appeared: add its entries to manifest-snapshot.json, each with a why`).toEqual(
          [],
        );
        return;
      }
      for (const entry of field)
        expect(entry.why?.trim().length ?? 0, `${JSON.stringify(entry.value)}: say why`).toBeGreaterThan(10);
      expect(canonical(unroll(manifest, path)), `${path} changed: update manifest-snapshot.json and say why`).toEqual(
        canonical(field.map((e) => e.value)),
      );
    },
    30_000,
  );

  it(
    'takes over no browser page, in either build',
    async () => {
      const { manifest } = await made;
      expect(manifest.chrome_url_overrides).toBeUndefined();
    },
    limit(30_000),
  );
});

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/*
 * The production manifest of each build, computed by WXT's own code: the config (wxt.config.ts), the
 * entrypoints it finds (where a folder's name can add an override, a side panel or a sandbox) and its
 * manifest generator, the very steps `wxt build` takes before it bundles anything. Bundling itself adds
 * nothing to the fields the snapshot covers (only icons), so this is the built manifest in a few seconds
 * instead of two minute-long builds. The modules are WXT's internals, reached by path: the version is
 * pinned in package.json, and if an upgrade moves them this fails loudly instead of passing.
 */

export type Browser = 'chrome' | 'firefox';
export type Manifest = Record<string, unknown>;

const ROOT = resolve(new URL('../../../', import.meta.url).pathname);
const core = <T>(path: string): Promise<T> =>
  import(pathToFileURL(resolve(ROOT, 'node_modules/wxt/dist/core', path)).href) as Promise<T>;

type Wxt = { registerWxt(command: 'build', config: object): Promise<void> };
type Find = { findEntrypoints(): Promise<unknown[]> };
type Generate = {
  generateManifest(
    entrypoints: unknown[],
    output: { publicAssets: unknown[]; steps: unknown[] },
  ): Promise<{ manifest: Manifest }>;
};

/** The manifest and any warnings WXT gave while making it (a warning means something to look at). */
export async function productionManifest(browser: Browser): Promise<{ manifest: Manifest; warnings: string[] }> {
  const [{ registerWxt }, { findEntrypoints }, { generateManifest }] = await Promise.all([
    core<Wxt>('wxt.mjs'),
    core<Find>('utils/building/find-entrypoints.mjs'),
    core<Generate>('utils/manifest.mjs'),
  ]);
  const warnings: string[] = [];
  const quiet = () => undefined;
  const logger = {
    debug: quiet,
    info: quiet,
    log: quiet,
    success: quiet,
    box: quiet,
    level: 3,
    warn: (...a: unknown[]) => warnings.push(a.join(' ')),
    error: (...a: unknown[]) => warnings.push(a.join(' ')),
  };
  // The e2e builds add a host permission for the fixture server; this is the one the stores get.
  const e2e = process.env.ROLLBREAK_E2E;
  process.env.ROLLBREAK_E2E = '0';
  try {
    await registerWxt('build', { root: ROOT, browser, manifestVersion: 3, mode: 'production', logger });
    const { manifest } = await generateManifest(await findEntrypoints(), { publicAssets: [], steps: [] });
    return { manifest, warnings };
  } finally {
    if (e2e === undefined) delete process.env.ROLLBREAK_E2E;
    else process.env.ROLLBREAK_E2E = e2e;
  }
}

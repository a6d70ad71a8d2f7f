import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { ALL_PAGES_PATTERN } from './lib/domain/lists';
import { HOMEPAGE_URL } from './lib/domain/links';
import { pictureScripts } from './lib/pictures/scripts';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { shippedMessages, type SourceMessages } from './scripts/ship-locales';
import { recompressZip } from './scripts/recompress-zip';

// E2E builds (ROLLBREAK_E2E=1) add a host permission for the local fixture server,
// because Playwright's openPopup() does not grant activeTab. Production code paths stay the same.
const e2e = process.env.ROLLBREAK_E2E === '1';

/**
 * Everything the popup's first paint imports statically goes into one chunk, so opening the popup waits
 * on two module fetches instead of five. (Pages that share some of it load that chunk too.)
 * Single-file builds (background, overlay) are left alone: they inline everything already.
 */
function popupFirstPaintChunk(): Plugin {
  return {
    name: 'rollbreak:popup-first-paint-chunk',
    outputOptions(options) {
      if (options.inlineDynamicImports) return null;
      const reached = new Map<string, boolean>();
      const fromPopup = (
        id: string,
        info: (id: string) => { importers: readonly string[] } | null,
        seen = new Set<string>(),
      ): boolean => {
        if (/entrypoints[\\/]popup[\\/]/.test(id)) return true;
        if (reached.has(id)) return reached.get(id)!;
        if (seen.has(id)) return false;
        seen.add(id);
        const result = (info(id)?.importers ?? []).some((importer) => fromPopup(importer, info, seen));
        reached.set(id, result);
        return result;
      };
      return {
        ...options,
        manualChunks: (id, { getModuleInfo }) => (fromPopup(id, getModuleInfo) ? 'popup-first-paint' : undefined),
      };
    },
  };
}

/**
 * The page overlay renders the timer's components with a light renderer of Preact's API
 * (components/timer/renderer/light-preact.ts) instead of Preact itself, to stay small. Parts of it injected
 * only when needed (done screen, pill) render with the overlay's renderer, shared on a global: their builds
 * import Preact from that global instead of bundling a copy.
 */
const OVERLAY = 'overlay';
const OVERLAY_PARTS = ['overlay-parts'];
const sharedPreact = fileURLToPath(new URL('./components/timer/renderer/shared-preact.ts', import.meta.url));
const lightPreact = fileURLToPath(new URL('./components/timer/renderer/light-preact.ts', import.meta.url));

/**
 * WXT wraps each unlisted script's main() in try/catch blocks that log a crash, but its logger prints
 * nothing in production builds: what is left is about 40 bytes of wrapper in the overlay (gzipped), which
 * has a tight budget. The same call without it: an error still throws, as it did.
 */
function bareUnlistedScripts(): Plugin {
  return {
    name: 'rollbreak:bare-unlisted-scripts',
    transform(code, id) {
      if (!id.startsWith('\0virtual:wxt-unlisted-script-entrypoint?')) return null;
      const imports = code.match(/^import .*$/gm);
      if (imports?.length !== 2) throw new Error(`WXT's unlisted-script wrapper changed: ${id}`);
      return `${imports.join('\n')}\ninitPlugins();\nexport default definition.main();\n`;
    },
  };
}

/**
 * The locale files ship as the browser reads them (scripts/ship-locales.ts): without translator notes or
 * store-listing texts, placeholders inline, and without a language's messages that read as English's.
 */
function shipLocales(files: Array<{ relativeDest: string; absoluteSrc?: string; contents?: string }>): void {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SourceMessages;
  const en = read(fileURLToPath(new URL('./public/_locales/en/messages.json', import.meta.url)));
  files.forEach((file, i) => {
    const locale = /^_locales[\\/]([^\\/]+)[\\/]messages\.json$/.exec(file.relativeDest)?.[1];
    if (!file.absoluteSrc || !locale) return;
    const shipped = shippedMessages(read(file.absoluteSrc), en, locale === 'en');
    files[i] = { relativeDest: file.relativeDest, contents: JSON.stringify(shipped) };
  });
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      shipLocales(files);
      // One script per technique's picture, injected into the timer over a page when a step needs it.
      for (const { name, contents } of pictureScripts()) files.push({ relativeDest: `pictures/${name}.js`, contents });
    },
    // The store zips deflated again with Zopfli (scripts/recompress-zip.ts): the same files, about 4 % smaller.
    // The sources zip for Firefox's reviewers is left as WXT writes it.
    'zip:extension:done': async (wxt, zipPath) => {
      const { before, after } = await recompressZip(zipPath);
      wxt.logger.info(`Zopfli: ${zipPath.replace(/^.*[\\/]/, '')} ${before} → ${after} B`);
    },
    'vite:build:extendConfig'(entrypoints, config) {
      const part = entrypoints.some((e) => OVERLAY_PARTS.includes(e.name));
      if (!part && !entrypoints.some((e) => e.name === OVERLAY)) return;
      const own = config.resolve?.alias ?? [];
      const listed = Array.isArray(own) ? own : Object.entries(own).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^preact(\/hooks|\/jsx-runtime|\/jsx-dev-runtime)?$/, replacement: part ? sharedPreact : lightPreact },
          ...listed,
        ],
      };
      // The timer runs in the extension's isolated world, where no page script can replace a built-in, and
      // it never calls a function with `new` but its classes: terser's "unsafe" rewrites hold there, and
      // they pay for the one error channel (lib/messaging/send.ts) within the 8 KB budget.
      config.build = {
        ...config.build,
        terserOptions: {
          compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true },
          ecma: 2020,
        },
      };
    },
  },
  // Explicit imports everywhere: every file says what it uses.
  imports: false,
  manifestVersion: 3,
  outDir: e2e ? '.output-e2e' : '.output',
  vite: () => ({
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false }),
      popupFirstPaintChunk(),
      bareUnlistedScripts(),
    ],
    define: { 'import.meta.env.ROLLBREAK_E2E': JSON.stringify(e2e) },
    // Both target browsers support <link rel="modulepreload">; the polyfill would only cost popup start-up.
    build: {
      modulePreload: { polyfill: false },
      // Chrome and Firefox only: no prefixes for Safari in the CSS (every byte counts in the overlay).
      cssTarget: ['chrome120', 'firefox140'],
      // Terser squeezes a few percent more than esbuild: it matters for the overlay's size budget (tests/bench/bench.ts).
      minify: 'terser',
      terserOptions: { compress: { passes: 3, pure_getters: true }, ecma: 2020 },
    },
  }),
  zip: {
    // Firefox reviewers rebuild from the sources zip; keep tests, outputs and locks of other tools out.
    excludeSources: ['.output/**', '.output-e2e/**', 'tests/e2e/artifacts/**', 'docs/**', 'store/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // The version comes from package.json (WXT's default); homepage_url is where the store links "Website".
    homepage_url: HOMEPAGE_URL,
    default_locale: 'en',
    // Chrome plays chimes from an offscreen document and speaks the optional voice cues through `tts`;
    // Firefox's event page does both itself (Web Audio, speechSynthesis).
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'scripting',
      'idle',
      'notifications',
      ...(browser === 'firefox' ? [] : ['offscreen', 'tts']),
    ],
    // Asked for only from a click in Settings ("show the timer on the page I'm on"), so a reminder's
    // Start can reach the page; nothing is requested at install.
    optional_host_permissions: [ALL_PAGES_PATTERN],
    // Chrome allows four suggested keys. The popup and Settings list the keys the browser actually has.
    commands: {
      'start-break': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandStart__' },
      'focus-timer': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandFocus__' },
      'pause-resume': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPauseResume__' },
      'knot-hold': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandKnot__' },
      _execute_action: {},
    },
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rollbreak@rollbreak.app',
              // The APIs need 140 (data_collection_permissions; the rest is older: storage.session 115,
              // light-dark() 120, the popover top layer 125, detected). 142 because without a gecko_android
              // entry addons-linter (web-ext lint, AMO's upload check) measures Android against this version,
              // and Android learnt data_collection_permissions in 142. Firefox ESR is past both.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // No gecko_android: Firefox for Android has no commands, idle or windows API, which the
            // background uses before it registers its listeners.
          },
        }
      : {
          // light-dark() in every stylesheet (123); before that: alarms under a minute (120, a step's or a
          // hold's end), subgrid (117), offscreen audio (109), storage.session (102).
          minimum_chrome_version: '123',
        }),
  }),
});

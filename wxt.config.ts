import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

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
      const fromPopup = (id: string, info: (id: string) => { importers: readonly string[] } | null, seen = new Set<string>()): boolean => {
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
 * Parts of the page overlay injected only when needed (done screen, pill) render with the overlay's own
 * Preact, shared on a global: their builds import Preact from that global instead of bundling a copy.
 */
const OVERLAY_PARTS = ['overlay-parts'];
const sharedPreact = fileURLToPath(new URL('./components/overlay-part/shared-preact.ts', import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => OVERLAY_PARTS.includes(e.name))) return;
      const own = config.resolve?.alias ?? [];
      const listed = Array.isArray(own) ? own : Object.entries(own).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^preact(\/hooks|\/jsx-runtime)?$/, replacement: sharedPreact }, ...listed],
      };
    },
  },
  // Explicit imports everywhere: every file says what it uses.
  imports: false,
  manifestVersion: 3,
  outDir: e2e ? '.output-e2e' : '.output',
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false }), popupFirstPaintChunk()],
    define: { 'import.meta.env.ROLLBREAK_E2E': JSON.stringify(e2e) },
    // Both target browsers support <link rel="modulepreload">; the polyfill would only cost popup start-up.
    build: {
      modulePreload: { polyfill: false },
      // Terser squeezes a few percent more than esbuild: it matters for the overlay's 12 KB budget.
      minify: 'terser',
      terserOptions: { compress: { passes: 3, pure_getters: true }, ecma: 2020 },
    },

  }),
  zip: {
    // Firefox reviewers rebuild from the sources zip; keep tests, outputs and locks of other tools out.
    excludeSources: ['.output/**', '.output-e2e/**', 'tests/e2e/artifacts/**', 'docs/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome plays chimes from an offscreen document; Firefox's event page plays them itself.
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'idle', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Asked for only from a click in Settings ("show the timer on the page I'm on"), so a reminder's
    // Start can reach the page; nothing is requested at install.
    optional_host_permissions: ['<all_urls>'],
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
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learnt data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

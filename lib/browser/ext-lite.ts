import type { browser as polyfilled } from 'wxt/browser';

/**
 * The extension API without webextension-polyfill, for code that ends up in the page overlay.
 * The overlay must stay within its gzipped size budget (BUDGET in tests/bench/bench.ts) and only needs storage, runtime messaging and i18n, which
 * both browsers' MV3 `chrome`/`browser` namespaces already expose with promises. Everything else
 * (background, extension pages) goes through `wxt/browser`, the polyfilled API.
 */
type Api = typeof polyfilled;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

export const ext: Api = (scope.browser ?? scope.chrome)!;

import { followTheme, schemeOf } from './theme';

import { THEME_CACHE_KEY as CACHE_KEY } from '../storage/keys';

/**
 * For extension pages: applies the theme to <html>. The scheme is also kept in the extension's own
 * localStorage, which answers synchronously, so the next page's first paint is already in the chosen
 * theme; the synced setting stays the source of truth and wins once read. (The overlay cannot do this: a
 * content script's localStorage is the page's.)
 */
export function followPageTheme(root: HTMLElement = document.documentElement): void {
  try {
    root.style.colorScheme = schemeOf(localStorage.getItem(CACHE_KEY));
    new MutationObserver(() => localStorage.setItem(CACHE_KEY, root.style.colorScheme)).observe(root, {
      attributeFilter: ['style'],
    });
  } catch {
    // Storage disabled: the synced read below still applies the theme, a moment later.
  }
  // The synced read waits for the task after the first render, so it never delays the popup's start.
  setTimeout(() => followTheme(root));
}

import type { jsx as Jsx, Fragment as FragmentType } from 'preact/jsx-runtime';
import type { useState as UseState } from 'preact/hooks';

/**
 * The overlay's own Preact, which it shares on a global of the content script's isolated world (never the
 * page's). Parts injected later (overlay-parts.js) are built with `preact`, `preact/hooks` and
 * `preact/jsx-runtime` pointing here (see wxt.config.ts), so their hooks and elements belong to the
 * renderer that shows them: a second copy of Preact would not run their hooks. A part that needs more of
 * Preact than this fails to build rather than bundling a copy.
 */
export interface SharedPreact {
  jsx: typeof Jsx;
  Fragment: typeof FragmentType;
  useState: typeof UseState;
}

declare global {
  var rollbreakPreact: SharedPreact | undefined;
}

const shared = globalThis.rollbreakPreact!;
export const jsx = shared.jsx;
export const jsxs = shared.jsx;
export const Fragment = shared.Fragment;
export const useState = shared.useState;
export const jsxDEV = shared.jsx;

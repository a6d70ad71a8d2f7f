import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Fragment, jsx } from 'preact/jsx-runtime';
import { useState } from 'preact/hooks';
import { mountOverlay } from '../components/mount-overlay';

declare global {
  // Set by the first injection, so a second injection into the same page shows the existing timer, and
  // the "Focus the timer" command can move focus into it.
  var rollbreakShowOverlay: ((focus?: boolean) => boolean) | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.rollbreakShowOverlay) {
    globalThis.rollbreakShowOverlay();
    return;
  }
  // For the rarely shown parts injected later (overlay-parts.js): they render with this Preact.
  globalThis.rollbreakPreact = { jsx, Fragment, useState };
  globalThis.rollbreakShowOverlay = mountOverlay();
});

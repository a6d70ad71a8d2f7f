import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Fragment, jsx } from 'preact/jsx-runtime';
import { useState } from 'preact/hooks';
import { mountOverlay } from '../components/timer/mount-overlay';

declare global {
  // Set by the first injection, so a second injection into the same page shows the existing timer, and
  // the "Focus the timer" command can move focus into it.
  var rollbreakShowOverlay: ((focus?: boolean) => boolean) | undefined;
}

// Answers `true` once the timer is on the page: the background's injectTimer reads that answer, since a
// document that can't hold the timer (an SVG image) runs this script and throws, which Chrome doesn't report.
export default defineUnlistedScript((): true => {
  if (globalThis.rollbreakShowOverlay) {
    globalThis.rollbreakShowOverlay();
    return true;
  }
  // For the rarely shown parts injected later (overlay-parts.js): they render with this Preact.
  globalThis.rollbreakPreact = { jsx, Fragment, useState };
  globalThis.rollbreakShowOverlay = mountOverlay();
  return true;
});

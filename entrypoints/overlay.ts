import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountOverlay } from '../components/mount-overlay';

declare global {
  // Set by the first injection, so a second injection into the same page shows the existing timer.
  var rollbreakShowOverlay: (() => void) | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.rollbreakShowOverlay) globalThis.rollbreakShowOverlay();
  else globalThis.rollbreakShowOverlay = mountOverlay();
});

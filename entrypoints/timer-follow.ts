import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { send } from '../lib/messaging/send';

/**
 * Registered for every page only while a break runs and the user allows every site (see
 * lib/background/follow-timer.ts): tells the background a page is ready, and the background puts the
 * timer back if this tab is the break's. Tiny on purpose: it runs on each page load during a break.
 */
export default defineUnlistedScript(() => {
  if (!globalThis.rollbreakShowOverlay) void send({ type: 'timerPage', event: 'ready' }).catch(() => undefined);
});

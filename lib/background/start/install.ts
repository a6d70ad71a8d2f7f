import { browser } from 'wxt/browser';
import { logFailure } from '../log-failure';

/** First install: the welcome page (how it works, the reminders question, safety). E2E builds skip it. */
export function registerInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' && !import.meta.env.ROLLBREAK_E2E) {
      browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(logFailure('welcome page'));
    }
  });
}

import { browser } from 'wxt/browser';
import { logFailure } from '../log-failure';
import { noteUpdate } from './whats-new';

/**
 * First install: the welcome page (how it works, the reminders question, safety). E2E builds skip it.
 * An update: the popup says once what is new.
 */
export function registerInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    noteUpdate(reason, browser.runtime.getManifest().version).catch(logFailure("what's new"));
    if (reason === 'install' && !import.meta.env.ROLLBREAK_E2E) {
      browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(logFailure('welcome page'));
    }
  });
}

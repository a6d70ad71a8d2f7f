import { browser } from 'wxt/browser';
import { popupPageFor, shippedLocaleFor } from '../../i18n/locales';
import { logFailure } from '../log-failure';

/**
 * Chrome: the toolbar button opens the popup pre-rendered in the person's language (`popup-<locale>.html`,
 * written by the build), so its first frame is already in that language. The browser picks the extension's
 * messages by its UI language, which changes only with a restart: pointing the button again at every
 * install, update and browser start follows it. Firefox keeps the manifest's popup, rendered by script.
 */
export function registerPopupPage(): void {
  if (import.meta.env.FIREFOX) return;
  const point = () => {
    const popup = popupPageFor(shippedLocaleFor(browser.i18n.getMessage('@@ui_locale')));
    browser.action.setPopup({ popup }).catch(logFailure('popup page'));
  };
  browser.runtime.onInstalled.addListener(point);
  browser.runtime.onStartup.addListener(point);
}

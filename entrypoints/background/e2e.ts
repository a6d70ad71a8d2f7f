import { browser } from 'wxt/browser';

/**
 * E2E builds only: Firefox's WebDriver BiDi cannot navigate to moz-extension:// pages, but it can drive
 * a page the extension opens itself. Opening the popup page in a popup-type window exercises the same
 * code as the toolbar popup, which acts on the last-focused normal window's active tab.
 */
export async function openE2ePage(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL('/popup.html'), type: 'popup', width: 360, height: 600 });
}

import { browser } from 'wxt/browser';

/**
 * Runs the timer script (entrypoints/overlay.ts) in a tab's top frame. The script answers `true` once the
 * timer is on the page. The script running is not enough: a document the timer can't live in (an SVG
 * image or an XML file opened in the tab) runs it and fails, and Chrome does not report that as an error.
 * Resolves with the injection (its documentId included) only when the timer is there; otherwise rejects,
 * as for a page that can't be scripted at all, so the caller opens the timer window instead.
 */
export async function injectTimer(tabId: number): Promise<{ documentId?: string }> {
  const [injected] = await browser.scripting.executeScript({ target: { tabId }, files: ['/overlay.js'] });
  if (injected?.result !== true) throw new Error('The timer could not be shown in this document.');
  return injected;
}

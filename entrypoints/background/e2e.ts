import { browser } from 'wxt/browser';
import { serial } from '../../lib/background/serial';

/**
 * E2E builds only: Firefox's WebDriver BiDi cannot navigate to moz-extension:// pages, but it can drive
 * a page the extension opens itself. Opening the popup page in a popup-type window exercises the same
 * code as the toolbar popup, which acts on the last-focused normal window's active tab.
 */
export async function openE2ePage(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL('/popup.html'), type: 'popup', width: 360, height: 600 });
}

/**
 * E2E builds only: counts what woke the background, for `npm run bench` (wake-ups per idle hour). Each
 * alarm is a wake-up of a worker that would otherwise sleep; `starts` counts fresh worker starts.
 */
const queue = serial();
export function countWake(kind: string): Promise<void> {
  return queue(async () => {
    const { e2eWakes = {} } = (await browser.storage.local.get('e2eWakes')) as { e2eWakes?: Record<string, number> };
    e2eWakes[kind] = (e2eWakes[kind] ?? 0) + 1;
    await browser.storage.local.set({ e2eWakes });
  });
}

import { browser } from 'wxt/browser';
import { serial } from '../serial';
import { e2eFailItem, e2eWakesItem } from '../../storage/items';
import type { Handler, Handlers } from '../../messaging/register';
import type { RequestType } from '../../messaging/protocol';

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
const queue = serial('e2e');
export function countWake(kind: string): Promise<void> {
  return queue(async () => {
    const e2eWakes = await e2eWakesItem.getValue();
    await e2eWakesItem.setValue({ ...e2eWakes, [kind]: (e2eWakes[kind] ?? 0) + 1 });
  });
}

/**
 * E2E builds only (the entrypoint calls this behind ROLLBREAK_E2E, so production builds drop it): counts
 * every start and alarm of the background and opens the popup page in Firefox after install. Each feature
 * adds its own test requests and hooks (the reminders' `globalThis.rollbreakE2e.seedReminderState`).
 */
export function registerE2e(): void {
  browser.alarms.onAlarm.addListener((alarm) => void countWake(`alarm:${alarm.name}`));
  if (import.meta.env.FIREFOX) browser.runtime.onInstalled.addListener(() => void openE2ePage());
  void countWake('start');
}

/**
 * E2E builds only: every handler first looks at `local:e2eFail` and throws, like any handler that runs into
 * trouble, when a test listed its request there. The tests see the error reach the page through the one
 * error channel, in both browsers.
 */
export function failOnDemand(handlers: Handlers): Handlers {
  const wrapped: Handlers = {};
  for (const [type, handler] of Object.entries(handlers) as Array<[RequestType, Handler<RequestType>]>) {
    (wrapped as Record<string, Handler<RequestType>>)[type] = async (...args) => {
      if ((await e2eFailItem.getValue()).includes(type)) throw new Error(`Rollbreak E2E: "${type}" was made to fail`);
      return handler(...args);
    };
  }
  return wrapped;
}

import { fakeBrowser } from 'wxt/testing';
import type { Answer, Protocol, RequestType } from '../../lib/messaging/protocol';

/**
 * Delivers a request to the listeners registered on WXT's fakeBrowser as the browser would: with a sender.
 * (fakeBrowser's own sendMessage passes an empty sender, which the background rightly refuses.)
 */
async function deliver<K extends RequestType>(request: { type: K } & Protocol[K]['body'], sender: object): Promise<Answer<K>> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(request, sender);
  return answers.find((a: unknown) => a !== undefined) as Answer<K>;
}

export const EXTENSION_PAGE = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/log.html'), tab: { id: 7, url: fakeBrowser.runtime.getURL('/log.html') } });
export const TIMER_ON_PAGE = () => ({ id: fakeBrowser.runtime.id, url: 'https://example.com/article', tab: { id: 3, url: 'https://example.com/article' } });

/** A request from one of the extension's pages (history, settings, popup). */
export const sendFromPage = <K extends RequestType>(request: { type: K } & Protocol[K]['body']) => deliver(request, EXTENSION_PAGE());

/** A request from the timer injected into a web page. */
export const sendFromTimer = <K extends RequestType>(request: { type: K } & Protocol[K]['body']) => deliver(request, TIMER_ON_PAGE());

/**
 * Makes `runtime.sendMessage` from code under test (a page component) arrive as a page's request, for
 * component tests that run the page and the background's handlers side by side.
 */
export function sendMessagesAsPage(): void {
  fakeBrowser.runtime.sendMessage = ((message: { type: RequestType }) => deliver(message as never, EXTENSION_PAGE())) as typeof fakeBrowser.runtime.sendMessage;
}

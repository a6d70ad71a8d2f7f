import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as v from 'valibot';
import { REQUESTS, type Answer, type Protocol, type RequestType } from '../../lib/messaging/protocol';
import { send } from '../../lib/messaging/send';

/**
 * The message channel between a page and the background's listeners registered on WXT's fakeBrowser, as
 * each browser really carries it. The background's listener is wrapped by webextension-polyfill in both
 * browsers; pages send with the browser's own `runtime.sendMessage`:
 * - **Chrome** (the polyfill's wrapper is active): a listener's promise that resolves is answered with its
 *   value, JSON-serialised; one that rejects is answered, as an ordinary value, with
 *   `{ __mozWebExtensionPolyfillReject__: true, message }`.
 * - **Firefox** (native `browser`, the polyfill does nothing): a listener's rejection rejects the sender's
 *   promise with an Error of the same message; values are structured-cloned.
 * - Both: when no listener answers, the sender's promise rejects with "Could not establish connection.
 *   Receiving end does not exist."
 *
 * `send` (lib/messaging/send.ts) is the one adapter that reads all of these; the double is how unit tests
 * reach the background through it, in either browser's wire format (`wire`, Chrome by default).
 */
export type Wire = 'chrome' | 'firefox';
let wire: Wire = 'chrome';

/** Which browser's wire format the double speaks from now on (tests reset it in `afterEach`). */
export function useWire(kind: Wire): void {
  wire = kind;
}

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** What a raw `runtime.sendMessage` resolves with (or rejects with) in the chosen browser. */
export async function rawSend(message: unknown, sender: object): Promise<unknown> {
  let answers: unknown[];
  try {
    answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  } catch (err) {
    const text =
      err instanceof Error || typeof (err as { message?: unknown })?.message === 'string'
        ? (err as Error).message
        : 'An unexpected error occurred';
    if (wire === 'chrome') return { __mozWebExtensionPolyfillReject__: true, message: text };
    throw new Error(text);
  }
  const answer = answers.find((a) => a !== undefined);
  if (answer === undefined) throw new Error(NO_RECEIVER);
  return wire === 'chrome' ? JSON.parse(JSON.stringify(answer)) : structuredClone(answer);
}

export const EXTENSION_PAGE = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/log.html'),
  tab: { id: 7, url: fakeBrowser.runtime.getURL('/log.html') },
});
export const TIMER_ON_PAGE = () => ({
  id: fakeBrowser.runtime.id,
  url: 'https://example.com/article',
  tab: { id: 3, url: 'https://example.com/article' },
});

/** Routes `runtime.sendMessage` of code under test (`send`, pages) to the listeners, as from `sender`. */
function sendAs(sender: () => object): void {
  fakeBrowser.runtime.sendMessage = ((message: unknown) => rawSend(message, sender())) as typeof fakeBrowser.runtime.sendMessage;
}

/** Delivers one request through `send`, as from `sender`; a successful answer is held to its schema. */
async function deliver<K extends RequestType>(
  request: { type: K } & Protocol[K]['body'],
  sender: () => object,
): Promise<Answer<K>> {
  sendAs(sender);
  const answer = await send(request);
  const schema: v.GenericSchema = REQUESTS[request.type].answer;
  const checked = v.safeParse(schema, answer);
  if (!checked.success) throw new Error(`"${request.type}" answered outside its schema: ${v.summarize(checked.issues)}`);
  return answer;
}

/** A request from one of the extension's pages (history, settings, popup). */
export const sendFromPage = <K extends RequestType>(request: { type: K } & Protocol[K]['body']) =>
  deliver(request, EXTENSION_PAGE);

/** A request from the timer injected into a web page. */
export const sendFromTimer = <K extends RequestType>(request: { type: K } & Protocol[K]['body']) =>
  deliver(request, TIMER_ON_PAGE);

/**
 * Makes `runtime.sendMessage` from code under test (a page component) arrive as a page's request, for
 * component tests that run the page and the background's handlers side by side.
 */
export function sendMessagesAsPage(): void {
  sendAs(EXTENSION_PAGE);
}

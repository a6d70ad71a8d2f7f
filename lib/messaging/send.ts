import { ext } from '../browser/ext-lite';
import type { Answer, Protocol, RequestType } from './protocol';
import { toRequestError, type Reply } from './request-error';

/**
 * Sends one request of the protocol and resolves with its typed answer; a failure, whichever browser and
 * wire format it came in (request-error.ts), rejects with a RequestError. Built on the browsers' own
 * promise-based `runtime.sendMessage` (no polyfill), so the timer over a page can use it at almost no cost.
 */
export function send<K extends RequestType>(request: { type: K } & Protocol[K]['body']): Promise<Answer<K>> {
  return ext.runtime
    .sendMessage(request)
    .catch((err: unknown) => err)
    .then((reply: Reply<Answer<K>> | undefined) => (reply?.ok ? reply.value : Promise.reject(toRequestError(reply))));
}

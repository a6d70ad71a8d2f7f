import { ext } from '../browser/ext-lite';
import type { Answer, Protocol, RequestType } from './protocol';

/**
 * Sends one request of the protocol and resolves with its typed answer; rejects with the receiver's error.
 * Built on the browsers' own promise-based `runtime.sendMessage` (no polyfill), so the timer over a page
 * can use it at almost no cost.
 */
export function send<K extends RequestType>(request: { type: K } & Protocol[K]['body']): Promise<Answer<K>> {
  return ext.runtime.sendMessage(request) as Promise<Answer<K>>;
}

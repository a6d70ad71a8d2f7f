import { browser } from 'wxt/browser';
import type { Answer, Request, RequestType, SenderInfo, SenderKind } from './protocol';
import { checkRequest, senderKind } from './protocol';

export type Handler<K extends RequestType> = (request: Request<K>, from: SenderKind, sender: SenderInfo) => Promise<Answer<K>> | Answer<K>;
export type Handlers = { [K in RequestType]?: Handler<K> };

/**
 * Registers one `runtime.onMessage` listener that answers the requests in `handlers`, after checking who
 * sent them (see REQUESTS in protocol.ts). A context registers once, synchronously at start-up.
 *
 * `owner: true` is for the background, which owns every request it handles: anything it does not handle, or
 * does not accept from that sender, gets a clear error. Other contexts (the offscreen document) answer their
 * own requests and stay silent on the rest, which are the background's to answer.
 */
export function registerHandlers(handlers: Handlers, { owner, onRequest }: { owner: boolean; onRequest?(type: RequestType): void }): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    const handles = typeof type === 'string' && Object.hasOwn(handlers, type);
    if (!owner && !handles) return undefined;
    const from = senderKind(sender ?? {}, browser.runtime.id, origin);
    const verdict = checkRequest(message, from);
    if (verdict.ok === 'not-ours') return undefined;
    if (verdict.ok === false) return Promise.reject(new Error(verdict.error));
    if (!handles) {
      // The chime is the offscreen document's to answer; the background has nothing to say about it.
      return verdict.request.type === 'chime' ? undefined : Promise.reject(new Error(`Rollbreak: "${verdict.request.type}" has no handler.`));
    }
    const handler = handlers[verdict.request.type] as Handler<RequestType>;
    onRequest?.(verdict.request.type);
    return Promise.resolve(handler(verdict.request, from, sender ?? {}));
  });
}

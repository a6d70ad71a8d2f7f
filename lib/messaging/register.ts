import { browser } from 'wxt/browser';
import type { Answer, Request, RequestType, SenderInfo, SenderKind } from './protocol';
import { checkRequest, senderKind } from './protocol';
import { toFailure, type Failure, type Reply } from './request-error';

export type Handler<K extends RequestType> = (
  request: Request<K>,
  from: SenderKind,
  sender: SenderInfo,
) => Promise<Answer<K>> | Answer<K>;
export type Handlers = { [K in RequestType]?: Handler<K> };

const refused = (message: string): Promise<Reply> =>
  Promise.resolve({ ok: false, error: { code: 'refused', message } satisfies Failure });

/** Runs a handler and answers explicitly, so a failure travels as data, the same in both browsers. */
async function answer(type: RequestType, run: () => unknown): Promise<Reply> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    console.error(`Rollbreak: "${type}" failed`, err);
    return { ok: false, error: toFailure(err) };
  }
}

/**
 * Registers one `runtime.onMessage` listener that answers the requests in `handlers`, after checking who
 * sent them (see REQUESTS in protocol.ts). A context registers once, synchronously at start-up.
 *
 * Every answer is a Reply (request-error.ts): `{ ok: true, value }`, or `{ ok: false, error }` when the
 * handler threw or the request is refused. The listener never rejects: webextension-polyfill would turn a
 * rejection into an ordinary answer in Chrome (`{ __mozWebExtensionPolyfillReject__ }`) but a rejection in
 * Firefox, and pages send without the polyfill.
 *
 * `owner: true` is for the background, which owns every request it handles: anything it does not handle, or
 * does not accept from that sender, gets a clear error. Other contexts (the offscreen document) answer their
 * own requests and stay silent on the rest, which are the background's to answer.
 */
export function registerHandlers(
  handlers: Handlers,
  { owner, onRequest }: { owner: boolean; onRequest?(type: RequestType): void },
): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    const handles = typeof type === 'string' && Object.hasOwn(handlers, type);
    if (!owner && !handles) return undefined;
    const from = senderKind(sender ?? {}, browser.runtime.id, origin);
    const verdict = checkRequest(message, from);
    if (verdict.ok === 'not-ours') return undefined;
    if (verdict.ok === false) return refused(verdict.error);
    if (!handles) {
      // The chime is the offscreen document's to answer; the background has nothing to say about it.
      return verdict.request.type === 'chime' ? undefined : refused(`Rollbreak: "${verdict.request.type}" has no handler.`);
    }
    const handler = handlers[verdict.request.type] as Handler<RequestType>;
    onRequest?.(verdict.request.type);
    return answer(verdict.request.type, () => handler(verdict.request, from, sender ?? {}));
  });
}

import { registerHandlers, type Handlers } from '../messaging/register';
import type { RequestType } from '../messaging/protocol';

/**
 * The background's one message registrar. Each feature adds the requests it answers (its `register.ts`), and
 * the background's entrypoint then registers the one `runtime.onMessage` listener, synchronously at start-up.
 * The protocol and who may send what: lib/messaging.
 */
const handlers: Handlers = {};

/** A feature's request handlers. A request type has one handler: a second, different one is a mistake. */
export function handleRequests(more: Handlers): void {
  for (const [type, handler] of Object.entries(more)) {
    const known = (handlers as Record<string, unknown>)[type];
    if (known !== undefined && known !== handler) throw new Error(`Rollbreak: two handlers for "${type}".`);
  }
  Object.assign(handlers, more);
}

/** Registers the listener that answers every request the features added (E2E builds count each one). */
export function registerRequests(
  options: { onRequest?(type: RequestType): void; wrap?(handlers: Handlers): Handlers } = {},
): void {
  registerHandlers(options.wrap ? options.wrap(handlers) : handlers, { owner: true, onRequest: options.onRequest });
}

/**
 * The one error channel between the background and every page: a handler's failure reaches the sender as a
 * `RequestError` with a code, in Chrome and in Firefox alike. The background answers every request
 * explicitly, `{ ok: true, value }` or `{ ok: false, error: { code, message } }` (register.ts), so both
 * browsers carry the same answer; `send` (send.ts) turns it back into a value or a thrown RequestError.
 *
 * This file has no dependencies: `send` ships in the timer over a page, whose every byte counts.
 */

/**
 * Why a request failed. Pages word each code in messages.json (`requestError_<code>`,
 * lib/messaging/request-problem.ts); `message` is the English detail, for the console only.
 * - `refused`: not a request the background accepts from this sender (or malformed).
 * - `quota`: the browser's storage is full, or its write limit was reached.
 * - `failed`: the handler ran into anything else.
 * - `unreachable`: nothing answered (the background is gone: the extension was updated or reloaded).
 */
export type ErrorCode = 'refused' | 'quota' | 'failed' | 'unreachable';

/** A request's failure as it travels: plain data, so it survives both browsers' message cloning. */
export interface Failure {
  code: ErrorCode;
  message: string;
}

/** The background's answer to a request, on the wire. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: Failure };

export class RequestError extends Error {
  declare code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message);
    this.code = code;
  }
}

/** A failure as the background sends it: a handler may throw a RequestError to choose the code. */
export function toFailure(err: unknown): Failure {
  if (err instanceof RequestError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  // Chrome: "QUOTA_BYTES quota exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE"; IndexedDB: QuotaExceededError.
  return { code: /quota|MAX_WRITE_OPERATIONS/i.test(message) ? 'quota' : 'failed', message };
}

/**
 * The error a sender sees for anything but `{ ok: true }`: the background's explicit failure, or what the
 * browsers make of a listener that rejected without one (webextension-polyfill answers Chrome's raw
 * sendMessage with `{ __mozWebExtensionPolyfillReject__: true, message }`; Firefox rejects), or no answer
 * at all ("Receiving end does not exist", in both browsers, when nothing listens).
 */
export function toRequestError(reply: unknown): RequestError {
  const failure = (reply as { error?: Failure } | undefined)?.error ?? (reply as Partial<Failure> | undefined);
  const message = failure?.message;
  return new RequestError(failure?.code ?? (reply && !/Receiving end/.test(message!) ? 'failed' : 'unreachable'), message);
}

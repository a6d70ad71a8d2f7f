import type { MessageKey } from '../i18n';
import { t } from '../i18n';
import { RequestError, type ErrorCode } from './request-error';

const WORDS: Record<ErrorCode, MessageKey> = {
  refused: 'requestError_refused',
  quota: 'requestError_quota',
  failed: 'requestError_failed',
  unreachable: 'requestError_unreachable',
};

/**
 * Why a request failed, in the person's words: one sentence for the RequestError's code, which pages put
 * after their own lead ("Couldn't start the break: …"). Anything else a page's own work threw counts as
 * `failed`; the English detail goes to the console, not the screen.
 */
export function requestProblem(err: unknown): string {
  console.warn('Rollbreak: a request failed', err);
  return t(WORDS[err instanceof RequestError ? err.code : 'failed']);
}

/** A page's lead with the reason filled in: `failedText('startFailed', err)`. */
export const failedText = (lead: MessageKey, err: unknown): string => t(lead, requestProblem(err));

import { browser } from 'wxt/browser';
import type { Answer, Request, SenderInfo, SenderKind } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { dispatch } from '../break/session-service';
import { showTimer } from './show-timer';
import { openTimerWindow } from './timer-window';
import { onTimerPage, timerShownIn } from './follow-timer';

/** The timer's rarely shown parts (done screen, pill), injected into the frame that asks for them. */
async function overlayPart(_request: Request<'overlayPart'>, _from: SenderKind, sender: SenderInfo): Promise<Answer<'overlayPart'>> {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/overlay-parts.js'] });
  }
  return {};
}

/** The timer on pages: show it again, in its window, follow the break to the next page, and its late parts. */
export const timerRequests: Handlers = {
  showTimer: async () => {
    const state = await dispatch({ type: 'tick' });
    return { state, timer: await showTimer() };
  },
  showWindow: async () => {
    await timerShownIn(null);
    await openTimerWindow();
    return { timer: 'window' };
  },
  timerPage: async ({ event }, _from, sender) => {
    await onTimerPage(sender.tab?.id, event, sender.documentId);
    return {};
  },
  overlayPart,
};

/** The timer on pages has no listeners of its own: the running break keeps its follow script in step. */
export function registerTimerFeature(): void {
  handleRequests(timerRequests);
}

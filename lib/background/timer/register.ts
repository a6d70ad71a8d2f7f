import type { Answer, Request, SenderInfo, SenderKind } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { dispatch } from '../session-service';
import { showTimer } from '../show-timer';
import { openTimerWindow } from '../timer-window';
import { onTimerPage, timerShownIn } from '../follow-timer';
import { injectPart } from '../inject-timer';
import { sessionItem } from '../../storage/items';
import { pictureKey } from '../../pictures/keys';

/**
 * The timer's parts (the picture frame, done screen, pill) with the picture of the step on screen, or a
 * later step's picture, injected into the frame that asks.
 */
async function overlayPart(
  { picture }: Request<'overlayPart'>,
  _from: SenderKind,
  sender: SenderInfo,
): Promise<Answer<'overlayPart'>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return {};
  let along: string[] = [];
  if (picture === undefined) {
    const session = await sessionItem.getValue();
    const step = session.status !== 'idle' && session.plan.steps[session.stepIndex];
    if (step) along = [pictureKey(step.area, session.plan.tool)];
  }
  await injectPart(tabId, sender.frameId ?? 0, picture, along);
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

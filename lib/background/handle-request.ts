import type { Request, Response } from '../messages';
import type { SessionEvent } from '../session/types';
import { MOMENTS } from '../routines/moments';
import { sessionItem, settingsItem } from '../storage-items';
import { planFor } from './plan-for';
import { dispatch } from './session-service';
import { showTimer } from './show-timer';

/** Answers one request from the popup, overlay or timer window. */
export async function handleRequest(request: Request): Promise<Response> {
  switch (request.type) {
    case 'start': {
      const plan = await planFor(request.choice);
      const state = await dispatch({ type: 'start', id: crypto.randomUUID(), plan });
      return { state, timer: await showTimer() };
    }
    case 'showTimer': {
      const state = await dispatch({ type: 'tick' });
      return { state, timer: await showTimer() };
    }
    case 'session': {
      const { event } = request;
      let full: SessionEvent;
      if (event.type === 'holdStart' || event.type === 'holdRestart') {
        const [{ holdSeconds }, session] = await Promise.all([settingsItem.getValue(), sessionItem.getValue()]);
        // A pre-workout break keeps holds short; the user's setting applies within the moment's limit.
        const limit = session.status === 'idle' ? holdSeconds : MOMENTS[session.plan.moment].maxHoldSeconds;
        full = { type: event.type, seconds: Math.min(holdSeconds, limit) };
      } else {
        full = event;
      }
      return { state: await dispatch(full) };
    }
  }
}

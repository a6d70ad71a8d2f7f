import type { Request, Response } from '../messages';
import type { SessionEvent } from '../session/types';
import { defaultPlan } from '../routines/default-plan';
import { settingsItem } from '../storage-items';
import { dispatch } from './session-service';
import { showTimer } from './show-timer';

/** Answers one request from the popup, overlay or timer window. */
export async function handleRequest(request: Request): Promise<Response> {
  switch (request.type) {
    case 'start': {
      const state = await dispatch({ type: 'start', id: crypto.randomUUID(), plan: defaultPlan() });
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
        const { holdSeconds } = await settingsItem.getValue();
        full = { type: event.type, seconds: holdSeconds };
      } else {
        full = event;
      }
      return { state: await dispatch(full) };
    }
  }
}

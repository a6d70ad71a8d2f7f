import type { Answer, Request } from '../../messaging/protocol';
import type { SessionEvent } from '../../session/types';
import { MOMENTS } from '../../routines/moments';
import { sessionItem } from '../../storage/items';
import { dispatch } from '../session-service';
import { getSettings } from '../settings-service';

/**
 * A person's press on the timer (or its shortcut), with the hold length filled in from settings within the
 * moment's limit: a pre-workout break keeps holds short.
 */
export async function applyUserEvent({ event }: Pick<Request<'session'>, 'event'>): Promise<Answer<'session'>> {
  let full: SessionEvent;
  if (event.type === 'holdStart' || event.type === 'holdRestart') {
    const [{ holdSeconds }, session] = await Promise.all([getSettings(), sessionItem.getValue()]);
    const limit = session.status === 'idle' ? holdSeconds : MOMENTS[session.plan.moment].maxHoldSeconds;
    full = { type: event.type, seconds: Math.min(holdSeconds, limit) };
  } else {
    full = event;
  }
  return { state: await dispatch(full) };
}

import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { addE2eHooks } from '../e2e-hooks';
import type { Request } from '../../messaging/protocol';
import { ageSession, followSession, registerSession } from '../session-service';
import { onCommand, registerCommands } from './commands';
import { announce } from './announce';
import { startBreak } from '../start-break';
import { applyUserEvent } from './user-event';
import { answerCheckIn } from './check-in';

/** The running break's requests: start one, a person's presses on its timer, and the done screen's check-in. */
export const breakRequests: Handlers = {
  start: ({ choice }) => startBreak(choice, 'active-tab'),
  session: applyUserEvent,
  checkIn: answerCheckIn,
};

/** E2E builds only: a test reaches the same handler a keyboard shortcut reaches, and moves a break's clock. */
export const e2eBreakRequests: Handlers = {
  'e2e:command': async ({ command }: Request<'e2e:command'>) => {
    await onCommand(command);
    return {};
  },
  'e2e:age': async ({ seconds }: Request<'e2e:age'>) => {
    await ageSession(seconds * 1000);
    return {};
  },
};

/**
 * The running break: its alarm and catch-up on every start, its chime and voice at each transition, the
 * keyboard shortcuts, and its requests.
 */
export function registerBreakFeature(): void {
  followSession('announce', announce);
  registerSession();
  registerCommands();
  handleRequests(breakRequests);
  if (import.meta.env.ROLLBREAK_E2E) {
    handleRequests(e2eBreakRequests);
    addE2eHooks({ ageSession });
  }
}

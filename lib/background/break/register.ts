import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { registerSession } from './session-service';
import { registerCommands } from './commands';
import { startBreak } from './start-break';
import { applyUserEvent } from './user-event';
import { answerCheckIn } from './check-in';

/** The running break's requests: start one, a person's presses on its timer, and the done screen's check-in. */
export const breakRequests: Handlers = {
  start: ({ choice }) => startBreak(choice, 'active-tab'),
  session: applyUserEvent,
  checkIn: answerCheckIn,
};

/** The running break: its alarm and catch-up on every start, the keyboard shortcuts, and its requests. */
export function registerBreakFeature(): void {
  registerSession();
  registerCommands();
  handleRequests(breakRequests);
}

import { handleRequests, registerRequests } from '../../lib/background/requests';
import { breakRequests } from '../../lib/background/break/register';
import { timerRequests } from '../../lib/background/timer/register';
import { reminderRequests } from '../../lib/background/reminders/register';
import { dataRequests } from '../../lib/background/data/register';
import { settingsRequests } from '../../lib/background/settings/register';

/**
 * Every request the background answers, through its one listener, as the features register them, but
 * without the features' other listeners (alarms, storage changes): what a unit test of a page needs.
 */
export function registerAllRequests(): void {
  for (const handlers of [breakRequests, timerRequests, reminderRequests, dataRequests, settingsRequests])
    handleRequests(handlers);
  registerRequests();
}

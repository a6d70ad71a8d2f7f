import type { Request } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { onNotificationButton, onNotificationClicked } from '../reminders/reminder-actions';
import { onCommand } from '../break/commands';
import { registerInstall } from './install';
import { registerE2e } from './e2e';
import { whatsNewSeen } from './whats-new';

/** E2E builds only: tests reach the same handlers a click on a notification or a shortcut reaches. */
export const e2eRequests: Handlers = {
  'e2e:notification': async ({ id, button }: Request<'e2e:notification'>) => {
    if (button === undefined) await onNotificationClicked(id);
    else await onNotificationButton(id, button);
    return {};
  },
  'e2e:command': async ({ command }: Request<'e2e:command'>) => {
    await onCommand(command);
    return {};
  },
};

/** After an update: the popup's "what's new" line, dismissed. */
export const startRequests: Handlers = { 'whatsNew:seen': whatsNewSeen };

/**
 * Install and start: the welcome page on first install, the "what's new" flag after an update; in E2E builds,
 * the wake-up counter and test requests.
 */
export function registerStartFeature(): void {
  registerInstall();
  handleRequests(startRequests);
  if (import.meta.env.ROLLBREAK_E2E) {
    registerE2e();
    handleRequests(e2eRequests);
  }
}

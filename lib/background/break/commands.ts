import { browser } from 'wxt/browser';
import { commandEvent } from '../../session/commands';
import { sessionItem } from '../../storage/items';
import { applyUserEvent } from './user-event';
import { focusTimer } from '../show-timer';
import { startBreak } from '../start-break';
import { logFailure } from '../log-failure';

/**
 * The keyboard shortcuts. Each grants activeTab, like a click on the toolbar button, so Start and Focus
 * can reach the page; Pause/Resume and Knot hold act on the running break wherever its timer is.
 */
export async function onCommand(command: string): Promise<void> {
  if (command === 'start-break') {
    await startBreak(undefined, 'active-tab');
    return;
  }
  const session = await sessionItem.getValue();
  if (command === 'focus-timer') {
    if (session.status !== 'idle') await focusTimer();
    return;
  }
  const event = commandEvent(command, session);
  // Through the same path as the timer's buttons, so a hold gets the user's length within the moment's limit.
  if (event) await applyUserEvent({ event });
}

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command) => void onCommand(command).catch(logFailure(`shortcut ${command}`)));
}

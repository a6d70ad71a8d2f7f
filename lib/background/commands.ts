import { browser } from 'wxt/browser';
import { startBreak } from './start-break';
import { logFailure } from './log-failure';

/** Keyboard shortcuts. Like a click on the toolbar button, a shortcut grants activeTab for the page. */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === 'start-break') startBreak(undefined, 'active-tab').catch(logFailure('shortcut start'));
  });
}

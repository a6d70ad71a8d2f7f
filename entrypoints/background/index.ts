import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isRequest } from '../../lib/messages';
import { handleRequest } from '../../lib/background/handle-request';
import { dispatch } from '../../lib/background/session-service';
import { SESSION_ALARM } from '../../lib/background/alarm';
import { openE2ePage } from './e2e';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isRequest(message)) return undefined;
    return handleRequest(message);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SESSION_ALARM) void dispatch({ type: 'tick' });
  });

  browser.runtime.onInstalled.addListener(() => {
    // Chromium tests open pages themselves through the worker; Firefox's driver cannot.
    if (import.meta.env.ROLLBREAK_E2E && import.meta.env.FIREFOX) void openE2ePage();
  });

  // Every wake (start-up, install, alarm, message) rebuilds from storage: catch the session up to now
  // and recreate its alarm and badge, which a browser restart clears.
  void dispatch({ type: 'tick' });
});

import { browser } from 'wxt/browser';

export const SESSION_ALARM = 'session-tick';

/** Keeps exactly one session alarm, at the next moment anything changes; none when nothing is due. */
export async function scheduleSessionAlarm(when: number | null): Promise<void> {
  if (when === null) {
    await browser.alarms.clear(SESSION_ALARM);
    return;
  }
  await browser.alarms.create(SESSION_ALARM, { when });
}

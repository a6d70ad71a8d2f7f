import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPage, hrefOf, launchFirefox, waitFor, type FirefoxRun } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';

type Ext = {
  notifications: { getAll(): Promise<Record<string, unknown>> };
  storage: {
    sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    local: { get(k: string): Promise<Record<string, unknown>> };
  };
  runtime: { sendMessage(m: object): Promise<unknown> };
};

/**
 * Firefox hangs under libfaketime, so instead of speeding the clock up this test hands the background a
 * reminder record whose count began 25 minutes ago, then sets a 20-minute interval: the settings change
 * wakes the real scheduler, which finds the reminder due and shows it through the real notification path.
 * (The Chromium test runs the same reminder through real alarms on a 60× clock.) A click then starts a break.
 */
describe('Firefox: a desk-break reminder', () => {
  let server: FixtureServer;
  let run: FirefoxRun;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchFirefox({ startUrl: server.url('article.html') });
  }, 60_000);
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('shows a reminder, and a click on it starts a desk break in the timer window', async () => {
    const page = run.installPopup;
    type Ext2 = Ext & { storage: { local: { set(v: object): Promise<void> } } };
    const checkpoint = () =>
      page.evaluate(async () =>
        JSON.stringify(
          (
            (await (globalThis as unknown as { browser: Ext }).browser.storage.local.get('reminderState')).reminderState as
              { checkpoint?: unknown } | undefined
          )?.checkpoint ?? null,
        ),
      );
    const before = await checkpoint();
    await page.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: Ext2 }).browser;
      // Active hours all week and all day, so the test does not depend on when it runs.
      const reminders = {
        enabled: true,
        intervalMinutes: 20,
        activeHours: { start: '00:00', end: '00:00' },
        days: [0, 1, 2, 3, 4, 5, 6],
        idleBreakMinutes: 5,
        firstRunAsked: true,
        snoozeMinutes: 10,
      };
      const settings = {
        holdSeconds: 25,
        sound: false,
        moment: 'desk',
        tool: 'ball',
        minutes: 5,
        weeklyGoalMinutes: 30,
        syncEnabled: true,
        reminders,
      };
      await ext.storage.sync.set({ settings, settings$: { v: 3 } });
    });
    // The background has taken the new hours and days in (it froze the count under the old ones in a
    // checkpoint): only now may the record be replaced, or the background's write would undo ours.
    await waitFor(
      async () => {
        const now = await checkpoint();
        return now !== 'null' && now !== before;
      },
      { message: 'the background to take the new reminder settings in' },
    );
    await page.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: Ext2 }).browser;
      const since = Date.now() - 25 * 60_000;
      await ext.storage.local.set({
        reminderState: {
          countingSince: since,
          activity: [],
          pauses: [],
          snoozedUntil: null,
          lastReminderAt: null,
          deferredSince: null,
          checkpoint: null,
        },
      });
      // Any reminder request wakes the scheduler; "resume" changes nothing when nothing is paused.
      await ext.runtime.sendMessage({ type: 'reminders', action: 'pause', until: 'resume' });
    });
    // Headless Firefox has no notification service and closes a notification at once (getAll() is empty
    // again and onShown never fires), so the e2e build records what it shows.
    const shown = () =>
      page.evaluate(
        async () =>
          (await (globalThis as unknown as { browser: Ext }).browser.storage.local.get('e2eNotification')).e2eNotification as
            { id: string; title: string; message: string } | undefined,
      );
    const note = await waitFor(shown, { timeout: 30_000, interval: 250, message: 'the reminder notification' });
    expect(note).toMatchObject({ id: 'rollbreak-desk', title: 'Time for a desk roll' });
    // Area names keep their own capitals (no lower-casing, which would break German nouns), joined by Intl.ListFormat.
    expect(note.message).toMatch(/^5-minute desk roll: Upper back, .* and .*\. Click to start/);
    // Firefox notifications have no buttons: the click is the Start.
    await page.evaluate(() =>
      (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage({ type: 'e2e:notification', id: 'rollbreak-desk' }),
    );
    const timer = await findPage(run.browser, '/timer.html', { timeout: 20_000, message: 'the timer window' });
    expect(await hrefOf(timer)).toMatch(/\/timer\.html$/);
    await waitFor(
      async () =>
        /Upper back|Forearms|Soles|Get into position/.test(
          (await timer.evaluate(() => document.querySelector('h2')?.textContent ?? '')) ?? '',
        ),
      {
        message: 'the timer window showing the first area',
      },
    );
    const session = await page.evaluate(
      async () => (await (globalThis as unknown as { browser: Ext }).browser.storage.local.get('session')).session,
    );
    expect(session).toMatchObject({ status: 'running', plan: { moment: 'desk' } });
  });
});

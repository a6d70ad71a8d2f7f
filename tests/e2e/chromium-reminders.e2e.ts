import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';

/**
 * Reminders through the real alarms on an accelerated clock: at 60× a 20-minute reminder comes after
 * about 20 real seconds. It is Tuesday 10:30, inside the default active hours. (Headless Chromium always
 * reports the user as active, so every minute counts.)
 */
describe('Chromium on an accelerated clock: desk-break reminders', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let probe: Page;
  const worker = (): Promise<Worker> => run.worker();
  const notifications = async () => Object.keys(await (await worker()).evaluate(() => chrome.notifications.getAll()));
  const local = (key: string) => probe.evaluate((k) => chrome.storage.local.get(k).then((r) => r[k]), key);
  const click = (id: string, button?: number) =>
    probe.evaluate(([i, b]) => chrome.runtime.sendMessage({ type: 'e2e:notification', id: i, button: b ?? undefined }), [id, button] as const);

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium({ faketime: '@2026-11-24 10:30:00 x60' });
    const page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
    probe = await run.openExtensionWindow('options.html');
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('shows a reminder naming the desk routine, and Start opens the break in the timer window', async () => {
    await probe.getByLabel('Remind me after this much active time').selectOption('20');
    await expect.poll(() => probe.getByText('Saved.').isVisible()).toBe(true);
    await expect.poll(notifications, { timeout: 90_000, interval: 500 }).toContain('rollbreak-desk');
    const timerUrl = `chrome-extension://${run.extensionId}/timer.html`;
    const opened = run.context.waitForEvent('page', { predicate: (p) => p.url() === timerUrl });
    await click('rollbreak-desk', 0);
    const timer = await opened;
    await expect.poll(() => timer.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Get into position: |Upper back|Forearms|Soles/);
    expect(await notifications()).not.toContain('rollbreak-desk');
    const session = (await local('session')) as { status: string; plan: { moment: string } };
    expect(session).toMatchObject({ status: 'running', plan: { moment: 'desk' } });
    await timer.getByRole('button', { name: 'End' }).click();
    await timer.getByRole('button', { name: 'Close' }).click();
  });

  it('snoozes from the reminder, holds it back through 95 minutes of fullscreen, then shows it within a minute', async () => {
    // The break restarted the count: the next reminder is another 20 active minutes away.
    await expect.poll(notifications, { timeout: 90_000, interval: 500 }).toContain('rollbreak-desk');
    await click('rollbreak-desk', 1);
    await expect.poll(notifications).not.toContain('rollbreak-desk');
    const snoozed = (await local('reminderState')) as { snoozedUntil: number | null };
    expect(snoozed.snoozedUntil).not.toBeNull();

    // Fullscreen before the snooze runs out (a film, a call): the reminder waits, and says why in the popup.
    const clock = async () => (await worker()).evaluate(() => Date.now());
    const windowId = await (await worker()).evaluate(async () => {
      const [win] = await chrome.windows.getAll({ windowTypes: ['normal'] });
      await chrome.windows.update(win!.id!, { state: 'fullscreen' });
      return win!.id!;
    });
    const fullscreenAt = await clock();
    await expect.poll(() => local('reminderDefer'), { timeout: 60_000, interval: 500 }).toBe('fullscreen');
    const popup = await run.openExtensionWindow('popup.html');
    await expect.poll(() => popup.getByText('Reminder waiting: a window is fullscreen.').isVisible()).toBe(true);
    await popup.close();

    // 95 minutes of fullscreen on the 60× clock, far past the 20 minutes sound may hold a reminder back:
    // still no reminder.
    while ((await clock()) - fullscreenAt < 95 * 60_000) {
      expect(await notifications()).not.toContain('rollbreak-desk');
      expect(await local('reminderDefer')).toBe('fullscreen');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }

    // Leaving fullscreen lets it through within a minute.
    await (await worker()).evaluate((id) => chrome.windows.update(id, { state: 'normal' }).then(() => undefined), windowId);
    const leftAt = await clock();
    await expect.poll(notifications, { timeout: 30_000, interval: 200 }).toContain('rollbreak-desk');
    const shown = (await local('reminderState')) as { lastReminderAt: number };
    expect(shown.lastReminderAt - leftAt).toBeLessThanOrEqual(60_000);
    expect((await local('reminderDefer')) ?? null).toBeNull();
  }, 240_000);

  it('pauses reminders for an hour from the popup, next to Snooze', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: /^Snooze \d+ min$/ }).waitFor();
    await popup.getByRole('button', { name: 'Pause reminders for 1 hour' }).click();
    await expect.poll(() => popup.getByText(/^Reminders paused until /).isVisible()).toBe(true);
    const state = (await local('reminderState')) as { pauses: Array<{ from: number; until: number }> };
    const pause = state.pauses.at(-1)!;
    expect(pause.until - pause.from).toBe(60 * 60_000);
    await popup.getByRole('button', { name: 'Resume reminders' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Pause reminders until tomorrow' }).isVisible()).toBe(true);
  });
});

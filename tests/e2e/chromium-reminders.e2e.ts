import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { ReminderSeed } from '../../lib/background/reminders/e2e-seed';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';

const MINUTE = 60_000;

/**
 * Reminders through the real scheduler, alarms and notifications on an accelerated clock (30×: a minute
 * passes in two seconds). It is Tuesday noon, inside the default active hours. (Headless Chromium always
 * reports the user as active, so every minute counts.) The long stretches a person lives through (20
 * minutes of work, an hour and a half of fullscreen) are not waited for: the e2e build's hook puts the
 * reminder record where those minutes would have left it, and the real alarms take it from there.
 */
describe('Chromium on an accelerated clock: desk-break reminders', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let probe: Page;
  const worker = (): Promise<Worker> => run.worker();
  const notifications = async () => Object.keys(await (await worker()).evaluate(() => chrome.notifications.getAll()));
  const local = <T = unknown>(key: string) =>
    probe.evaluate((k) => chrome.storage.local.get(k).then((r) => r[k] as unknown), key) as Promise<T>;
  const wakes = async (kind: string) => ((await local<Record<string, number> | undefined>('e2eWakes')) ?? {})[kind] ?? 0;
  const click = (id: string, button?: number) =>
    probe.evaluate(([i, b]) => chrome.runtime.sendMessage({ type: 'e2e:notification', id: i, button: b ?? undefined }), [
      id,
      button,
    ] as const);
  /** As if these moments of the reminder record lay this long before now (see seedReminderState). */
  const seed = async (ago: ReminderSeed) =>
    (await worker()).evaluate(
      (a) =>
        (
          globalThis as unknown as { rollbreakE2e: { seedReminderState(a: ReminderSeed): Promise<void> } }
        ).rollbreakE2e.seedReminderState(a),
      ago,
    );

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium({ faketime: '@2026-11-24 12:00:00 x30' });
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
    // 19½ of the 20 active minutes are behind: the reminder alarm rings half a minute later.
    await seed({ countingSince: 19.5 * MINUTE });
    await expect.poll(notifications, { timeout: 30_000, interval: 250 }).toContain('rollbreak-desk');
    const timerUrl = `chrome-extension://${run.extensionId}/timer.html`;
    const opened = run.context.waitForEvent('page', { predicate: (p) => p.url() === timerUrl });
    await click('rollbreak-desk', 0);
    const timer = await opened;
    // The 5-minute break takes ten seconds on this clock, and a busy machine may see its end already.
    await expect
      .poll(() => timer.getByRole('heading', { level: 2 }).textContent())
      .toMatch(/^Get into position: |Upper back|Forearms|Soles|^Break done/);
    expect(await notifications()).not.toContain('rollbreak-desk');
    const session = await local<{ status: string; plan: { moment: string } }>('session');
    expect(session).toMatchObject({ plan: { moment: 'desk' } });
    expect(['running', 'finished']).toContain(session.status);
    // End it (if the clock has not) from the popup's side of the protocol, as the timer's End does.
    await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'session', event: { type: 'end' } }));
    await expect.poll(async () => (await local<{ status: string }>('session')).status).not.toBe('running');

    // The break restarted the count (it began after the reminder was shown): the next reminder's alarm is
    // another 20 active minutes away.
    type Counting = { countingSince: number; lastReminderAt: number };
    await expect
      .poll(async () => {
        const { countingSince, lastReminderAt } = await local<Counting>('reminderState');
        return countingSince > lastReminderAt;
      })
      .toBe(true);
    const { countingSince } = await local<Counting>('reminderState');
    const alarm = await (await worker()).evaluate(() => chrome.alarms.get('reminder').then((a) => a?.scheduledTime ?? null));
    expect(alarm).toBe(countingSince + 20 * MINUTE);
  });

  it('snoozes from the reminder, holds it back through 95 minutes of fullscreen, then shows it within a minute', async () => {
    // The 20 minutes after the break, all but the last half minute: the real alarm brings the reminder.
    expect(await notifications()).not.toContain('rollbreak-desk');
    await seed({ countingSince: 19.5 * MINUTE });
    await expect.poll(notifications, { timeout: 30_000, interval: 250 }).toContain('rollbreak-desk');

    // A film starts, fullscreen, and the reminder is snoozed.
    const windowId = await (
      await worker()
    ).evaluate(async () => {
      const [win] = await chrome.windows.getAll({ windowTypes: ['normal'] });
      await chrome.windows.update(win!.id!, { state: 'fullscreen' });
      return win!.id!;
    });
    await click('rollbreak-desk', 1);
    await expect.poll(notifications).not.toContain('rollbreak-desk');
    const snoozed = await local<{ snoozedUntil: number | null }>('reminderState');
    expect(snoozed.snoozedUntil).not.toBeNull();
    // A film with sound: the 10-minute snooze ran out 95 minutes ago, sound held the reminder back from
    // then on and fullscreen took over. That is far past the 20 minutes sound alone may hold a reminder
    // back, and still fullscreen holds it, and the popup says why.
    await seed({ countingSince: 105 * MINUTE, snoozedUntil: 95 * MINUTE, deferredSince: 95 * MINUTE });
    expect(await local('reminderDefer')).toBe('fullscreen');
    expect(await notifications()).not.toContain('rollbreak-desk');
    const popup = await run.openExtensionWindow('popup.html');
    await expect.poll(() => popup.getByText('Reminder waiting: a window is fullscreen.').isVisible()).toBe(true);
    await popup.close();

    // The real alarm looks again every minute, and each time fullscreen holds the reminder back.
    const looked = await wakes('alarm:reminder');
    for (let more = 1; more <= 3; more++) {
      await expect.poll(() => wakes('alarm:reminder'), { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(looked + more);
      expect(await notifications()).not.toContain('rollbreak-desk');
      expect(await local('reminderDefer')).toBe('fullscreen');
    }

    // Leaving fullscreen lets it through within a minute.
    await (await worker()).evaluate((id) => chrome.windows.update(id, { state: 'normal' }).then(() => undefined), windowId);
    const leftAt = await (await worker()).evaluate(() => Date.now());
    await expect.poll(notifications, { timeout: 30_000, interval: 200 }).toContain('rollbreak-desk');
    const shown = await local<{ lastReminderAt: number }>('reminderState');
    expect(shown.lastReminderAt - leftAt).toBeLessThanOrEqual(MINUTE);
    expect((await local('reminderDefer')) ?? null).toBeNull();
  });

  it('pauses reminders for an hour from the popup, next to Snooze', async () => {
    // The popup offers Snooze for a quarter of an hour after a reminder, which this clock runs through in
    // half a minute: however busy the machine, the reminder was shown a moment ago.
    await seed({ lastReminderAt: 0 });
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: /^Snooze \d+ min$/ }).waitFor();
    await popup.getByRole('button', { name: 'Pause reminders for 1 hour' }).click();
    await expect.poll(() => popup.getByText(/^Reminders paused until /).isVisible()).toBe(true);
    const state = await local<{ pauses: Array<{ from: number; until: number }> }>('reminderState');
    const pause = state.pauses.at(-1)!;
    expect(pause.until - pause.from).toBe(60 * MINUTE);
    await popup.getByRole('button', { name: 'Resume reminders' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Pause reminders until tomorrow' }).isVisible()).toBe(true);
  });
});

import { launchChromium } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';

/**
 * Background wake-ups in an idle hour with reminders on (60-minute interval), measured on the e2e build
 * with the whole browser on a 60× clock: one real minute is one hour. An e2e-only counter in the
 * background records every alarm that fired. Budget: one wake-up per reminder, no keep-alive pings.
 */
export async function wakeupsPerIdleHour(): Promise<{ total: number; byAlarm: Record<string, number>; reminders: number }> {
  const run = await launchChromium({ faketime: '@2026-11-24 10:05:00 x60' });
  try {
    const sw = await run.worker();
    // Let install-time work settle, then count one hour from zero.
    await new Promise((r) => setTimeout(r, 2000));
    await sw.evaluate(() => chrome.storage.local.set({ e2eWakes: {} }));
    await new Promise((r) => setTimeout(r, 60_000));
    const wakes = (await (
      await run.worker()
    ).evaluate(() => chrome.storage.local.get('e2eWakes').then((r) => r.e2eWakes))) as Record<string, number>;
    const byAlarm = Object.fromEntries(Object.entries(wakes ?? {}).filter(([k]) => k.startsWith('alarm:')));
    const total = Object.values(byAlarm).reduce((a, b) => a + b, 0);
    return { total, byAlarm, reminders: byAlarm['alarm:reminder'] ?? 0 };
  } finally {
    await run.close();
  }
}

/**
 * Background wake-ups caused by page loads: 100 loads in one tab with no break, then 100 in the break's
 * tab while a break runs (the timer follows it there). Every event the e2e build's background handles is
 * counted by kind: messages, alarms and fresh worker starts. Budget: none at all without a break.
 */
export async function wakeupsPer100PageLoads(): Promise<{ idle: Record<string, number>; during: Record<string, number> }> {
  const server = await startFixtureServer();
  const run = await launchChromium();
  try {
    const page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('kapitel-1.html'));
    const probe = await run.openExtensionWindow('options.html');
    const reset = () => probe.evaluate(() => chrome.storage.local.set({ e2eWakes: {} }));
    const read = async () =>
      ((await probe.evaluate(() => chrome.storage.local.get('e2eWakes').then((r) => r.e2eWakes))) ?? {}) as Record<
        string,
        number
      >;
    // During the break each page is read (here: until its timer is back) before the next one loads.
    const load100 = async (withTimer: boolean) => {
      for (let i = 0; i < 100; i++) {
        await page.goto(server.url(i % 2 ? 'kapitel-1.html' : 'kapitel-2.html'));
        if (withTimer) await page.locator('rollbreak-timer').getByRole('button', { name: 'Skip' }).waitFor({ timeout: 5000 });
      }
      await new Promise((r) => setTimeout(r, 1000));
    };
    await new Promise((r) => setTimeout(r, 1000));
    await reset();
    await load100(false);
    const idle = await read();

    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    await page.locator('rollbreak-timer').getByRole('button', { name: 'Skip' }).waitFor();
    await reset();
    await load100(true);
    const during = await read();
    return { idle, during };
  } finally {
    await run.close();
    await server.close();
  }
}

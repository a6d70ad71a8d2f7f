import { launchChromium } from '../e2e/support/chromium';

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
    const wakes = (await (await run.worker()).evaluate(() => chrome.storage.local.get('e2eWakes').then((r) => r.e2eWakes))) as Record<string, number>;
    const byAlarm = Object.fromEntries(Object.entries(wakes ?? {}).filter(([k]) => k.startsWith('alarm:')));
    const total = Object.values(byAlarm).reduce((a, b) => a + b, 0);
    return { total, byAlarm, reminders: byAlarm['alarm:reminder'] ?? 0 };
  } finally {
    await run.close();
  }
}

import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { seedLog } from './support/seed-log';
import { ARTIFACTS } from './support/paths';
import { realisticLog } from '../fixtures/breaks';
import type { BreakEntry } from '../../lib/log/entry';

/**
 * The History page with a 25,000-break log synced (issue 20): a browser that logged 25,000 breaks over six
 * years syncs them into the account's 100 KB (most as daily totals), and a second browser that only syncs
 * shows the same figures, says in plain words from which day on the older breaks are kept as daily totals,
 * and stays usable.
 */

const DAY = 86_400_000;
const COUNT = 25_000;

/**
 * 25,000 breaks of one browser, about 12 a day over the last six years (the sync format starts in 2020), the
 * newest yesterday: four days' worth of realistic logs laid over each other.
 */
function sixYears(deviceId: string): BreakEntry[] {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const from = today.getTime() - 2_200 * DAY;
  const log = [0, 1, 2, 3]
    .flatMap((i) => realisticLog(20 + i, deviceId, COUNT / 4, from + i * 3_600_000))
    .sort((a, b) => a.startedAt - b.startedAt);
  const last = new Date(log[log.length - 1]!.startedAt);
  last.setHours(0, 0, 0, 0);
  const shift = Math.round((today.getTime() - DAY - last.getTime()) / DAY) * DAY;
  return log.map((e) => ({ ...e, startedAt: e.startedAt + shift, endedAt: e.endedAt + shift }));
}

describe('Chromium: the History page with a 25,000-break log synced', () => {
  const runs: ChromiumRun[] = [];
  afterAll(async () => {
    for (const run of runs) await run.close();
  });

  const openHistory = async (run: ChromiumRun): Promise<Page> => {
    const tab = await run.context.newPage();
    await tab.goto(`chrome-extension://${run.extensionId}/log.html`);
    await tab.waitForFunction(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0, undefined, {
      timeout: 60_000,
    });
    return tab;
  };
  const total = (page: Page) => page.getByRole('heading', { name: 'Breaks logged' }).locator('..').textContent();
  /** What History's figures say: the week at a glance, the 8-week chart, body coverage. */
  const figures = async (page: Page) => ({
    summary: await page.getByRole('region', { name: 'This week at a glance' }).textContent(),
    chart: await page.getByRole('heading', { name: 'Last 8 weeks' }).locator('..').textContent(),
    coverage: await page.getByRole('heading', { name: 'Body coverage' }).locator('..').textContent(),
  });

  it('shows the same figures on a browser that only synced them, and says which days are daily totals', async () => {
    // The browser that logged them.
    const logged = await launchChromium();
    runs.push(logged);
    const probe = await logged.openExtensionWindow('options.html');
    // The background's answers come as { ok, value } (lib/messaging/send.ts).
    const send = async (p: Page, message: object) =>
      ((await p.evaluate((m) => chrome.runtime.sendMessage(m), message)) as { value: unknown }).value;
    await send(probe, { type: 'sync:now' });
    const { deviceId } = (await probe.evaluate(() => chrome.storage.local.get('deviceId'))) as { deviceId: string };
    expect(await seedLog(probe, sixYears(deviceId))).toBe(COUNT);
    const status = (await send(probe, { type: 'sync:now' })) as { breaksSynced: number; bytesUsed: number; error?: string };
    expect(status.error).toBeUndefined();
    expect(status.breaksSynced).toBe(COUNT);
    expect(status.bytesUsed).toBeLessThanOrEqual(102_400);
    const account = await probe.evaluate(() => chrome.storage.sync.get(null));

    const historyA = await openHistory(logged);
    await expect.poll(() => total(historyA), { timeout: 60_000 }).toContain('25,000');

    // A new browser on the same account: Chrome Sync carries the account's items to it.
    const synced = await launchChromium();
    runs.push(synced);
    const probeB = await synced.openExtensionWindow('options.html');
    await send(probeB, { type: 'sync:now' });
    await probeB.evaluate((items) => chrome.storage.sync.set(items), account);
    await expect
      .poll(async () => ((await send(probeB, { type: 'sync:now' })) as { breaksSynced: number }).breaksSynced, {
        timeout: 60_000,
      })
      .toBe(COUNT);

    const historyB = await openHistory(synced);
    await expect.poll(() => total(historyB), { timeout: 60_000 }).toContain('25,000');
    // Plain words: from which day the older breaks are daily totals, and where each one is kept.
    const note = historyB.getByText(/^Breaks up to .+ from your other browsers are kept here as daily totals \([\d,]+ in all\)/);
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('The browser that logged them, or its export, has each one.');
    // The same figures as the browser that logged them (streak, this week, the chart, coverage).
    await expect.poll(() => figures(historyB), { timeout: 30_000 }).toEqual(await figures(historyA));
    // Still a page a person can use: the newest breaks listed, the sync card calm.
    expect(await historyB.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await historyB.getByRole('region', { name: 'Sync' }).locator('.rb-message--error').count()).toBe(0);
    await historyB.screenshot({ path: `${ARTIFACTS}/history-25000-synced.png`, fullPage: true });
  }, 300_000);
});

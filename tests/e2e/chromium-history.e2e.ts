import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn, ringTicks } from './support/overlay';
import { ARTIFACTS } from './support/paths';

/** The rows of the recent-breaks table, each as its cells' text (the Delete button's column left out). */
async function historyRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr');
  const out: string[][] = [];
  for (const row of await rows.all()) out.push((await row.locator('td').allTextContents()).slice(0, -1));
  return out;
}

describe('Chromium: the history page', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let fresh: ChromiumRun | undefined;
  let page: Page;
  let history: Page;
  let exported = '';
  let rowsBefore: string[][] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
  });
  afterAll(async () => {
    await fresh?.close();
    await run?.close();
    await server?.close();
  });

  const openHistory = async (where: ChromiumRun): Promise<Page> => {
    const tab = await where.context.newPage();
    await tab.goto(`chrome-extension://${where.extensionId}/log.html`);
    await tab.waitForFunction(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0);
    return tab;
  };

  it('shows three breaks run from the popup and ended in the overlay', async () => {
    const choices = [
      ['Desk break', 'Massage ball'],
      ['Rest day', 'Foam roller'],
      ['After a workout', 'Massage gun'],
    ] as const;
    const overlay = overlayOn(page);
    for (const [moment, tool] of choices) {
      const popup = await run.openExtensionWindow('popup.html');
      await popup.getByRole('radio', { name: moment }).check();
      await popup.getByRole('radio', { name: tool }).check();
      await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
      // Past the get-ready moment, roll a little, then end the break early.
      await overlay.getByRole('button', { name: 'Skip' }).click();
      await expect.poll(() => overlay.getByRole('button', { name: 'Knot', exact: true }).isVisible()).toBe(true);
      await ringTicks(overlay);
      await overlay.getByRole('button', { name: 'End' }).click();
      await expect.poll(() => overlay.getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
      await overlay.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => overlay.count()).toBe(0);
    }

    history = await openHistory(run);
    await expect.poll(async () => (await historyRows(history)).length).toBe(3);
    const rows = await historyRows(history);
    // Newest first: moment, tool, time rolled, areas, knot holds, outcome.
    expect(rows.map((r) => [r[1], r[2], r[6]])).toEqual([
      ['After a workout', 'Massage gun', 'Ended early'],
      ['Rest day', 'Foam roller', 'Ended early'],
      ['Desk break', 'Massage ball', 'Ended early'],
    ]);
    for (const r of rows) {
      expect(r[3]).toMatch(/^0:\d\d$/);
      expect(r[3]).not.toBe('0:00');
      expect(r[4]).not.toBe('');
    }
    expect(await history.getByRole('heading', { name: 'Days in a row' }).locator('..').textContent()).toContain('1');
    expect(await history.getByRole('heading', { name: 'Breaks logged' }).locator('..').textContent()).toContain('3');
    expect(await history.getByText('Showing the newest 3 of 3 breaks.').isVisible()).toBe(true);
    // The coverage map and its words.
    expect(await history.getByRole('img', { name: /^Body map of the last 7 days\. Rolled: / }).isVisible()).toBe(true);
    // Filters.
    await history.getByRole('combobox', { name: 'Tool' }).selectOption({ label: 'Foam roller' });
    expect((await historyRows(history)).map((r) => r[2])).toEqual(['Foam roller']);
    await history.getByRole('combobox', { name: 'Tool' }).selectOption({ label: 'All tools' });
    rowsBefore = await historyRows(history);
  });

  it('syncs each logged break and shows it in the sync status', async () => {
    const sync = history.getByRole('region', { name: 'Sync' });
    await history.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => sync.getByText('Breaks in sync').locator('..').locator('dd').textContent()).toBe('3');
    expect(await sync.getByText(/^\d+\.\d kB of 100 kB$/).isVisible()).toBe(true);
  });

  it('deletes a break and brings it back with Undo, by keyboard', async () => {
    await history
      .getByRole('button', { name: /^Delete the break of / })
      .first()
      .focus();
    await history.keyboard.press('Enter');
    await expect.poll(() => history.getByText('Break deleted.').isVisible()).toBe(true);
    expect(await historyRows(history)).toHaveLength(2);
    // Focus moved to Undo.
    expect(await history.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await history.keyboard.press('Enter');
    await expect.poll(() => history.getByText('Break restored.').isVisible()).toBe(true);
    await expect.poll(() => historyRows(history)).toEqual(rowsBefore);
    await history.screenshot({ path: `${ARTIFACTS}history-chromium.png`, fullPage: true });
  });

  it('exports JSON that a fresh profile imports into the same history, once, and offers its settings', async () => {
    // Settings of one's own, which the backup keeps.
    await history.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'settings:patch', patch: { holdSeconds: 25, sound: true, theme: 'dark' } }),
    );
    const download = history.waitForEvent('download');
    await history.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^rollbreak-log-\d{4}-\d\d-\d\d\.json$/);
    const path = `${ARTIFACTS}history-export.json`;
    await file.saveAs(path);
    exported = await readFile(path, 'utf8');
    expect((JSON.parse(exported) as { breaks: unknown[] }).breaks).toHaveLength(3);
    expect((JSON.parse(exported) as { settings: unknown }).settings).toMatchObject({
      version: 4,
      values: { holdSeconds: 25, sound: true, theme: 'dark' },
    });

    // The CSV files come down too.
    for (const [name, pattern] of [
      ['Export CSV (breaks)', /^rollbreak-breaks-.*\.csv$/],
      ['Export CSV (areas rolled)', /^rollbreak-steps-.*\.csv$/],
    ] as const) {
      const csv = history.waitForEvent('download');
      await history.getByRole('button', { name }).click();
      expect((await csv).suggestedFilename()).toMatch(pattern);
    }

    fresh = await launchChromium();
    const other = await openHistory(fresh);
    expect(await other.getByText('No breaks yet. Start one from the toolbar button.').isVisible()).toBe(true);
    await other.getByLabel('Import a JSON export').setInputFiles(path);
    await expect.poll(() => other.getByText('Import done: 3 new breaks added.').isVisible()).toBe(true);
    await expect.poll(() => historyRows(other)).toEqual(rowsBefore);
    // The settings are offered, not applied unasked; restored, they are this profile's.
    const settingsOf = async () =>
      (await (
        await fresh!.worker()
      ).evaluate(() => chrome.storage.sync.get('settings').then((r) => r.settings ?? null))) as Record<string, unknown> | null;
    expect(await settingsOf()).toBeNull();
    const offer = other.getByRole('group', { name: /^This backup also holds settings\./ });
    await expect.poll(() => offer.isVisible()).toBe(true);
    await offer.getByRole('button', { name: 'Restore settings' }).click();
    await expect.poll(() => other.getByText('Settings restored from the backup.').isVisible()).toBe(true);
    await expect.poll(settingsOf).toMatchObject({ holdSeconds: 25, sound: true, theme: 'dark' });
    expect(await offer.isVisible()).toBe(false);
    // The same file again adds nothing.
    await other.getByLabel('Import a JSON export').setInputFiles(path);
    await expect
      .poll(() => other.getByText('Import done: 0 new breaks added. 3 breaks were already in your log.').isVisible())
      .toBe(true);
    expect(await historyRows(other)).toHaveLength(3);
  });

  it('refuses a broken file whole and names the first bad record', async () => {
    const other = fresh!.context.pages().find((p) => p.url().endsWith('/log.html'))!;
    const doc = JSON.parse(exported) as { breaks: Array<Record<string, unknown>> };
    doc.breaks.push({ ...doc.breaks[0], id: 'new-one', startedAt: Date.now() - 1000 });
    doc.breaks[1]!.tool = 'hammer';
    await other.getByLabel('Import a JSON export').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await expect
      .poll(() => other.getByText('Nothing was imported. Break 2: tool must be "roller", "ball", or "gun".').isVisible())
      .toBe(true);
    expect(await historyRows(other)).toHaveLength(3);
  });

  it('puts an area marked "same" at the check-in first in the next plan', async () => {
    const overlay = overlayOn(page);
    // The article is the tab the break runs on (the history tab was in front).
    await page.bringToFront();
    // The upper back was rolled in the first break, so a desk break would now leave it for last.
    let popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('radio', { name: 'Desk break' }).check();
    await popup.getByRole('radio', { name: 'Massage ball' }).check();
    const firstArea = () => popup.locator('.rb-plan li span').first().textContent();
    await expect.poll(firstArea).not.toBe('Upper back');
    // Roll it on purpose (a focus area), long enough to be asked about, and say it feels the same.
    await popup.getByRole('button', { name: 'Focus areas' }).click();
    await popup.getByRole('checkbox', { name: 'Upper back' }).check();
    await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    await overlay.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => overlay.getByRole('button', { name: 'Knot', exact: true }).isVisible()).toBe(true);
    await run.ageBreak(11);
    await overlay.getByRole('button', { name: 'End' }).click();
    await expect.poll(() => overlay.getByText('How does each area feel now?').isVisible()).toBe(true);
    // One area rolled long enough to be asked about: the upper back.
    expect(await overlay.getByRole('group').allTextContents()).toEqual(['Upper backEasedSameWorse']);
    await page.screenshot({ path: `${ARTIFACTS}check-in-chromium.png` });
    await overlay.getByRole('group', { name: 'Upper back' }).getByRole('button', { name: 'Same' }).click();
    await expect.poll(() => overlay.getByText('Noted. Your next plans take it into account.').isVisible()).toBe(true);
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);

    popup = await run.openExtensionWindow('popup.html');
    await expect.poll(firstArea).toBe('Upper back');
    expect(await popup.getByText('First: Upper back — where you pressed Knot or said “same” this week.').isVisible()).toBe(true);
    await popup.close();
  });

  it('shows Knot pressed on one area in two breaks as 2 on the knot map', async () => {
    const overlay = overlayOn(page);
    await page.bringToFront();
    for (let i = 0; i < 2; i++) {
      const popup = await run.openExtensionWindow('popup.html');
      await popup.getByRole('radio', { name: 'Desk break' }).check();
      await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
      // The upper back leads (it felt the same): past its get-ready moment, press Knot on its left side.
      await expect
        .poll(() => overlay.getByRole('heading', { level: 2 }).textContent())
        .toBe('Get into position: Upper back · left side');
      await overlay.getByRole('button', { name: 'Skip' }).click();
      await overlay.getByRole('button', { name: 'Knot', exact: true }).click();
      await expect.poll(() => overlay.getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
      await overlay.getByRole('button', { name: 'End' }).click();
      await expect.poll(() => overlay.getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
      await overlay.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => overlay.count()).toBe(0);
    }
    const tab = await openHistory(run);
    const knots = tab.getByRole('region', { name: 'Where you pressed Knot' });
    const row = knots
      .getByRole('table', { name: 'Knot presses in the last 7 days, by area and side' })
      .getByRole('row', { name: /^Upper back/ });
    await expect.poll(async () => await row.locator('th, td').allTextContents()).toEqual(['Upper back', '2', '0']);
    expect(await knots.getByRole('img', { name: 'Body map of where you pressed Knot: Upper back, Left: 2' }).isVisible()).toBe(
      true,
    );
    await knots.scrollIntoViewIfNeeded();
    await tab.screenshot({ path: `${ARTIFACTS}knot-map-chromium.png`, fullPage: true });
    await tab.close();
  });

  it('leaves an area marked to leave alone out of the preview and the break', async () => {
    const overlay = overlayOn(page);
    await page.bringToFront();
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('radio', { name: 'Desk break' }).check();
    await popup.getByRole('button', { name: 'Leave areas alone' }).click();
    await popup
      .getByRole('group', { name: /^For an injury/ })
      .getByRole('checkbox', { name: 'Upper back' })
      .check();
    await expect.poll(() => popup.getByText('Leaving out: Upper back').isVisible()).toBe(true);
    const planned = await popup.locator('.rb-plan li').allTextContents();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.some((item) => item.startsWith('Upper back'))).toBe(false);
    await popup.screenshot({ path: `${ARTIFACTS}leave-alone-chromium.png` });
    await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    await expect.poll(() => overlay.getByRole('button', { name: 'End' }).isVisible()).toBe(true);
    const worker = await run.worker();
    const areas = await worker.evaluate(() =>
      chrome.storage.local
        .get('session')
        .then((r) => (r.session as { plan: { steps: Array<{ area: string }> } }).plan.steps.map((s) => s.area)),
    );
    expect(areas.length).toBeGreaterThan(0);
    expect(areas).not.toContain('upper-back');
    await overlay.getByRole('button', { name: 'End' }).click();
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('leaves one side alone: the preview names it and the break rolls only the other side', async () => {
    const overlay = overlayOn(page);
    await page.bringToFront();
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('radio', { name: 'Desk break' }).check();
    await popup.getByRole('radio', { name: 'Massage ball' }).check();
    await popup.getByRole('button', { name: 'Leave areas alone' }).click();
    const panel = popup.getByRole('group', { name: /^For an injury/ });
    // The whole upper back is still left alone (the test before): roll it again, then leave out its right side only.
    await panel.getByRole('checkbox', { name: 'Upper back' }).uncheck();
    await panel.getByRole('combobox', { name: 'Side' }).selectOption({ label: 'Right only' });
    await panel.getByRole('checkbox', { name: 'Upper back' }).check();
    await expect.poll(() => popup.getByText('Leaving out: Upper back · right side').isVisible()).toBe(true);
    expect(await panel.getByRole('checkbox', { name: 'Upper back · right side' }).isChecked()).toBe(true);
    // The upper back leads (it felt the same): its left side only.
    await expect.poll(() => popup.locator('.rb-plan li span').first().textContent()).toBe('Upper back · left side');
    await popup.screenshot({ path: `${ARTIFACTS}leave-alone-side-chromium.png` });
    await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    await expect
      .poll(() => overlay.getByRole('heading', { level: 2 }).textContent())
      .toBe('Get into position: Upper back · left side');
    const worker = await run.worker();
    const steps = await worker.evaluate(() =>
      chrome.storage.local
        .get('session')
        .then((r) => (r.session as { plan: { steps: Array<{ area: string; side: string | null }> } }).plan.steps),
    );
    const upperBack = steps.filter((s) => s.area === 'upper-back');
    expect(upperBack.length).toBeGreaterThan(0);
    expect(upperBack.every((s) => s.side === 'left')).toBe(true);
    await overlay.getByRole('button', { name: 'End' }).click();
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import type { ElementHandle, Page } from 'puppeteer-core';
import { isGone, launchFirefox, queryIn, waitFor, type FirefoxRun } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';
import { ARTIFACTS } from './support/paths';
import { exportJson } from '../../lib/log/import-export';
import { realisticLog } from '../fixtures/breaks';
import { clickOverlayButton, overlayButton } from './support/firefox-overlay';

const overlayHeading = (page: Page) =>
  page.evaluate(() => document.querySelector('rollbreak-timer')?.shadowRoot?.querySelector('h2')?.textContent ?? null);

/** The recent-breaks rows as cell texts, without the Delete button's column. */
function historyRows(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table.rb-breaks tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, -1).map((td) => td.textContent ?? ''),
    ),
  );
}

const hasText = (page: Page, text: string) => page.evaluate((s) => document.body.innerText.includes(s), text);

describe('Firefox: the history page', () => {
  let server: FixtureServer;
  let run: FirefoxRun;
  let logPage: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchFirefox({ startUrl: server.url('article.html') });
  }, 60_000);

  afterAll(async () => {
    if (run) {
      await run.saveConsole(`${ARTIFACTS}console-firefox-history.txt`).catch(() => undefined);
      if (run.console.length > 0)
        console.log('Firefox console:\n' + run.console.map((r) => `  [${r.source}] ${r.type}: ${r.text}`).join('\n'));
    }
    await run?.close();
    await server?.close();
  });

  it('opens empty, then shows a break as soon as it is logged', async () => {
    const popup = run.installPopup;
    const start = await waitFor(() => queryIn(popup, '::-p-aria([name="Start 5-minute roll"][role="button"])'), {
      message: 'the popup\'s "Start 5-minute roll" button',
    });
    // Opened in a background tab before the popup closes itself; the fixture stays the active tab.
    logPage = await run.openExtensionTab(popup, 'log.html');
    await waitFor(() => logPage.evaluate(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0), {
      message: 'the history page to render',
    });
    expect(await hasText(logPage, 'No breaks yet. Start one from the toolbar button.')).toBe(true);

    await start.click();
    await clickOverlayButton(run.page, 'Skip');
    await waitFor(() => overlayButton(run.page, 'Knot'), { message: 'the first area' });
    // Roll a second or two: until the ring's countdown has gone down by one.
    const ring = () =>
      run.page.evaluate(
        () => document.querySelector('rollbreak-timer')?.shadowRoot?.querySelector('.rb-ring__time')?.textContent ?? '',
      );
    const first = await ring();
    await waitFor(async () => (await ring()) !== first, { message: 'a second rolled' });
    await clickOverlayButton(run.page, 'End');
    await waitFor(async () => (await overlayHeading(run.page)) === 'Break ended', { message: 'the ended screen' });
    await clickOverlayButton(run.page, 'Close');

    // No reload: the page follows the background's sync status, written after the break was logged.
    const rows = await waitFor(
      async () => {
        const r = await historyRows(logPage);
        return r.length > 0 ? r : null;
      },
      { message: 'the break in the history page' },
    );
    expect(rows).toHaveLength(1);
    expect([rows[0]![1], rows[0]![2], rows[0]![6]]).toEqual(['Desk break', 'Massage ball', 'Ended early']);
    expect(rows[0]![4]).toContain('Upper back');
    expect(await hasText(logPage, 'Showing the newest 1 of 1 break.')).toBe(true);
    expect(await logPage.evaluate(() => document.querySelector('.rb-coverage svg')?.getAttribute('aria-label') ?? '')).toMatch(
      /^Body map of the last 7 days\. Rolled: Upper back /,
    );
  });

  it('deletes the break and brings it back with Undo', async () => {
    const del = (await logPage.$('table.rb-breaks tbody button'))!;
    expect(await del.evaluate((b) => b.getAttribute('aria-label'))).toMatch(/^Delete the break of /);
    await del.click();
    await waitFor(() => hasText(logPage, 'Break deleted.'), { message: 'the undo notice' });
    expect(await historyRows(logPage)).toHaveLength(0);
    const undo = await waitFor(() => queryIn(logPage, '::-p-aria([name="Undo"][role="button"])'), { message: 'the Undo button' });
    await undo.click();
    await waitFor(() => hasText(logPage, 'Break restored.'), { message: 'the restored notice' });
    await waitFor(async () => (await historyRows(logPage)).length === 1, { message: 'the break back in the list' });
  });

  it('imports a JSON export', async () => {
    const path = `${ARTIFACTS}firefox-import.json`;
    await writeFile(
      path,
      exportJson(realisticLog(21, 'cccc3333-0000-4000-8000-000000000000', 6, Date.now() - 5 * 86_400_000), Date.now()),
    );
    const input = (await logPage.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await waitFor(() => hasText(logPage, 'Import done: 6 new breaks added.'), { message: 'the import result' });
    await waitFor(async () => (await historyRows(logPage)).length === 7, { message: 'seven breaks' });
    await logPage.screenshot({ path: `${ARTIFACTS}history-firefox.png`, fullPage: true });
    expect(await isGone(logPage)).toBe(false);
  });

  it('reports no errors from the page or the extension', () => {
    const errors = run.console.filter((r) => r.type === 'error' || r.type === 'pageerror');
    expect(errors).toEqual([]);
  });
});

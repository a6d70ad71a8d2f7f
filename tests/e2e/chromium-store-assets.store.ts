import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn } from './support/overlay';
import { seedLog } from './support/seed-log';
import { BACKGROUND, backgroundOf } from './support/axe-theme';
import {
  pngHasAlpha,
  pngSize,
  popupStage,
  promoTile,
  saveAsset,
  SCREENSHOT,
  STORE,
  SUMMARY_MAX,
  TILE,
  writeListings,
} from './support/store-assets';
import { realisticLog } from '../fixtures/breaks';
import messages from '../../public/_locales/en/messages.json';

const DAY = 86_400_000;
const THEMES = ['light', 'dark'] as const;

/**
 * The Chrome Web Store's images, made from the real extension: the timer over an article, the popup with
 * its plan preview, and History with eight weeks of breaks, each in the light and the dark theme; the
 * promotional tile; and the listing text of every shipped locale. Run by `npm run store:assets`, not by
 * `npm test`: it rewrites the committed files in store/.
 */
describe('Chromium: store screenshots, tile and listing text', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  let options: Page;
  const written: string[] = [];
  let timerCard: Buffer | null = null;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.setViewportSize(SCREENSHOT);
    options = await run.openExtensionWindow('options.html');
    const history = await run.openExtensionWindow('log.html');
    // Eight weeks of one to five breaks a day, up to an hour ago.
    const weeks = realisticLog(21, 'bbbb2222-0000-4000-8000-000000000000', 400, Date.now() - 56 * DAY);
    await seedLog(
      history,
      weeks.filter((b) => b.startedAt < Date.now() - 3_600_000),
    );
    await history.close();
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  for (const theme of THEMES) {
    it(`takes the ${theme} screenshots`, async () => {
      await options.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
      await page.goto(server.url(`store-article.html${theme === 'dark' ? '?dark' : ''}`));

      // 2: the popup over the same article, with the plan preview.
      const behind = await page.screenshot();
      const popup = await run.openExtensionWindow('popup.html');
      await popup.setViewportSize({ width: 340, height: 760 });
      // The first-run safety note (read once, then gone) would push the plan preview out of the picture.
      await expect.poll(() => popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).isVisible()).toBe(true);
      const gotIt = popup.getByRole('button', { name: 'Got it' });
      if (await gotIt.isVisible()) await gotIt.click();
      await popup.getByRole('radio', { name: 'Before a workout' }).check();
      await popup.getByRole('radio', { name: 'Foam roller' }).check();
      await expect.poll(() => popup.getByRole('img', { name: /^Body map\. Highlighted: / }).count()).toBe(1);
      await expect.poll(() => backgroundOf(popup, 'body')).toBe(BACKGROUND[theme]);
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const popupShot = await popup.locator('main').screenshot({ animations: 'disabled' });
      await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
      // The popup closes once the timer is on the article; only then may another tab open.
      await expect.poll(() => popup.isClosed()).toBe(true);
      const stage = await run.context.newPage();
      await stage.setViewportSize(SCREENSHOT);
      await stage.setContent(await popupStage(behind, popupShot, theme === 'dark'));
      written.push(await saveAsset(`chrome/2-popup-${theme}.png`, await stage.screenshot()));
      await stage.close();

      // 1: the timer over the article, on an area with its cues.
      const overlay = overlayOn(page);
      await overlay.getByRole('button', { name: 'Skip' }).click();
      await expect.poll(() => overlay.getByRole('button', { name: 'Knot', exact: true }).isVisible()).toBe(true);
      await expect.poll(() => backgroundOf(page, '.rb-root', 'rollbreak-timer')).toBe(BACKGROUND[theme]);
      // A few seconds in, so the ring shows time going.
      await page.waitForTimeout(6000);
      await page.mouse.move(0, 0);
      written.push(await saveAsset(`chrome/1-timer-${theme}.png`, await page.screenshot({ animations: 'disabled' })));
      if (theme === 'light') timerCard = await overlay.locator('.rb-card').screenshot({ animations: 'disabled' });
      await overlay.getByRole('button', { name: 'End' }).click();
      await overlay.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => overlay.count()).toBe(0);

      // 3: History with eight weeks of breaks.
      const history = await run.context.newPage();
      await history.setViewportSize(SCREENSHOT);
      await history.goto(`chrome-extension://${run.extensionId}/log.html`);
      await history.waitForFunction(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0);
      await expect
        .poll(() => history.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr').count())
        .toBeGreaterThan(5);
      written.push(await saveAsset(`chrome/3-history-${theme}.png`, await history.screenshot({ animations: 'disabled' })));
      await history.close();
    });
  }

  it('makes the 440×280 promotional tile', async () => {
    const tile = await run.context.newPage();
    await tile.setViewportSize(TILE);
    await tile.setContent(await promoTile(timerCard!, messages.extName.message, messages.storeTagline.message));
    written.push(await saveAsset('chrome/promo-tile-440x280.png', await tile.screenshot()));
    await tile.close();
  });

  it('wrote every image at the size the stores take, without alpha', async () => {
    expect(written.filter((p) => /\/\d-\w+-(light|dark)\.png$/.test(p))).toHaveLength(6);
    for (const path of written) {
      const png = await readFile(path);
      const expected = path.endsWith('440x280.png') ? TILE : SCREENSHOT;
      expect({ path, ...pngSize(png) }).toEqual({ path, ...expected });
      expect(pngHasAlpha(png), path).toBe(false);
    }
  });

  it('writes the listing text of every shipped locale from its messages', async () => {
    const listings = await writeListings();
    expect(listings.map((l) => l.locale)).toContain('en');
    for (const { locale, summary, description, path } of listings) {
      expect(summary.length, locale).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(description.length, locale).toBeGreaterThan(200);
      expect(path.startsWith(STORE)).toBe(true);
    }
  });
});

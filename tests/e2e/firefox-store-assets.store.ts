import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { launchFirefox, waitFor, type FirefoxRun } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';
import { seedLog } from './support/seed-log';
import { BACKGROUND, backgroundOf } from './support/axe-theme';
import { pngSize, popupStage, saveAsset, SCREENSHOT } from './support/store-assets';
import { realisticLog } from '../fixtures/breaks';
import { clickOverlayButton } from './support/firefox-overlay';

const DAY = 86_400_000;
const THEMES = ['light', 'dark'] as const;

/** Clicks the first element matching `selector` whose text is `text` (in the overlay's shadow root if `shadow`). */
function clickText(page: Page, selector: string, text: string, shadow = false): Promise<boolean> {
  return page.evaluate(
    ([sel, want, inShadow]) => {
      const scope: ParentNode | null | undefined = inShadow ? document.querySelector('rollbreak-timer')?.shadowRoot : document;
      const el = [...(scope?.querySelectorAll<HTMLElement>(sel) ?? [])].find((e) => e.textContent?.trim() === want);
      el?.click();
      return Boolean(el);
    },
    [selector, text, shadow] as [string, string, boolean],
  );
}

/**
 * addons.mozilla.org's screenshots, from the real extension in Firefox: the timer over an article, the
 * popup with its plan preview, and History with eight weeks of breaks, in the light and the dark theme.
 * Run by `npm run store:assets`, not by `npm test` (it rewrites the committed images in store/);
 * tests/e2e/firefox-a11y.e2e.ts runs axe on the same pages in both themes.
 */
describe('Firefox: store screenshots', () => {
  let server: FixtureServer;
  let run: FirefoxRun;
  let options: Page;
  const written: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchFirefox({ startUrl: server.url('store-article.html'), viewport: SCREENSHOT });
    options = await run.openExtensionTab(run.installPopup, 'options.html');
    await run.installPopup.close();
    const weeks = realisticLog(34, 'cccc3333-0000-4000-8000-000000000000', 400, Date.now() - 56 * DAY);
    await seedLog(
      options,
      weeks.filter((b) => b.startedAt < Date.now() - 3_600_000),
    );
  }, 60_000);
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  for (const theme of THEMES) {
    it(`takes the ${theme} screenshots`, async () => {
      await waitFor(() => clickText(options, 'label', theme === 'light' ? 'Light' : 'Dark'), { message: 'the theme choice' });
      await waitFor(async () => (await backgroundOf(options, 'body')) === BACKGROUND[theme], { message: `the ${theme} theme` });
      await run.page.goto(server.url(`store-article.html${theme === 'dark' ? '?dark' : ''}`), { waitUntil: 'load' });
      await run.page.bringToFront();
      const behind = Buffer.from(await run.page.screenshot());

      // 2: the popup, with the plan preview, over the article.
      const popup = await run.openExtensionTab(options, 'popup.html');
      await popup.setViewport({ width: 340, height: 760 });
      const previewed = () =>
        popup.evaluate(() =>
          document.querySelector('.rb-preview svg')?.getAttribute('aria-label')?.startsWith('Body map. Highlighted'),
        );
      // Once the preview is there, the popup has also read the synced choice, which would undo an earlier click.
      await waitFor(previewed, { message: 'the plan preview' });
      // The first-run safety note (read once, then gone) would push the plan preview out of the picture.
      await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.rb-safety button')?.click());
      const pick = (label: string, value: string) =>
        waitFor(
          async () =>
            (await clickText(popup, 'label', label)) &&
            popup.evaluate((v) => document.querySelector<HTMLInputElement>(`input[value="${v}"]`)?.checked, value),
          {
            message: `"${label}" chosen`,
          },
        );
      await pick('Before a workout', 'pre');
      await pick('Foam roller', 'roller');
      await waitFor(previewed, { message: 'the new plan preview' });
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await popup.bringToFront();
      const popupShot = Buffer.from(await (await popup.$('main'))!.screenshot());
      await popup.close();

      // 1: the timer over the article. The request is the popup's own Start (the last choice).
      await run.page.bringToFront();
      await options.evaluate(() =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).browser.runtime.sendMessage({ type: 'start' }),
      );
      await clickOverlayButton(run.page, 'Skip');
      await waitFor(async () => (await backgroundOf(run.page, '.rb-root', 'rollbreak-timer')) === BACKGROUND[theme], {
        message: 'the themed timer',
      });
      await waitFor(
        () =>
          run.page.evaluate(() =>
            [...(document.querySelector('rollbreak-timer')?.shadowRoot?.querySelectorAll('button') ?? [])].some(
              (b) => b.textContent === 'Knot',
            ),
          ),
        { message: 'the first area, with its Knot button' },
      );
      // A few seconds in, so the ring shows time going.
      await new Promise((resolve) => setTimeout(resolve, 6000));
      written.push(await saveAsset(`firefox/1-timer-${theme}.png`, Buffer.from(await run.page.screenshot())));
      await clickOverlayButton(run.page, 'End');
      await clickOverlayButton(run.page, 'Close');

      const stage = await run.browser.newPage();
      await stage.setViewport(SCREENSHOT);
      await stage.setContent(await popupStage(behind, popupShot, theme === 'dark'));
      written.push(await saveAsset(`firefox/2-popup-${theme}.png`, Buffer.from(await stage.screenshot())));
      await stage.close();

      // 3: History.
      const history = await run.openExtensionTab(options, 'log.html');
      await history.setViewport(SCREENSHOT);
      await history.bringToFront();
      await waitFor(() => history.evaluate(() => document.querySelectorAll('table.rb-breaks tbody tr').length > 5), {
        message: 'the recent breaks',
      });
      written.push(await saveAsset(`firefox/3-history-${theme}.png`, Buffer.from(await history.screenshot())));
      await history.close();
    });
  }

  it('wrote three screenshots per theme, at 1280×800', async () => {
    expect(written).toHaveLength(6);
    for (const path of written) {
      const png = await readFile(path);
      // Firefox writes RGBA PNGs, which AMO takes as they are (only the Chrome Web Store refuses alpha).
      expect({ path, ...pngSize(png) }).toEqual({ path, ...SCREENSHOT });
    }
  });
});

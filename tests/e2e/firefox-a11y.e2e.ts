import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, waitFor, type FirefoxRun } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';
import { seedLog } from './support/seed-log';
import { axeViolations, BACKGROUND, backgroundOf } from './support/axe-theme';
import { realisticLog } from '../fixtures/breaks';
import { clickOverlayButton } from './support/firefox-overlay';

const DAY = 86_400_000;
// The dark theme only, chosen in Settings over Firefox's light default: every view checked here is one
// Chromium checks with axe in both themes (chromium-a11y in light, chromium-theme in dark), from the same
// CSS and DOM. What is Firefox's own is how it resolves the chosen theme and builds each view, and the dark
// run meets both; the light run cost half a minute and could find nothing the other three runs do not.
const THEMES = ['dark'] as const;

/** Clicks the first element matching `selector` whose text is `text`. */
function clickText(page: Page, selector: string, text: string): Promise<boolean> {
  return page.evaluate(
    ([sel, want]) => {
      const el = [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.textContent?.trim() === want);
      el?.click();
      return Boolean(el);
    },
    [selector, text] as [string, string],
  );
}

/**
 * axe-core (its default rules: WCAG 2 A and AA, best practices) finds nothing in Firefox on the popup, the
 * timer over a page, History with weeks of breaks, Settings, the welcome and the why page, in the dark
 * theme.
 */
describe('Firefox: axe on every page, in the dark theme', () => {
  let server: FixtureServer;
  let run: FirefoxRun;
  let options: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchFirefox({ startUrl: server.url('article.html') });
    options = await run.openExtensionTab(run.installPopup, 'options.html');
    await run.installPopup.close();
    // Six weeks of breaks (as many as the Chromium theme test's): every part of History has something to show.
    const weeks = realisticLog(34, 'cccc3333-0000-4000-8000-000000000000', 60, Date.now() - 40 * DAY);
    await seedLog(
      options as never,
      weeks.filter((b) => b.startedAt < Date.now() - 3_600_000),
    );
  }, 60_000);
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  for (const theme of THEMES) {
    it(`finds no violations in the ${theme} theme`, async () => {
      const found: Record<string, string[]> = {};
      await waitFor(() => clickText(options, 'label', 'Dark'), { message: 'the theme choice' });
      await waitFor(async () => (await backgroundOf(options, 'body')) === BACKGROUND[theme], { message: `the ${theme} theme` });
      found.settings = await axeViolations(options);

      // The popup, with its plan preview.
      const popup = await run.openExtensionTab(options, 'popup.html');
      await waitFor(
        () =>
          popup.evaluate(() =>
            document.querySelector('.rb-preview svg')?.getAttribute('aria-label')?.startsWith('Body map. Highlighted'),
          ),
        { message: 'the plan preview' },
      );
      await waitFor(async () => (await backgroundOf(popup, 'body')) === BACKGROUND[theme], {
        message: `the popup in the ${theme} theme`,
      });
      found.popup = await axeViolations(popup);
      await popup.close();

      // The timer over the article, on the first area. The request is the popup's own Start (the last choice).
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
      found.overlay = await axeViolations(run.page, 'rollbreak-timer');
      await clickOverlayButton(run.page, 'End');
      await clickOverlayButton(run.page, 'Close');

      // History, with weeks of breaks.
      const history = await run.openExtensionTab(options, 'log.html');
      await waitFor(() => history.evaluate(() => document.querySelectorAll('table.rb-breaks tbody tr').length > 5), {
        message: 'the recent breaks',
      });
      found.history = await axeViolations(history);
      await history.close();
      for (const path of ['welcome.html', 'why.html']) {
        const other = await run.openExtensionTab(options, path);
        await waitFor(async () => (await backgroundOf(other, 'body')) === BACKGROUND[theme], {
          message: `${path} in the ${theme} theme`,
        });
        found[path] = await axeViolations(other);
        await other.close();
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });
  }
});

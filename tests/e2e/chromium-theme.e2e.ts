import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn } from './support/overlay';
import { seedLog } from './support/seed-log';
import { axeViolations, BACKGROUND, backgroundOf } from './support/axe-theme';
import { realisticLog } from '../../lib/sync/test-fixtures';

const DAY = 86_400_000;
const card = (page: Page) => backgroundOf(page, '.rb-root', 'rollbreak-timer');
const body = (page: Page) => backgroundOf(page, 'body');

describe('Chromium: light, dark or the system\'s, everywhere at once', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  let options: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
    options = await run.openExtensionWindow('options.html');
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  const chooseTheme = async (name: 'System' | 'Light' | 'Dark') => {
    await options.getByRole('radio', { name }).check();
    await expect.poll(() => options.getByText('Saved.').isVisible()).toBe(true);
  };

  it("follows the system's light or dark by default, native controls included", async () => {
    expect(await options.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    await options.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => body(options)).toBe(BACKGROUND.light);
    await options.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => body(options)).toBe(BACKGROUND.dark);
    // color-scheme reaches the native controls: a select draws itself on the dark scheme's field colour.
    const scheme = await options.getByLabel('Knot hold length').evaluate((el) => getComputedStyle(el).colorScheme);
    expect(scheme).toBe('light dark');
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('switches an open timer over a page and every open page when Settings changes', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    await expect.poll(() => overlayOn(page).getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
    const history = await run.openExtensionWindow('log.html');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => card(page)).toBe(BACKGROUND.light);

    await chooseTheme('Dark');
    await expect.poll(() => card(page)).toBe(BACKGROUND.dark);
    await expect.poll(() => body(history)).toBe(BACKGROUND.dark);
    await expect.poll(() => body(options)).toBe(BACKGROUND.dark);
    // A page opened now paints dark from the start, before it has read the setting.
    const why = await run.openExtensionWindow('why.html');
    expect(await body(why)).toBe(BACKGROUND.dark);
    await why.close();

    // A forced theme holds whatever the system says; System gives the choice back.
    await page.emulateMedia({ colorScheme: 'dark' });
    await chooseTheme('Light');
    await expect.poll(() => card(page)).toBe(BACKGROUND.light);
    await expect.poll(() => body(history)).toBe(BACKGROUND.light);
    await chooseTheme('System');
    await expect.poll(() => card(page)).toBe(BACKGROUND.dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => card(page)).toBe(BACKGROUND.light);

    // The minimised pill and a timer shown again after Hide keep the theme.
    await chooseTheme('Dark');
    await overlayOn(page).getByRole('button', { name: 'Minimise timer' }).click();
    await expect.poll(() => card(page)).toBe(BACKGROUND.dark);
    await overlayOn(page).getByRole('button', { name: /^Expand timer/ }).click();
    await history.close();
  });

  for (const theme of ['Light', 'Dark'] as const) {
    it(`has no axe violations on any page in the ${theme.toLowerCase()} theme`, async () => {
      await chooseTheme(theme);
      const expected = theme === 'Light' ? BACKGROUND.light : BACKGROUND.dark;
      const found: Record<string, string[]> = {};
      const check = async (name: string, target: Page, selector?: string) => {
        await expect.poll(() => (selector ? card(target) : body(target))).toBe(expected);
        found[name] = await axeViolations(target, selector);
      };

      // During a break: the timer over the page, in its own window and in the popup.
      await expect.poll(() => overlayOn(page).getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
      await check('overlay', page, 'rollbreak-timer');
      await overlayOn(page).getByRole('button', { name: 'Knot', exact: true }).click();
      await check('overlay (knot hold)', page, 'rollbreak-timer');
      const timer = await run.openExtensionWindow('timer.html');
      await check('timer window', timer);
      await timer.close();
      const running = await run.openExtensionWindow('popup.html');
      await expect.poll(() => running.getByRole('button', { name: 'Show timer on this page' }).isVisible()).toBe(true);
      await check('popup (break running)', running);
      await running.close();
      await overlayOn(page).getByRole('button', { name: 'End' }).click();
      await expect.poll(() => overlayOn(page).getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
      await check('overlay (done)', page, 'rollbreak-timer');
      await overlayOn(page).getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => overlayOn(page).count()).toBe(0);

      // Between breaks.
      const popup = await run.openExtensionWindow('popup.html');
      await expect.poll(() => popup.getByRole('img', { name: /^Body map\. Highlighted: / }).count()).toBe(1);
      await check('popup', popup);
      await check('settings', options);
      const history = await run.openExtensionWindow('log.html');
      if (theme === 'Light') await seedLog(history, realisticLog(13, 'aaaa1111-0000-4000-8000-000000000000', 60, Date.now() - 40 * DAY));
      await history.reload();
      await history.waitForFunction(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0);
      await expect.poll(() => history.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr').count()).toBeGreaterThan(5);
      await check('history', history);
      for (const path of ['welcome.html', 'why.html']) {
        const other = await run.openExtensionWindow(path);
        await check(path, other);
        await other.close();
      }

      // Start the next theme's round with a break running again.
      await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
      await history.close();
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });
  }
});

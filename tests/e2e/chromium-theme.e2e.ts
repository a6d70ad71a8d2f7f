import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { clockSeconds, overlayOn } from './support/overlay';
import { seedLog } from './support/seed-log';
import { axeViolations, BACKGROUND, backgroundOf } from './support/axe-theme';
import { realisticLog } from '../fixtures/breaks';
import { ARTIFACTS } from './support/paths';

const DAY = 86_400_000;
const card = (page: Page) => backgroundOf(page, '.rb-root', 'rollbreak-timer');
const body = (page: Page) => backgroundOf(page, 'body');

describe("Chromium: light, dark or the system's, everywhere at once; Settings and the timer window", () => {
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
    await overlayOn(page)
      .getByRole('button', { name: /^Expand timer/ })
      .click();
    await history.close();
  });

  it("opens Settings with the browser's openOptionsPage, reusing an open Settings tab", async () => {
    const optionsUrl = `chrome-extension://${run.extensionId}/options.html`;
    const settingsPages = () => run.context.pages().filter((p) => p.url() === optionsUrl && !p.isClosed());
    await options.close();
    expect(settingsPages()).toHaveLength(0);
    for (let i = 0; i < 2; i++) {
      const popup = await run.openExtensionWindow('popup.html');
      await popup.getByRole('button', { name: 'Settings' }).click();
      await expect.poll(() => settingsPages().length).toBe(1);
      await expect.poll(() => popup.isClosed()).toBe(true);
    }
    options = settingsPages()[0]!;
    await options.waitForLoadState('domcontentloaded');
    await expect.poll(() => options.getByRole('radio', { name: 'Dark' }).count()).toBe(1);
  });

  it("shows the countdown in the timer window's title", async () => {
    const blank = await run.context.newPage();
    await blank.goto('chrome://version');
    const popup = await run.openExtensionWindow('popup.html');
    const timerUrl = `chrome-extension://${run.extensionId}/timer.html`;
    const opened = run.context.waitForEvent('page', { predicate: (p) => p.url() === timerUrl });
    // The break from the last test is still on the article; end it from the popup first.
    await popup.getByRole('button', { name: 'End' }).click();
    await popup.getByRole('button', { name: 'Close' }).click();
    await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    const timer = await opened;
    await expect.poll(() => timer.title()).toMatch(/^\d+:\d\d · Rollbreak timer$/);
    const first = clockSeconds(await timer.title());
    await expect.poll(async () => clockSeconds(await timer.title())).toBeLessThan(first);
    // It is the ring's countdown.
    expect(clockSeconds(await timer.title())).toBe(clockSeconds(await timer.locator('.rb-ring__time').textContent()));
    await timer.getByRole('button', { name: 'End' }).click();
    await timer.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => timer.isClosed()).toBe(true);
    await blank.close();
    // Back on the article, the next tests start their break from the popup.
    await page.bringToFront();
    const again = await run.openExtensionWindow('popup.html');
    await again.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    await expect.poll(() => overlayOn(page).getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
  });

  // axe runs in the dark theme only. In the light one every view below is one chromium-a11y checks with axe
  // (a forced Light and the system's light resolve every light-dark() colour alike, and History there holds
  // the same weeks of breaks), and the rules that read structure rather than colour give the same answer in
  // either theme: checking the light views again cost a minute of CPU and could find nothing new.
  for (const theme of ['Light', 'Dark'] as const) {
    const axe = theme === 'Dark';
    it(`paints every page and the timer in the ${theme.toLowerCase()} theme${axe ? ', with no axe violations' : ''}`, async () => {
      await chooseTheme(theme);
      const expected = theme === 'Light' ? BACKGROUND.light : BACKGROUND.dark;
      const found: Record<string, string[]> = {};
      const check = async (name: string, target: Page, selector?: string) => {
        await expect.poll(() => (selector ? card(target) : body(target))).toBe(expected);
        if (axe) found[name] = await axeViolations(target, selector);
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
      // Long enough on the area (10 s) for the check-in to ask about it.
      await run.ageBreak(11);
      await overlayOn(page).getByRole('button', { name: 'End' }).click();
      await expect.poll(() => overlayOn(page).getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
      await expect.poll(() => overlayOn(page).getByText('How does each area feel now?').isVisible()).toBe(true);
      await check('overlay (done, check-in)', page, 'rollbreak-timer');
      await page.screenshot({ path: `${ARTIFACTS}theme-${theme.toLowerCase()}-check-in.png` });
      await overlayOn(page).getByRole('button', { name: 'Eased' }).first().click();
      await check('overlay (done, an answer pressed)', page, 'rollbreak-timer');
      await overlayOn(page).getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => overlayOn(page).count()).toBe(0);

      // Between breaks.
      const popup = await run.openExtensionWindow('popup.html');
      await expect.poll(() => popup.getByRole('img', { name: /^Body map\. Highlighted: / }).count()).toBe(1);
      await check('popup', popup);
      await check('settings', options);
      const history = await run.openExtensionWindow('log.html');
      if (theme === 'Light')
        await seedLog(history, realisticLog(13, 'aaaa1111-0000-4000-8000-000000000000', 60, Date.now() - 40 * DAY));
      await history.reload();
      await history.waitForFunction(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0);
      await expect
        .poll(() => history.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr').count())
        .toBeGreaterThan(5);
      await check('history', history);
      for (const path of ['welcome.html', 'why.html']) {
        const other = await run.openExtensionWindow(path);
        await check(path, other);
        await other.close();
      }

      // Start the next theme's round with a break running again.
      await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
      await history.close();
      if (axe) expect(Object.keys(found)).toHaveLength(11);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });
  }
});

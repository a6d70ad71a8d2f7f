import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn } from './support/overlay';
import { axeViolations, describeViolations } from './support/axe';
import { ARTIFACTS } from './support/paths';
import { seedLog } from './support/seed-log';
import { realisticLog } from '../fixtures/breaks';

const DAY = 86_400_000;

/**
 * axe-core (WCAG 2.0–2.2 A and AA, plus label-content-name-mismatch) finds nothing on any extension page
 * or on the timer over a page, in each of the timer's views.
 */
describe('Chromium: accessibility checks with axe-core', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  const overlay = () => overlayOn(page);

  const expectClean = async (target: Page, what: string) => {
    const violations = await axeViolations(target);
    expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('catches what it should: a control whose name hides its visible label, low contrast, a missing name', async () => {
    // The checker itself, so that "no violations" below means something.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'axe-self-test';
      box.innerHTML =
        '<button aria-label="Move timer">Rollbreak</button><p style="color:#ddd;background:#fff">faint</p><button></button>';
      document.body.append(box);
    });
    const found = (await axeViolations(page)).map((v) => v.id).sort();
    await page.evaluate(() => document.getElementById('axe-self-test')!.remove());
    expect(found).toEqual(['button-name', 'color-contrast', 'label-content-name-mismatch']);
  });

  it('finds nothing on the popup, settings, history, welcome and why pages before any break', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('img', { name: /^Body map\. Highlighted: / }).waitFor();
    await popup.getByText('Keyboard shortcuts').click();
    await popup.getByRole('button', { name: 'Change shortcuts' }).waitFor();
    await popup.getByRole('button', { name: 'Show how' }).click();
    await popup.locator('.rb-how svg').first().waitFor();
    await expectClean(popup, 'popup');
    await popup.close();
    for (const [path, ready] of [
      ['options.html', 'Settings'],
      ['log.html', null],
      ['welcome.html', 'Welcome to Rollbreak'],
      ['why.html', null],
    ] as const) {
      const ext = await run.openExtensionWindow(path);
      await ext
        .getByRole('heading', { level: 1, ...(ready ? { name: ready } : {}) })
        .first()
        .waitFor();
      // History has read the whole log, and no transition (the theme's colours fading in) is still running.
      if (path === 'log.html')
        await ext.waitForFunction(() => performance.getEntriesByName('rollbreak:history-complete').length > 0);
      await ext.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      );
      await expectClean(ext, path);
      await ext.close();
    }
  });

  it('finds nothing on the timer over a page, in every view', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const skip = overlay().getByRole('button', { name: 'Skip' });
    await expect.poll(() => skip.isVisible()).toBe(true);
    await overlay().locator('svg.rb-pic').waitFor();
    await expectClean(page, 'timer: getting into position');
    await skip.click();
    const knot = overlay().getByRole('button', { name: 'Knot', exact: true });
    await expect.poll(() => knot.isVisible()).toBe(true);
    await expectClean(page, 'timer: rolling');
    await knot.click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Stop hold' }).isVisible()).toBe(true);
    await expectClean(page, 'timer: knot hold');
    await overlay().getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
    await expectClean(page, 'timer: paused');
    await overlay().getByRole('button', { name: 'Resume' }).click();
    await overlay().getByRole('button', { name: 'Minimise timer' }).click();
    const pill = overlay().getByRole('button', { name: /^Expand timer, / });
    await expect.poll(() => pill.isVisible()).toBe(true);
    await expectClean(page, 'timer: minimised');
    await pill.click();
    await expect.poll(() => skip.isVisible()).toBe(true);
  });

  it('finds nothing on the popup and the timer window during a break', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Show timer on this page' }).waitFor();
    await expectClean(popup, 'popup during a break');
    await popup.close();
    const timer = await run.openExtensionWindow('timer.html');
    await timer.getByRole('button', { name: 'Skip' }).waitFor();
    await timer.locator('svg.rb-pic').waitFor();
    await expectClean(timer, 'timer window');
    await timer.close();
  });

  it('finds nothing on the done screen, the popup with its summary, and the history with weeks of breaks and this one', async () => {
    await overlay().getByRole('button', { name: 'End' }).click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Close' }).isVisible()).toBe(true);
    // The check-in asks about the area rolled (the knot hold kept it well past 10 s).
    await expect.poll(() => overlay().getByText('How does each area feel now?').isVisible()).toBe(true);
    await expectClean(page, 'timer: done, with the check-in');
    // Its answers are reached by keyboard: back from Skip is the last area's last answer.
    await overlay().getByRole('button', { name: 'Skip' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() => {
        const focused = document.querySelector('rollbreak-timer')!.shadowRoot!.activeElement!;
        return [
          focused.textContent,
          focused.getAttribute('aria-pressed'),
          focused.closest('[role=group]')?.getAttribute('aria-label'),
        ];
      }),
    ).toEqual(['Worse', 'false', expect.any(String)]);
    await page.keyboard.press('Space');
    await expect
      .poll(() =>
        // Pressed, or (the only area asked about) the check-in done.
        page.evaluate(() => {
          const root = document.querySelector('rollbreak-timer')!.shadowRoot!;
          return root.querySelector('[aria-pressed=true]') !== null || root.textContent!.includes('Noted.');
        }),
      )
      .toBe(true);
    await expectClean(page, 'timer: done, an answer pressed');
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('heading', { name: 'Break ended' }).waitFor();
    await popup.getByRole('img', { name: /^Body map\. Highlighted: / }).waitFor();
    await expectClean(popup, 'popup with a summary');
    // Six weeks of breaks besides this one, as in the theme test's History: every chart and card has
    // something to draw (chromium-theme leaves the light theme's axe pass to this file).
    await seedLog(popup, realisticLog(13, 'aaaa1111-0000-4000-8000-000000000000', 60, Date.now() - 40 * DAY));
    await popup.close();
    const log = await run.openExtensionWindow('log.html');
    await log.getByRole('cell', { name: 'Ended early' }).first().waitFor();
    await expect.poll(() => log.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr').count()).toBeGreaterThan(5);
    await expectClean(log, 'history with weeks of breaks and this one');
    await log.close();
  });
  it('keeps every page and the timer usable in forced colors (Windows high contrast): axe finds nothing, focus and ring drawn in system colours', async () => {
    const forced = (target: Page) => target.emulateMedia({ forcedColors: 'active' });
    const close = overlay().getByRole('button', { name: 'Close' });
    if (await close.isVisible()) await close.click();
    const popup = await run.openExtensionWindow('popup.html');
    await forced(popup);
    await popup.getByRole('img', { name: /^Body map\. Highlighted: / }).waitFor();
    expect(await popup.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await expectClean(popup, 'popup in forced colors');
    // Focus is drawn: Tab to the first control and look at its outline.
    await popup.keyboard.press('Tab');
    const outline = await popup.evaluate(() => {
      // A chip's radio button is drawn by its label, which carries the focus ring (:focus-within).
      const el = document.activeElement!.closest('label') ?? document.activeElement!;
      const cs = getComputedStyle(el);
      return {
        style: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth),
        what: `${el.tagName}.${el.className} ${el.getAttribute('type') ?? ''}`,
      };
    });
    expect(outline.style, outline.what).not.toBe('none');
    expect(outline.width, outline.what).toBeGreaterThanOrEqual(2);
    await popup.screenshot({ path: `${ARTIFACTS}forced-colors-popup.png` });
    await popup.close();
    for (const [path, ready] of [
      ['options.html', 'Settings'],
      ['log.html', null],
      ['welcome.html', 'Welcome to Rollbreak'],
      ['why.html', null],
    ] as const) {
      const ext = await run.openExtensionWindow(path);
      await forced(ext);
      await ext
        .getByRole('heading', { level: 1, ...(ready ? { name: ready } : {}) })
        .first()
        .waitFor();
      await ext.waitForTimeout(300);
      await expectClean(ext, `${path} in forced colors`);
      await ext.close();
    }
    await forced(page);
    const start = await run.openExtensionWindow('popup.html');
    await start.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const skip = overlay().getByRole('button', { name: 'Skip' });
    await expect.poll(() => skip.isVisible()).toBe(true);
    await skip.click();
    const knot = overlay().getByRole('button', { name: 'Knot', exact: true });
    await expect.poll(() => knot.isVisible()).toBe(true);
    await expectClean(page, 'timer in forced colors');
    // The ring's progress and track are system colours (a gradient of the theme's colours would vanish or clash).
    const ring = await overlay()
      .locator('.rb-ring')
      .evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(ring).toMatch(/conic-gradient/);
    // Keyboard focus (a script's focus() shows no ring): from the control before it, Tab.
    await overlay().getByRole('button', { name: 'Skip' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const knotOutline = await page.evaluate(() => {
      const focused = document.querySelector('rollbreak-timer')!.shadowRoot!.activeElement!;
      return `${focused.textContent}: ${getComputedStyle(focused).outlineStyle}`;
    });
    expect(knotOutline).toMatch(/: (solid|auto|double)$/);
    await page.screenshot({ path: `${ARTIFACTS}forced-colors-timer.png` });
    // The done screen's check-in in forced colors (10 s on the area, so it is asked about).
    await run.ageBreak(11);
    await overlay().getByRole('button', { name: 'End' }).click();
    await expect.poll(() => overlay().getByText('How does each area feel now?').isVisible()).toBe(true);
    await expectClean(page, 'done screen with the check-in in forced colors');
    await page.screenshot({ path: `${ARTIFACTS}forced-colors-check-in.png` });
    await overlay().getByRole('button', { name: 'Skip' }).click();
    await overlay().getByRole('button', { name: 'Close' }).click();
    await page.emulateMedia({ forcedColors: 'none' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn } from './support/overlay';
import { ARTIFACTS } from './support/paths';
import { TIMER_ATTACKS, attackTimer, timerPlace } from './support/attack-timer';

describe('Chromium: the timer on hostile and unscriptable pages', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('stays visible and clickable over aggressive CSS, a strict CSP with Trusted Types, a top z-index cover and rewrites of the body and the whole document', async () => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /rollbreak|overlay/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(server.url('hostile.html'));
    // The page really enforces Trusted Types: a plain HTML string is refused.
    expect(
      await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          return 'accepted';
        } catch {
          return 'refused';
        }
      }),
    ).toBe('refused');
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const overlay = overlayOn(page);
    const knot = overlay.getByRole('button', { name: 'Knot', exact: true });
    await overlay.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => knot.isVisible()).toBe(true);
    // Several body rewrites later (the page counts them in its cover) it is still there, on top, and takes
    // clicks: Playwright refuses to click an element that something else covers.
    const rewrites = () => page.evaluate(() => Number(/Re-rendered (\d+)/.exec(document.body.textContent ?? '')?.[1] ?? 0));
    const seen = await rewrites();
    await expect.poll(rewrites).toBeGreaterThanOrEqual(seen + 3);
    await knot.click({ timeout: 5000 });
    await expect.poll(() => overlay.getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
    // Its styles applied despite the CSP: the card is its fixed width, not the page's 40px red text.
    const card = await overlay.locator('.rb-card').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { width: el.getBoundingClientRect().width, color: cs.color, fontSize: cs.fontSize };
    });
    expect(card.width).toBe(300);
    expect(card.fontSize).toBe('14px');
    expect(card.color).not.toBe('rgb(255, 0, 0)');
    await page.screenshot({ path: `${ARTIFACTS}overlay-hostile-chromium.png` });
    // The page throws its whole <html> away for a new one, then writes a new document over that: the
    // timer follows each time, on top and pressable.
    await page.evaluate(() => {
      const html = document.createElement('html');
      html.append(document.createElement('body'));
      html.lastChild!.textContent = 'A new document element';
      document.replaceChild(html, document.documentElement);
    });
    await overlay.getByRole('button', { name: 'Stop hold' }).click({ timeout: 5000 });
    await page.evaluate(() => {
      // The page enforces Trusted Types: its HTML goes through a policy of its own.
      const { trustedTypes } = window as unknown as {
        trustedTypes: {
          createPolicy(name: string, rules: { createHTML(html: string): string }): { createHTML(html: string): string };
        };
      };
      const policy = trustedTypes.createPolicy('rewrite', { createHTML: (html) => html });
      document.open();
      document.write(policy.createHTML('<!doctype html><html><body><h1>Written over</h1></body></html>'));
      document.close();
    });
    await knot.click({ timeout: 5000 });
    await expect.poll(() => overlay.getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await overlay.getByRole('button', { name: 'End' }).click();
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('stays where the person put it, or is back there at once, whatever the page does to its host, and the break goes on', async () => {
    await page.goto(server.url('hostile.html'));
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const overlay = overlayOn(page);
    await overlay.getByRole('button', { name: 'Skip' }).click();
    const knot = overlay.getByRole('button', { name: 'Knot', exact: true });
    await expect.poll(() => knot.isVisible()).toBe(true);
    // hostile.css sets the host's custom properties, right and display with !important: still in the corner.
    await expect.poll(() => page.evaluate(timerPlace)).toEqual({ right: 24, bottom: 24, width: 300, shown: true });
    // The person moves it up with the keyboard; that is where it must stay.
    await overlay.locator('.rb-handle').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const placed = { right: 24, bottom: 56, width: 300, shown: true };
    await expect.poll(() => page.evaluate(timerPlace)).toEqual(placed);
    const session = () =>
      run
        .worker()
        .then((w) =>
          w.evaluate(() => chrome.storage.local.get('session').then((r) => r.session as { status: string; stepIndex: number })),
        );
    const before = await session();
    for (const attack of TIMER_ATTACKS) {
      expect(await page.evaluate(attackTimer, attack), attack).toBe(true);
      await expect
        .poll(() => page.evaluate(timerPlace), { message: `the timer back in place after: ${attack}`, timeout: 5000 })
        .toEqual(placed);
    }
    // Pressable as before (Playwright refuses to click what something covers), and the break went on.
    await knot.click({ timeout: 5000 });
    await expect.poll(() => overlay.getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
    expect(await session()).toMatchObject({ status: 'running', stepIndex: before.stepIndex });
    await page.screenshot({ path: `${ARTIFACTS}overlay-attacked-chromium.png` });
    await overlay.getByRole('button', { name: 'End' }).click();
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('works over a modal dialog of the page, which would otherwise make it inert, and leaves the dialog open', async () => {
    await page.goto(server.url('article.html'));
    // A consent dialog as many sites show one: modal, and closed by any press outside its box.
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.innerHTML = '<p>We value your privacy.</p><button>Accept</button>';
      document.body.append(dialog);
      document.addEventListener('mousedown', (e) => {
        if (!dialog.contains(e.target as Node) || e.target === dialog) dialog.close();
      });
      dialog.showModal();
    });
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const overlay = overlayOn(page);
    // Playwright refuses to click a control that something else (the inert page) would take the press from.
    await overlay.getByRole('button', { name: 'Skip' }).click({ timeout: 5000 });
    const knot = overlay.getByRole('button', { name: 'Knot', exact: true });
    await knot.click({ timeout: 5000 });
    await expect.poll(() => overlay.getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}overlay-over-modal-chromium.png` });
    // The person accepts: the dialog closes and the timer is back on the page, still pressable.
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.evaluate(() => document.querySelector('dialog')!.close());
    await overlay.getByRole('button', { name: 'Stop hold' }).click({ timeout: 5000 });
    // A page that removes its open modal dialog outright, as frameworks do, keeps the timer too.
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      document.body.append(dialog);
      dialog.showModal();
    });
    await knot.click({ timeout: 5000 });
    await page.evaluate(() => document.querySelectorAll('dialog').forEach((d) => d.remove()));
    await overlay.getByRole('button', { name: 'Stop hold' }).click({ timeout: 5000 });
    await overlay.getByRole('button', { name: 'End' }).click();
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('opens the timer in its own window where the page cannot be scripted', async () => {
    await page.goto('chrome://version');
    const popup = await run.openExtensionWindow('popup.html');
    const timerUrl = `chrome-extension://${run.extensionId}/timer.html`;
    const opened = run.context.waitForEvent('page', { predicate: (p) => p.url() === timerUrl });
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const timer = await opened;
    // The earlier break pressed Knot on the upper back, so this one starts there: tender areas lead the plan.
    const heading = timer.getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toMatch(/^Get into position: /);
    const area = (await heading.textContent())!.replace('Get into position: ', '');
    expect(area).toMatch(/Upper back/);
    // The same controls work there.
    await timer.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => heading.textContent()).toBe(area);
    expect(await timer.getByRole('button', { name: 'Knot', exact: true }).isVisible()).toBe(true);
    // "Show timer on this page" from the popup focuses that window rather than opening a second one.
    const again = await run.openExtensionWindow('popup.html');
    await again.getByRole('button', { name: 'Show timer on this page' }).click();
    await page.waitForTimeout(500);
    expect(run.context.pages().filter((p) => p.url() === timerUrl)).toHaveLength(1);
    await timer.getByRole('button', { name: 'End' }).click();
    await timer.getByRole('button', { name: 'Close' }).click();
    // Closing the done screen closes the window.
    await expect.poll(() => timer.isClosed()).toBe(true);
  });

  it('opens the timer window too where the page runs scripts but cannot hold the timer (an SVG image)', async () => {
    await page.goto(server.url('drawing.svg'));
    const popup = await run.openExtensionWindow('popup.html');
    const timerUrl = `chrome-extension://${run.extensionId}/timer.html`;
    const opened = run.context.waitForEvent('page', { predicate: (p) => p.url() === timerUrl });
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const timer = await opened;
    await expect.poll(() => timer.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Get into position: /);
    expect(await page.evaluate(() => document.querySelector('rollbreak-timer'))).toBeNull();
    await timer.getByRole('button', { name: 'End' }).click();
    await timer.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => timer.isClosed()).toBe(true);
  });
});

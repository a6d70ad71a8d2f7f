import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { hrefOf, isGone, launchFirefox, queryIn, waitFor, type FirefoxRun } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readLog } from './support/extension-page';
import { ARTIFACTS } from './support/paths';
import { clickOverlayButton, overlayButton } from './support/firefox-overlay';
import { TIMER_ATTACKS, attackTimer, timerPlace } from './support/attack-timer';

/** The text of the first element matching a CSS selector inside the overlay, or null. */
async function overlayText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate(
    (s) => document.querySelector('rollbreak-timer')?.shadowRoot?.querySelector(s)?.textContent ?? null,
    selector,
  );
}

describe('Firefox: a break from the popup to the log', () => {
  let server: FixtureServer;
  let run: FirefoxRun;
  let page: Page;
  /** The history page, opened in a background tab before the popup closes itself, to read IndexedDB from. */
  let logPage: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    // The fixture is the normal window's active tab before the add-on is installed, so the popup window
    // the e2e build opens on install acts on it.
    run = await launchFirefox({ startUrl: server.url('article.html') });
    page = run.page;
  }, 60_000);

  afterAll(async () => {
    if (run) {
      await run.saveConsole(`${ARTIFACTS}console-firefox.txt`).catch(() => undefined);
      if (run.console.length > 0)
        console.log('Firefox console:\n' + run.console.map((r) => `  [${r.source}] ${r.type}: ${r.text}`).join('\n'));
    }
    await run?.close();
    await server?.close();
  });

  it('says in plain words why a start failed, with Retry (the background made to fail, e2e builds only)', async () => {
    const popup = run.installPopup;
    const start = await waitFor(() => queryIn(popup, '::-p-aria([name="Start 5-minute roll"][role="button"])'), {
      message: 'the popup\'s "Start 5-minute roll" button',
    });
    // The background's handlers throw for the requests listed in `local:e2eFail` (lib/background/e2e.ts):
    // in Firefox the failure would otherwise arrive as a rejection, in Chrome as an ordinary answer.
    const failRequests = (types: string[]) =>
      popup.evaluate(
        (t) =>
          (
            globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }
          ).browser.storage.local.set({ e2eFail: t }),
        types,
      );
    await failRequests(['start']);
    await start.click();
    const said = await waitFor(() => popup.evaluate(() => document.querySelector('[role="alert"] p')?.textContent ?? null), {
      message: "the popup's error after a failed start",
    });
    expect(said).toBe("Couldn't start the break: Something went wrong inside Rollbreak. Try again.");
    expect(await queryIn(popup, '::-p-aria([name="Retry"][role="button"])')).not.toBeNull();
    expect(await overlayButton(page, 'Skip')).toBeNull();
    await failRequests([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await popup.screenshot({ path: `${ARTIFACTS}popup-start-failed-firefox.png` });
  });

  it('starts from the popup and shows the overlay on the page', async () => {
    const popup = run.installPopup;
    const start = await waitFor(() => queryIn(popup, '::-p-aria([name="Start 5-minute roll"][role="button"])'), {
      message: 'the popup\'s "Start 5-minute roll" button',
    });
    // PopupApp closes its window once the timer is on the page, so open the extension page that later
    // reads the log now, while an extension page is still around to open it.
    logPage = await run.openExtensionTab(popup, 'log.html');
    await start.click();

    const where = await waitFor(
      async () => {
        if (await overlayButton(page, 'Skip')) return 'page';
        for (const p of await run.browser.pages()) if ((await hrefOf(p))?.endsWith('/timer.html')) return 'window';
        return null;
      },
      { timeout: 20_000, message: 'the overlay on the page (or the timer window)' },
    );
    expect(where, 'Start opened timer.html instead of the overlay on the fixture page').toBe('page');
    // The first-run choice is a desk break with a massage ball: it opens with a get-ready moment.
    expect(await overlayText(page, 'h2')).toBe('Get into position: Upper back · left side');
    expect(await overlayText(page, '.rb-progress')).toMatch(/^Area 1 of 3 · [45]:\d\d left$/);
    // The step's picture arrives as its own small script, named by the cue, mirrored for the left side.
    const picture = await waitFor(
      () =>
        page.evaluate(() => {
          const svg = document.querySelector('rollbreak-timer')?.shadowRoot?.querySelector('svg.rb-pic');
          return svg
            ? { label: svg.getAttribute('aria-label'), mirror: svg.querySelector('g')?.getAttribute('transform') }
            : null;
        }),
      { message: "the step's picture" },
    );
    expect(picture.label).toMatch(/^Back to a wall, ball between your spine and shoulder blade/);
    expect(picture.mirror).toBe('matrix(-1 0 0 1 96 0)');

    // The overlay's styles apply in Firefox too: the card has its own width and the host sits in the corner.
    const box = await page.evaluate(() => {
      const host = document.querySelector('rollbreak-timer')!;
      const card = host.shadowRoot!.querySelector('.rb-card')!.getBoundingClientRect();
      const rect = host.getBoundingClientRect();
      return {
        cardWidth: card.width,
        fromRight: innerWidth - rect.right,
        fromBottom: innerHeight - rect.bottom,
        position: getComputedStyle(host).position,
      };
    });
    expect(box.cardWidth).toBe(300);
    expect(box.position).toBe('fixed');
    expect(Math.abs(box.fromRight - 24)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.fromBottom - 24)).toBeLessThanOrEqual(1);

    // The popup steps aside once the timer is on the page.
    await waitFor(() => isGone(popup), { message: 'the popup window to close itself' });
    await page.screenshot({ path: `${ARTIFACTS}overlay-firefox.png` });
  });

  it('starts a knot hold once rolling', async () => {
    expect(await overlayButton(page, 'Knot')).toBeNull();
    await clickOverlayButton(page, 'Skip');
    await waitFor(async () => (await overlayText(page, 'h2')) === 'Upper back · left side', { message: 'the upper-back roll' });
    await clickOverlayButton(page, 'Knot');
    await waitFor(async () => (await overlayText(page, '.rb-ring__sub')) === 'Knot hold', { message: 'the knot-hold ring' });
    expect(await overlayButton(page, 'Found another knot')).not.toBeNull();
    expect(await overlayButton(page, 'Stop hold')).not.toBeNull();
    expect(await overlayButton(page, 'Knot')).toBeNull();
  });

  it('keeps answering after the page writes a new document over itself', async () => {
    // document.open() erases every listener in the page, the timer's too: it must come back working.
    await page.evaluate(() => {
      document.open();
      document.write('<!doctype html><html><body><h1>Written over</h1></body></html>');
      document.close();
    });
    await clickOverlayButton(page, 'Stop hold');
    await waitFor(() => overlayButton(page, 'Knot'), {
      message: 'the Knot button back after Stop hold, on the written-over page',
    });
  });

  it('stays pressable over a modal dialog of the page', async () => {
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.textContent = 'We value your privacy.';
      document.body.append(dialog);
      dialog.showModal();
    });
    await clickOverlayButton(page, 'Knot');
    await waitFor(async () => (await overlayText(page, '.rb-ring__sub')) === 'Knot hold', {
      message: 'a knot hold started over the modal dialog',
    });
    await page.evaluate(() => document.querySelector('dialog')!.close());
    await clickOverlayButton(page, 'Stop hold');
    await waitFor(() => overlayButton(page, 'Knot'), { message: 'the Knot button once the dialog closed' });
  });

  it('stays in its corner, or is back there at once, whatever the page does to its host', async () => {
    const corner = { right: 24, bottom: 24, width: 300, shown: true };
    expect(await page.evaluate(timerPlace)).toEqual(corner);
    for (const attack of TIMER_ATTACKS) {
      expect(await page.evaluate(attackTimer, attack), attack).toBe(true);
      const back = async () => JSON.stringify(await page.evaluate(timerPlace)) === JSON.stringify(corner);
      await waitFor(back, { message: `the timer back in its corner after: ${attack}`, timeout: 5000 });
    }
    await clickOverlayButton(page, 'Knot');
    await waitFor(async () => (await overlayText(page, '.rb-ring__sub')) === 'Knot hold', {
      message: 'a knot hold started after the attacks',
    });
    await clickOverlayButton(page, 'Stop hold');
    await waitFor(() => overlayButton(page, 'Knot'), { message: 'the Knot button after the attacks' });
  });

  it('skips through the rest of the plan to the done screen', async () => {
    // Long enough on the upper back for the check-in to ask about it: the break as if it had begun 11 s earlier.
    await logPage.evaluate(() =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage({
        type: 'e2e:age',
        seconds: 11,
      }),
    );
    for (let i = 0; i < 20 && (await overlayText(page, '.rb-progress')) !== null; i++) {
      const before = await overlayText(page, 'h2');
      await clickOverlayButton(page, 'Skip');
      // One click, one step: wait for this one to land before the next.
      await waitFor(async () => (await overlayText(page, 'h2')) !== before, { message: `the skip past "${before}"` });
    }
    await waitFor(async () => (await overlayText(page, 'h2')) === 'Break done. Well rolled!', { message: 'the done screen' });
    expect(await overlayButton(page, 'Close')).not.toBeNull();
  });

  it('logs exactly one completed entry, and no more on Close', async () => {
    expect(await isGone(logPage)).toBe(false);
    const log = await waitFor(
      async () => {
        const entries = await readLog(logPage);
        return entries.length > 0 ? entries : null;
      },
      { message: 'the break in IndexedDB' },
    );
    expect(log).toHaveLength(1);
    // Three knot holds: the first one, the one started over the modal dialog, and the one after the attacks.
    expect(log[0]).toMatchObject({ completed: true, holdCount: 3, plannedSeconds: 300 });
    // Time on each area is logged (upper back, forearms and feet, each on both sides), not the get-ready moments.
    expect(log[0]!.steps).toHaveLength(6);
    expect(log[0]!.steps[0]).toMatchObject({ area: 'upper-back', side: 'left' });
    // Ended early: less time than planned, and the get-ready moments are not counted.
    expect(log[0]!.activeSeconds).toBeLessThan(log[0]!.plannedSeconds);
    // The three Knot presses, all on the upper back's left side, each with how long its hold lasted.
    expect(log[0]!.knots?.map((k) => [k.area, k.side])).toEqual([
      ['upper-back', 'left'],
      ['upper-back', 'left'],
      ['upper-back', 'left'],
    ]);

    // The check-in asks about the upper back; one press of Skip skips it all and stores nothing.
    await waitFor(() => overlayButton(page, 'Same'), { message: 'the check-in' });
    await page.screenshot({ path: `${ARTIFACTS}done-check-in-firefox.png` });
    await clickOverlayButton(page, 'Skip');
    await waitFor(async () => (await overlayButton(page, 'Same')) === null, { message: 'the check-in to go after Skip' });
    expect((await readLog(logPage))[0]!.checkIn).toBeUndefined();

    // Closing the done screen removes the overlay and logs nothing more.
    await clickOverlayButton(page, 'Close');
    await waitFor(async () => (await page.evaluate(() => document.querySelector('rollbreak-timer'))) === null, {
      message: 'the overlay to go',
    });
    expect(await readLog(logPage)).toHaveLength(1);
  });

  it('reports no errors from the page or the extension', () => {
    // Only the failure the first test made on purpose may be on the console (the registrar reports it).
    const errors = run.console.filter(
      (r) => (r.type === 'error' || r.type === 'pageerror') && !r.text.includes('was made to fail'),
    );
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readLog } from './support/extension-page';
import { overlayOn, ringSeconds, ringTicks } from './support/overlay';
import { ARTIFACTS } from './support/paths';

interface StoredSession {
  status: string;
  stepIndex: number;
  stepDeadline: number;
}

describe('Chromium: a break from the popup to the log', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  /** An extension page kept open to read storage and IndexedDB. */
  let probe: Page;
  const overlay = () => overlayOn(page);
  const storedSession = () => probe.evaluate(() => chrome.storage.local.get('session').then((r) => r.session as StoredSession));

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
    probe = await run.openExtensionWindow('options.html');
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('keeps the knot-hold length chosen in settings', async () => {
    await probe.getByLabel('Knot hold length').selectOption('20');
    await expect.poll(() => probe.getByText('Saved.').isVisible()).toBe(true);
  });

  it('starts a desk break with a massage ball from the popup and shows the overlay on the page', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    // The first-run choice is a desk break with a ball; pick them anyway, as a user would check.
    await popup.getByRole('radio', { name: 'Desk break' }).check();
    await popup.getByRole('radio', { name: 'Massage ball' }).check();
    await expect.poll(() => popup.getByRole('img', { name: /^Body map\. Highlighted: / }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    // A short get-ready moment comes first, with where to stand.
    await expect
      .poll(() => overlay().getByRole('heading', { level: 2 }).textContent())
      .toBe('Get into position: Upper back · left side');
    expect(await overlay().getByText('Position: Against a wall').isVisible()).toBe(true);
    expect(await overlay().getByRole('button', { name: 'Knot', exact: true }).count()).toBe(0);
    await overlay().getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => overlay().getByRole('heading', { level: 2 }).textContent()).toBe('Upper back · left side');
    expect(await overlay().getByRole('button', { name: 'Knot', exact: true }).isVisible()).toBe(true);
    expect(await overlay().getByRole('img', { name: 'Body map. Now rolling: Upper back.' }).isVisible()).toBe(true);
    // The popup steps aside once the timer is on the page.
    await expect.poll(() => popup.isClosed()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}overlay-chromium.png` });
    // The toolbar badge shows the whole minutes left.
    const badge = await (await run.worker()).evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toMatch(/^[45]m$/);
  });

  it('runs a knot hold to its end', async () => {
    await overlay().getByRole('button', { name: 'Knot', exact: true }).click();
    await expect.poll(() => overlay().getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
    const first = await ringSeconds(overlay());
    expect(first).toBeGreaterThanOrEqual(18);
    expect(first).toBeLessThanOrEqual(20);
    expect(overlay().getByRole('button', { name: 'Found another knot' })).toBeDefined();
    // The hold ends by itself after its 20 s and the Knot button returns.
    await expect
      .poll(() => overlay().getByRole('button', { name: 'Knot', exact: true }).isVisible(), { timeout: 30_000, interval: 500 })
      .toBe(true);
    expect(await overlay().getByText('Knot hold', { exact: true }).count()).toBe(0);
  });

  it('pauses and resumes with the countdown frozen in between', async () => {
    await overlay().getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
    const frozen = await ringSeconds(overlay());
    await page.waitForTimeout(2200);
    expect(await ringSeconds(overlay())).toBe(frozen);
    await overlay().getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
  });

  it('shows the break in the popup while it runs, never the start view first', async () => {
    // Whether the start view was ever in the popup's document, even for a frame before the session was read.
    await run.context.addInitScript(() => {
      if (!location.pathname.endsWith('/popup.html')) return;
      new MutationObserver(() => {
        if (document.querySelector('.rb-start')) (globalThis as { startViewSeen?: boolean }).startViewSeen = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const popup = await run.openExtensionWindow('popup.html');
    const heading = popup.getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toBe('Upper back · left side');
    expect(await popup.evaluate(() => (globalThis as { startViewSeen?: boolean }).startViewSeen ?? false)).toBe(false);
    for (const name of ['Pause', 'Skip', 'End', 'Show timer on this page']) {
      expect(await popup.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await popup.getByText(/^Area 1 of \d · \d:\d\d left$/).isVisible()).toBe(true);
    await popup.close();
    // Closing the popup leaves the break running.
    expect((await storedSession()).status).toBe('running');
  });

  it('carries on correctly when the service worker is stopped mid-break', async () => {
    const before = await storedSession();
    await run.stopServiceWorker();
    // Two seconds go by on the overlay's own clock, with no worker to tick it.
    await ringTicks(overlay(), 2);
    // The overlay still shows deadline − now for the same step, not a reset or frozen clock.
    const expected = Math.ceil((before.stepDeadline - Date.now()) / 1000);
    const shown = await ringSeconds(overlay());
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1);
    // A click wakes a new worker, which rebuilds from storage and acts.
    const heading = await overlay().getByRole('heading', { level: 2 }).textContent();
    await overlay().getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => overlay().getByRole('heading', { level: 2 }).textContent()).not.toBe(heading);
    const after = await storedSession();
    expect(after.status).toBe('running');
    expect(after.stepIndex).toBeGreaterThan(before.stepIndex);
  });

  it('moves by drag and by keyboard, and remembers where', async () => {
    const handle = overlay().getByRole('button', { name: 'Move the Rollbreak timer' });
    const box = (await overlay().boundingBox())!;
    const grip = (await handle.boundingBox())!;
    await page.mouse.move(grip.x + 10, grip.y + 10);
    await page.mouse.down();
    // Left and a little up (the card, 505–630 px high in this 760 px viewport, has little room to go up).
    await page.mouse.move(grip.x - 290, grip.y - 90, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await overlay().boundingBox())!.x).toBeLessThan(box.x - 250);
    const dragged = (await overlay().boundingBox())!;
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    // One arrow press moves it 16 px.
    await expect.poll(async () => (await overlay().boundingBox())!.y - dragged.y).toBe(16);
    const moved = (await overlay().boundingBox())!;
    await expect
      .poll(() => probe.evaluate(() => chrome.storage.local.get('overlayPlacement').then((r) => r.overlayPlacement)))
      .toMatchObject({ minimised: false });
    // A reload loses the page's overlay; "Show timer on this page" brings it back where it was.
    await page.reload();
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Show timer on this page' }).click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
    // It is anchored by its bottom-right corner, which stays put even if the card's height changes.
    const back = (await overlay().boundingBox())!;
    expect(Math.abs(back.x + back.width - (moved.x + moved.width))).toBeLessThanOrEqual(2);
    expect(Math.abs(back.y + back.height - (moved.y + moved.height))).toBeLessThanOrEqual(2);
  });

  it('minimises to a pill and expands again, inside the viewport', async () => {
    // A pill left near the top of the viewport expands into a card taller than the room above the pill's
    // bottom edge, the timer's anchor: the card is brought back inside the viewport as it grows.
    await probe.evaluate(() => chrome.storage.local.set({ overlayPlacement: { right: 24, bottom: 700, minimised: true } }));
    await page.reload();
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Show timer on this page' }).click();
    const pill = overlay().getByRole('button', { name: /Expand timer, \d:\d\d left/ });
    await expect.poll(() => pill.isVisible()).toBe(true);
    await pill.click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
    const height = await page.evaluate(() => innerHeight);
    await expect.poll(async () => (await overlay().boundingBox())!.y).toBeGreaterThanOrEqual(0);
    const card = (await overlay().boundingBox())!;
    expect(card.y + card.height).toBeLessThanOrEqual(height);
    expect(await overlay().getByRole('button', { name: 'Minimise timer' }).isVisible()).toBe(true);

    await overlay().getByRole('button', { name: 'Minimise timer' }).click();
    await expect.poll(() => pill.isVisible()).toBe(true);
    expect(await overlay().getByRole('button', { name: 'Skip' }).count()).toBe(0);
    await pill.click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
  });

  it('ends early and logs exactly one entry', async () => {
    await overlay().getByRole('button', { name: 'End' }).click();
    await expect.poll(() => overlay().getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
    const log = await readLog(probe);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ completed: false, holdCount: 1, plannedSeconds: 300, context: 'desk', tool: 'ball' });
    expect(log[0]!.activeSeconds).toBeGreaterThan(20);
    expect(log[0]!.activeSeconds).toBeLessThan(300);
    // Only time on an area is logged as a step, not the get-ready moments.
    // The upper back is rolled beside the spine, one side at a time.
    expect(log[0]!.steps[0]).toMatchObject({ area: 'upper-back', side: 'left' });
    // The Knot press is on the knot map: where, which side, and the hold's 20 s.
    expect(log[0]!.knots).toEqual([{ area: 'upper-back', side: 'left', seconds: 20 }]);
    // The check-in asks about the area rolled, and one press of Skip skips all of it.
    await expect.poll(() => overlay().getByText('How does each area feel now?').isVisible()).toBe(true);
    const upperBack = overlay().getByRole('group', { name: 'Upper back' });
    expect(await upperBack.getByRole('button').allTextContents()).toEqual(['Eased', 'Same', 'Worse']);
    await page.screenshot({ path: `${ARTIFACTS}done-check-in-chromium.png` });
    await overlay().getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => upperBack.count()).toBe(0);
    expect(await overlay().getByText('How does each area feel now?').count()).toBe(0);
    expect(await overlay().getByText('Noted. Your next plans take it into account.').count()).toBe(0);
    expect((await readLog(probe))[0]!.checkIn).toBeUndefined();
    // Closing the done screen removes the overlay and logs nothing more.
    await overlay().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay().count()).toBe(0);
    expect(await readLog(probe)).toHaveLength(1);
  });
});

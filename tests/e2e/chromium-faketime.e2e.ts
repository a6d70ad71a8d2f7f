import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readLog } from './support/extension-page';
import { overlayOn } from './support/overlay';

/**
 * The whole browser, service worker and alarms included, runs on libfaketime's clock at 60× speed:
 * the 5-minute break takes about five real seconds, and nothing but the real alarms finishes it.
 */
describe('Chromium on an accelerated clock: a break runs to its natural end', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    // Now and then Chromium under libfaketime hangs while starting (before the extension is involved):
    // a launch that does not come up within 40 s is given up and tried once more.
    for (let attempt = 1; ; attempt++) {
      try {
        run = await launchChromium({ faketime: '@2026-11-24 10:30:00 x60', launchTimeout: 40_000 });
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
  }, 150_000);
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('finishes through the background alarms with no page open and logs one complete entry', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    await expect.poll(() => overlayOn(page).getByRole('button', { name: 'Skip' }).isVisible()).toBe(true);
    // Leave no extension UI open: the page goes elsewhere, so only alarms can move the break on.
    await page.goto(server.url('hostile.html'));
    const probe = await run.openExtensionWindow('log.html');
    await expect
      .poll(
        () =>
          probe.evaluate(() =>
            chrome.storage.local.get('session').then((r) => (r.session as { status?: string } | undefined)?.status),
          ),
        {
          timeout: 60_000,
          interval: 500,
        },
      )
      .toBe('finished');
    const log = await readLog(probe);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ completed: true, activeSeconds: 300, plannedSeconds: 300, holdCount: 0 });
    // Every area got its full planned time, read off the plan that ran.
    const plan = await probe.evaluate(() =>
      chrome.storage.local
        .get('session')
        .then((r) => (r.session as { plan: { steps: Array<{ kind: string; seconds: number }> } }).plan),
    );
    expect(log[0]!.steps.map((s) => s.seconds)).toEqual(plan.steps.filter((s) => s.kind === 'roll').map((s) => s.seconds));
    // The history page lists it, and the badge is cleared.
    await probe.reload();
    await expect.poll(() => probe.getByRole('cell', { name: 'Completed' }).count()).toBe(1);
    const badge = await (await run.worker()).evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn, clockSeconds } from './support/overlay';

describe('Chromium: the browser restarted mid-break', () => {
  let server: FixtureServer;
  let profile: string;
  let run: ChromiumRun | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    profile = await mkdtemp(join(tmpdir(), 'rollbreak-restart-'));
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('keeps the break, its alarm and its badge, and hiding the timer never ends it', async () => {
    run = await launchChromium({ userDataDir: profile });
    const page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const overlay = overlayOn(page);
    await expect.poll(() => overlay.getByRole('button', { name: 'Hide timer' }).isVisible()).toBe(true);
    // Hiding the timer takes it off the page; the break goes on.
    await overlay.getByRole('button', { name: 'Hide timer' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
    const before = await (await run.worker()).evaluate(() => chrome.storage.local.get('session'));
    expect((before.session as { status: string }).status).toBe('running');
    await run.context.close();

    run = await launchChromium({ userDataDir: profile });
    const sw = await run.worker();
    // Start-up rebuilt the alarm and badge from storage.
    await expect.poll(() => sw.evaluate(() => chrome.alarms.get('session-tick').then((a) => Boolean(a)))).toBe(true);
    await expect.poll(() => sw.evaluate(() => chrome.action.getBadgeText({}))).toMatch(/^[45]m$/);
    const again = await run.openExtensionWindow('popup.html');
    await expect.poll(() => again.getByRole('heading', { level: 2 }).textContent()).toMatch(/Upper back/);
    const left = clockSeconds(await again.getByText(/^Area 1 of \d · \d:\d\d left$/).textContent());
    expect(left).toBeGreaterThan(240);
    expect(left).toBeLessThanOrEqual(300);
    // The same break, not a new one.
    const after = await sw.evaluate(() => chrome.storage.local.get('session'));
    expect((after.session as { id: string; startedAt: number }).id).toBe((before.session as { id: string }).id);
    await again.getByRole('button', { name: 'End' }).click();
    await expect.poll(() => again.getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
  });
});

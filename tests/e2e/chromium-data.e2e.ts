import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readLog } from './support/extension-page';
import { overlayOn, ringTicks } from './support/overlay';
import { ARTIFACTS } from './support/paths';
import { encodeBreak } from '../../lib/sync/encode';
import { realisticLog } from '../fixtures/breaks';
import { parseExport } from '../../lib/log/import-export';
import { seedLog } from './support/seed-log';

/**
 * The log under stress, in the real extension: corrupt records from "another device" arriving in
 * storage.sync while History is open, a log write that fails until the store works again, and
 * "Delete all my data".
 */

const OTHER = 'bbbb2222-0000-4000-8000-00000000000b';

describe('Chromium: a log you can trust', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  /** An extension page kept open to read storage and IndexedDB. */
  let probe: Page;
  const overlay = () => overlayOn(page);
  const pageErrors: string[] = [];

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

  /** A short break from the popup, ended in the overlay after a moment of rolling. */
  async function rollAndEnd(): Promise<void> {
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    await overlay().getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => overlay().getByRole('button', { name: 'Knot', exact: true }).isVisible()).toBe(true);
    await ringTicks(overlay());
    await overlay().getByRole('button', { name: 'End' }).click();
    await expect.poll(() => overlay().getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
  }

  it('keeps corrupt records from another device out of an open History, says so, and the export still imports', async () => {
    await rollAndEnd();
    expect(
      await overlay()
        .getByText(/Saved to your history\./)
        .isVisible(),
    ).toBe(true);
    await overlay().getByRole('button', { name: 'Close' }).click();

    const history = await run.context.newPage();
    history.on('pageerror', (err) => pageErrors.push(String(err)));
    await history.goto(`chrome-extension://${run.extensionId}/log.html`);
    await history.waitForFunction(() => performance.getEntriesByName('rollbreak:history-interactive').length > 0);
    const rows = history.getByRole('table', { name: 'Recent breaks' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);

    // Another device's item arrives: two good breaks, one starting in 2140, one lasting 2^40 s, one garbled.
    const [a, b, c, d] = realisticLog(5, OTHER, 4, Date.now() - 3 * 86_400_000);
    const value = `1|${[
      encodeBreak(a!),
      encodeBreak(b!),
      encodeBreak({ ...c!, startedAt: Date.UTC(2140, 0, 1), endedAt: Date.UTC(2140, 0, 1) + 300_000 }),
      encodeBreak({ ...d!, endedAt: d!.startedAt + 2 ** 40 * 1000 }),
      '!!',
    ].join(',')}`;
    await (await run.worker()).evaluate((v) => chrome.storage.sync.set({ 'log:bbbb2222:0': v }), value);

    const sync = history.getByRole('region', { name: 'Sync' });
    await expect
      .poll(() => sync.getByText('3 records from another device could not be read.', { exact: false }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect.poll(() => rows.count()).toBe(3);
    expect(await history.getByRole('heading', { name: 'Breaks logged' }).locator('..').textContent()).toContain('3');
    await history.screenshot({ path: `${ARTIFACTS}history-unreadable-chromium.png`, fullPage: true });

    // The export holds the three good breaks and imports again (adding nothing: they are all there).
    const download = history.waitForEvent('download');
    await history.getByRole('button', { name: 'Export JSON' }).click();
    const path = `${ARTIFACTS}history-export-after-corrupt-sync.json`;
    await (await download).saveAs(path);
    const parsed = parseExport(await readFile(path, 'utf8'));
    expect(parsed.ok && parsed.breaks.length).toBe(3);
    await history.getByLabel('Import a JSON export').setInputFiles(path);
    await expect
      .poll(() => history.getByText('Import done: 0 new breaks added. 3 breaks were already in your log.').isVisible())
      .toBe(true);
    expect(pageErrors).toEqual([]);
    await history.close();
  });

  it('keeps a break whose log write fails, says Saving…, and logs it exactly once when the store works again', async () => {
    // A newer version's upgrade of the database (the failure the issue names): this version cannot open it.
    await probe.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('rollbreak', 99);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const before = (await readLog(probe)).length;
    await rollAndEnd();
    await expect
      .poll(() =>
        overlay()
          .getByText(/Saving to your history…/)
          .isVisible(),
      )
      .toBe(true);
    const pending = await probe.evaluate(() => chrome.storage.local.get(['session', 'logOutbox']));
    const session = pending.session as { id: string; status: string; saved: boolean };
    expect(session).toMatchObject({ status: 'ended', saved: false });
    expect((pending.logOutbox as { entries: Array<{ id: string }> }).entries.map((e) => e.id)).toEqual([session.id]);
    // The session's alarm comes back for the retry.
    expect(
      await (await run.worker()).evaluate(() => chrome.alarms.get('session-tick').then((a) => a?.scheduledTime ?? 0)),
    ).toBeGreaterThan(Date.now() - 1000);
    expect(await readLog(probe)).toHaveLength(before);
    await page.screenshot({ path: `${ARTIFACTS}overlay-saving-chromium.png` });

    // The store works again (the newer version's database is gone); the retry alarm writes the break.
    await probe.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('rollbreak');
          del.onsuccess = () => resolve();
          del.onerror = () => reject(del.error);
        }),
    );
    await expect
      .poll(
        () =>
          overlay()
            .getByText(/Saved to your history\./)
            .isVisible(),
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    // Exactly one entry for it. (The breaks already in sync came back into the new database too.)
    const once = async () => (await readLog(probe)).filter((e) => e.id === session.id).length;
    expect(await once()).toBe(1);
    expect((await probe.evaluate(() => chrome.storage.local.get('logOutbox'))).logOutbox).toMatchObject({ entries: [] });
    await overlay().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay().count()).toBe(0);
    expect(await once()).toBe(1);
  });

  it('deletes all my data after a confirmation that names what goes, leaving nothing of this browser', async () => {
    const { deviceId } = (await probe.evaluate(() => chrome.storage.local.get('deviceId'))) as { deviceId: string };
    const dev = deviceId.replace(/[^0-9a-z]/g, '').slice(0, 8);
    await probe.reload();
    // This browser's breaks went to sync once they were logged.
    await expect
      .poll(async () => Object.keys(await probe.evaluate(() => chrome.storage.sync.get(null))).filter((k) => k.includes(dev)), {
        timeout: 20_000,
      })
      .not.toEqual([]);

    await probe.getByRole('button', { name: 'Delete all my data…' }).click();
    const confirm = probe.getByRole('group', { name: 'This deletes:' });
    await expect.poll(() => confirm.getByText(/^your break log in this browser \(\d+ breaks?\)$/).isVisible()).toBe(true);
    expect(await confirm.getByText(/your Rollbreak settings/).isVisible()).toBe(true);
    await probe.screenshot({ path: `${ARTIFACTS}options-delete-all-chromium.png`, fullPage: true });
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => probe.getByText('All your Rollbreak data in this browser is deleted.').isVisible()).toBe(true);

    const sync = await probe.evaluate(() => chrome.storage.sync.get(null));
    expect(Object.keys(sync).filter((k) => k.includes(dev) || k.startsWith('settings'))).toEqual([]);
    // The other device's records are its own: they stay.
    expect(Object.keys(sync)).toEqual(['log:bbbb2222:0']);
    const databases = await probe.evaluate(() => indexedDB.databases().then((list) => list.map((d) => d.name)));
    expect(databases).not.toContain('rollbreak');
    expect(await probe.getByRole('checkbox', { name: 'Sync my break log with my other browsers' }).isChecked()).toBe(false);
  });
});

describe('Chromium: "Delete all my data" with the service worker stopped halfway', () => {
  let run: ChromiumRun;
  afterAll(async () => {
    await run?.close();
  });

  it('is finished when the worker starts again: the data stays deleted and nothing is published again', async () => {
    run = await launchChromium();
    const probe = await run.openExtensionWindow('options.html');
    const send = (message: object) => probe.evaluate((m) => chrome.runtime.sendMessage(m), message);
    await send({ type: 'sync:now' });
    const { deviceId } = (await probe.evaluate(() => chrome.storage.local.get('deviceId'))) as { deviceId: string };
    const dev = deviceId.replace(/[^0-9a-z]/g, '').slice(0, 8);
    // Thirty breaks of this browser's, and another browser's in the account; all synced.
    await seedLog(probe, realisticLog(31, deviceId, 30, Date.now() - 40 * 86_400_000));
    const theirs = `1|${realisticLog(8, OTHER, 3, Date.now() - 20 * 86_400_000)
      .map((e) => encodeBreak(e))
      .join(',')}`;
    await probe.evaluate((v) => chrome.storage.sync.set({ 'log:bbbb2222:0': v }), theirs);
    await send({ type: 'sync:now' });
    const mine = async () =>
      Object.keys(await probe.evaluate(() => chrome.storage.sync.get(null))).filter((k) => k.includes(dev));
    await expect.poll(mine, { timeout: 20_000 }).toContain(`log:${dev}:0`);

    // The test build stops the job right after this browser's keys left the account, before the log is deleted.
    await probe.evaluate(() => chrome.storage.local.set({ e2eHangWipe: 'account' }));
    await probe.evaluate(() => void chrome.runtime.sendMessage({ type: 'data:deleteAll' }).catch(() => undefined));
    await expect.poll(mine, { timeout: 20_000 }).toEqual([]);
    const databases = () => probe.evaluate(() => indexedDB.databases().then((list) => list.map((d) => d.name)));
    expect(await databases()).toContain('rollbreak');
    expect((await probe.evaluate(() => chrome.storage.local.get('dataWipe'))).dataWipe).toBeTruthy();

    // The worker is stopped mid-job, then woken by a page's request.
    await run.stopServiceWorker();
    await send({ type: 'sync:status' }).catch(() => undefined);
    await expect.poll(databases, { timeout: 20_000 }).not.toContain('rollbreak');
    await expect
      .poll(async () => (await probe.evaluate(() => chrome.storage.local.get(['dataWipe', 'syncLog']))) as object, {
        timeout: 20_000,
      })
      .toEqual({ syncLog: false });

    // A sync round and another restart later: nothing of this browser in the account, the log still gone.
    await send({ type: 'sync:now' });
    await run.stopServiceWorker();
    await send({ type: 'sync:now' });
    const sync = await probe.evaluate(() => chrome.storage.sync.get(null));
    expect(Object.keys(sync).filter((k) => k.includes(dev) || k.startsWith('settings'))).toEqual([]);
    expect(sync['log:bbbb2222:0']).toBe(theirs);
    expect(await databases()).not.toContain('rollbreak');
  }, 120_000);
});

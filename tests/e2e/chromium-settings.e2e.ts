import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { ARTIFACTS } from './support/paths';
import { seedLog } from './support/seed-log';
import { readLog } from './support/extension-page';
import { realisticLog } from '../fixtures/breaks';

interface StoredSettings {
  tool: string;
  sound: boolean;
  reminders: { days: number[] };
}

/**
 * Settings open in a tab while the popup changes the break's tool: each page sends only what it changed,
 * so neither undoes the other, and the open Settings tab shows the popup's change without a reload.
 */
describe('Chromium: two pages changing settings at once', () => {
  let run: ChromiumRun;
  let settingsTab: Page;
  const stored = () =>
    settingsTab.evaluate(() => chrome.storage.sync.get('settings').then((r) => r.settings as StoredSettings | undefined));

  beforeAll(async () => {
    run = await launchChromium();
    settingsTab = await run.context.newPage();
    await settingsTab.goto(`chrome-extension://${run.extensionId}/options.html`);
    await settingsTab.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await run?.close();
  });

  it("keeps the popup's tool and the Settings tab's ticked boxes, and shows the popup's change live", async () => {
    const soundBox = settingsTab.getByRole('checkbox', { name: /chime/i });
    expect(await soundBox.isChecked()).toBe(false);

    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('radio', { name: 'Foam roller' }).check();
    await expect.poll(async () => (await stored())?.tool).toBe('roller');

    // The Settings tab was opened before the popup's change; ticking boxes there must not undo it.
    await settingsTab.getByRole('checkbox', { name: 'Saturday' }).check();
    await soundBox.check();
    await expect.poll(async () => (await stored())?.sound).toBe(true);
    const settings = (await stored())!;
    expect(settings.tool).toBe('roller');
    expect(settings.reminders.days).toContain(6);

    // A change made elsewhere shows in the open Settings tab without a reload.
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'settings:patch', patch: { reminders: { days: [1, 2, 3] } } }));
    await expect.poll(() => settingsTab.getByRole('checkbox', { name: 'Saturday' }).isChecked()).toBe(false);
    expect(await settingsTab.getByRole('checkbox', { name: 'Monday' }).isChecked()).toBe(true);
    expect(await soundBox.isChecked()).toBe(true);
  });

  // E2E builds only: the background's handlers throw for the requests listed in `local:e2eFail`.
  const failRequests = (types: string[]) => settingsTab.evaluate((t) => chrome.storage.local.set({ e2eFail: t }), types);

  it('says why a change could not be saved and shows the stored value again, without blanking the page', async () => {
    await failRequests(['settings:patch']);
    const hold = settingsTab.getByRole('combobox', { name: /knot hold/i });
    const before = await hold.inputValue();
    const other = before === '30' ? '20' : '30';
    await hold.selectOption(other);
    const status = settingsTab.getByRole('status').filter({ hasText: "Couldn't save the change" });
    await status.waitFor();
    expect(await status.textContent()).toBe(
      "Couldn't save the change, so the setting is back to what was saved: Something went wrong inside Rollbreak. Try again.",
    );
    await expect.poll(() => hold.inputValue()).toBe(before);
    expect((await stored())?.sound).toBe(true);
    await settingsTab.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await settingsTab.screenshot({ path: `${ARTIFACTS}settings-save-failed-chromium.png` });
    await failRequests([]);
  });

  it('shows a failed start in the popup with Retry, which starts the break once the background can', async () => {
    await failRequests(['start']);
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: /^Start \d+-minute roll$/ }).click();
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getByRole('paragraph').textContent()).toBe(
      "Couldn't start the break: Something went wrong inside Rollbreak. Try again.",
    );
    await popup.screenshot({ path: `${ARTIFACTS}popup-start-failed-chromium.png` });
    expect(
      await popup.evaluate(() =>
        chrome.storage.local.get('session').then((r) => (r.session as { status?: string } | undefined)?.status ?? 'idle'),
      ),
    ).toBe('idle');

    await failRequests([]);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(() =>
        settingsTab.evaluate(() =>
          chrome.storage.local.get('session').then((r) => (r.session as { status?: string } | undefined)?.status),
        ),
      )
      .toBe('running');
    await settingsTab.evaluate(() => chrome.runtime.sendMessage({ type: 'session', event: { type: 'end' } }));
  });

  it('resets settings to defaults after a confirmation that says the log is kept, and keeps the log', async () => {
    await seedLog(settingsTab, realisticLog(3, 'e2e-reset', 2, Date.now() - 3 * 86_400_000));
    const logged = (await readLog(settingsTab)).length;
    expect(logged).toBeGreaterThan(0);
    const before = await stored();
    expect(before).toMatchObject({ tool: 'roller', sound: true });
    await settingsTab.getByRole('button', { name: 'Reset settings to defaults' }).click();
    const confirm = settingsTab.getByRole('group', { name: /Your break log is kept\.$/ });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    // Cancel changes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await stored()).toEqual(before);
    await settingsTab.getByRole('button', { name: 'Reset settings to defaults' }).click();
    await confirm.getByRole('button', { name: 'Reset settings' }).click();
    await expect
      .poll(() => settingsTab.getByText('Settings are back to their defaults. Your break log is unchanged.').isVisible())
      .toBe(true);
    await expect.poll(stored).toMatchObject({ tool: 'ball', sound: false, reminders: { days: [1, 2, 3, 4, 5] } });
    // The form shows the defaults at once, and the log is all there.
    expect(await settingsTab.getByRole('checkbox', { name: 'Saturday' }).isChecked()).toBe(false);
    expect(await settingsTab.getByRole('checkbox', { name: /chime/i }).first().isChecked()).toBe(false);
    expect(await readLog(settingsTab)).toHaveLength(logged);
  });
});

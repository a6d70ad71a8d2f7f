import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, firstRunPatchItem, settingsItem } from '../storage/items';
import { getSettings, patchSettings, registerSettings } from './settings-service';
import { registerAllRequests } from '../../tests/doubles/background-requests';
import { sendFromPage, sendFromTimer } from '../../tests/doubles/messages';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the settings writer', () => {
  it('keeps both of two patches sent at once from two pages', async () => {
    registerAllRequests();
    // The popup picks the foam roller while the Settings tab ticks Saturday: neither undoes the other.
    await Promise.all([
      sendFromPage({ type: 'settings:patch', patch: { tool: 'roller' } }),
      sendFromPage({ type: 'settings:patch', patch: { reminders: { days: [1, 2, 3, 4, 5, 6] } } }),
      sendFromPage({ type: 'settings:patch', patch: { sound: true } }),
    ]);
    const stored = await settingsItem.getValue();
    expect(stored.tool).toBe('roller');
    expect(stored.sound).toBe(true);
    expect(stored.reminders.days).toEqual([1, 2, 3, 4, 5, 6]);
    // Reminder fields the patch did not name keep their values.
    expect(stored.reminders.intervalMinutes).toBe(DEFAULT_SETTINGS.reminders.intervalMinutes);
  });

  it('applies a patch to the freshest value, not to the one a page read when it opened', async () => {
    await patchSettings({ holdSeconds: 30 });
    // Another device changes the moment meanwhile.
    await settingsItem.setValue({ ...(await settingsItem.getValue()), moment: 'post' });
    await patchSettings({ sound: true });
    expect(await settingsItem.getValue()).toMatchObject({ holdSeconds: 30, moment: 'post', sound: true });
  });

  it('ignores fields of the wrong kind and fields it does not know', async () => {
    await patchSettings({
      holdSeconds: 'long',
      tool: 3,
      colour: 'red',
      reminders: { days: 'weekdays', enabled: false },
    } as never);
    const stored = await settingsItem.getValue();
    expect(stored.holdSeconds).toBe(DEFAULT_SETTINGS.holdSeconds);
    expect(stored.tool).toBe(DEFAULT_SETTINGS.tool);
    expect(stored).not.toHaveProperty('colour');
    expect(stored.reminders.days).toEqual(DEFAULT_SETTINGS.reminders.days);
    expect(stored.reminders.enabled).toBe(false);
  });

  it('writes nothing when a patch changes nothing', async () => {
    await patchSettings({ sound: DEFAULT_SETTINGS.sound });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBeUndefined();
  });

  it('refuses a settings change from the timer on a web page', async () => {
    registerAllRequests();
    await expect(sendFromTimer({ type: 'settings:patch', patch: { sound: true } })).rejects.toThrow(
      'not accepted from the timer on a web page',
    );
    expect((await settingsItem.getValue()).sound).toBe(false);
  });
});

describe('a first-run answer on a new device', () => {
  const answer = { reminders: { enabled: false, firstRunAsked: true } };

  it('is kept aside, not written over settings that may still arrive from the account', async () => {
    const settings = await patchSettings(answer, { firstRun: true });
    expect(settings.reminders.enabled).toBe(false);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBeUndefined();
    expect((await getSettings()).reminders.enabled).toBe(false);
  });

  it("gives way to the account's settings when they arrive having answered already", async () => {
    registerSettings();
    await patchSettings(answer, { firstRun: true });
    const account = {
      ...DEFAULT_SETTINGS,
      tool: 'gun' as const,
      reminders: { ...DEFAULT_SETTINGS.reminders, enabled: true, firstRunAsked: true, intervalMinutes: 45 },
    };
    await fakeBrowser.storage.sync.set({ settings: account, settings$: { v: 3 } });
    await expect.poll(() => firstRunPatchItem.getValue()).toBeNull();
    expect(await getSettings()).toEqual(account);
  });

  it('is written on top of arriving settings that never answered it', async () => {
    registerSettings();
    await patchSettings(answer, { firstRun: true });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, tool: 'gun' }, settings$: { v: 3 } });
    await expect.poll(async () => (await settingsItem.getValue()).reminders.enabled).toBe(false);
    expect((await settingsItem.getValue()).tool).toBe('gun');
    expect(await firstRunPatchItem.getValue()).toBeNull();
  });

  it('is written with the next change the person makes', async () => {
    await patchSettings(answer, { firstRun: true });
    await patchSettings({ sound: true });
    expect(await settingsItem.getValue()).toMatchObject({ sound: true, reminders: { enabled: false, firstRunAsked: true } });
    expect(await firstRunPatchItem.getValue()).toBeNull();
  });

  it('is an ordinary patch where settings exist', async () => {
    await patchSettings({ sound: true });
    await patchSettings(answer, { firstRun: true });
    expect((await settingsItem.getValue()).reminders.enabled).toBe(false);
    expect(await firstRunPatchItem.getValue()).toBeNull();
  });
});

describe('restoring and resetting settings', () => {
  it('restores a backup through the settings writer, and refuses one it cannot read without a change', async () => {
    registerAllRequests();
    await patchSettings({ sound: true, holdSeconds: 45 });
    const before = await settingsItem.getValue();
    expect(
      await sendFromPage({ type: 'settings:restore', backup: { version: 3, values: { nonsense: true, reminders: 'x' } } }),
    ).toMatchObject({ ok: true });
    // Every field it lacked or had wrong came back as its default: what the backup held, checked.
    expect(await settingsItem.getValue()).toMatchObject({
      sound: DEFAULT_SETTINGS.sound,
      holdSeconds: DEFAULT_SETTINGS.holdSeconds,
      nonsense: true,
    });
    await settingsItem.setValue(before);
    expect(await sendFromPage({ type: 'settings:restore', backup: { version: 'three', values: {} } })).toEqual({ ok: false });
    expect(await settingsItem.getValue()).toEqual(before);
  });

  it('resets to the defaults, and a page on the timer side may do neither', async () => {
    registerAllRequests();
    await patchSettings({ sound: true, tool: 'gun', reminders: { firstRunAsked: true } });
    await expect(sendFromTimer({ type: 'settings:reset' })).rejects.toThrow();
    expect((await settingsItem.getValue()).sound).toBe(true);
    const { settings } = (await sendFromPage({ type: 'settings:reset' })) as { settings: unknown };
    const expected = { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, firstRunAsked: true } };
    expect(settings).toEqual(expected);
    // Stored with the time of each field it changed, so another browser's older edits don't undo the reset.
    const { $edited, ...stored } = (await settingsItem.getValue()) as typeof expected & { $edited?: Record<string, number> };
    expect(stored).toEqual(expected);
    expect(Object.keys($edited ?? {})).toEqual(expect.arrayContaining(['sound', 'tool']));
    expect(await getSettings()).toMatchObject(expected);
  });
});

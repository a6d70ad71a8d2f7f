import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from './defaults';
import { defaultSettingsKeeping, restoreSettings, settingsBackup } from './backup';
import type { Settings } from './settings';

const MINE: Settings = {
  ...DEFAULT_SETTINGS,
  holdSeconds: 25,
  sound: true,
  tool: 'gun',
  theme: 'dark',
  weeklyGoalMinutes: 90,
  reminders: { ...DEFAULT_SETTINGS.reminders, enabled: false, intervalMinutes: 45, firstRunAsked: true },
};

describe('settings in a backup', () => {
  it('come back as they went, through JSON', () => {
    const backup = JSON.parse(JSON.stringify(settingsBackup(MINE))) as unknown;
    expect(backup).toMatchObject({ version: SETTINGS_VERSION });
    expect(restoreSettings(backup)).toEqual(MINE);
  });

  it('from an older version go through the same migrations as stored settings', () => {
    // Version 1 knew only the hold length; version 2 added the choice and the sound.
    expect(restoreSettings({ version: 1, values: { holdSeconds: 25 } })).toEqual({ ...DEFAULT_SETTINGS, holdSeconds: 25 });
    const v2 = restoreSettings({
      version: 2,
      values: { holdSeconds: 20, sound: true, moment: 'post', tool: 'roller', minutes: 8 },
    });
    expect(v2).toEqual({ ...DEFAULT_SETTINGS, holdSeconds: 20, sound: true, moment: 'post', tool: 'roller', minutes: 8 });
  });

  it('from a newer version keep what this version knows, each field checked, and pass the rest through', () => {
    const newer = restoreSettings({
      version: SETTINGS_VERSION + 2,
      values: { ...MINE, holdSeconds: 9999, tool: 'laser', pillows: 3 },
    });
    expect(newer).toMatchObject({ sound: true, theme: 'dark', weeklyGoalMinutes: 90, tool: DEFAULT_SETTINGS.tool, pillows: 3 });
    expect(newer?.holdSeconds).toBe(30);
    expect(newer?.reminders).toMatchObject({ enabled: false, intervalMinutes: 45 });
  });

  it('are refused when they are not a backup of settings', () => {
    for (const bad of [
      undefined,
      null,
      'settings',
      3,
      [],
      {},
      { version: 3 },
      { values: MINE },
      { version: 0, values: MINE },
      { version: 2.5, values: MINE },
      { version: 3, values: [] },
    ]) {
      expect(restoreSettings(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('resetting settings to defaults', () => {
  it('puts every setting back but keeps the welcome question answered', () => {
    expect(defaultSettingsKeeping(MINE)).toEqual({
      ...DEFAULT_SETTINGS,
      reminders: { ...DEFAULT_SETTINGS.reminders, firstRunAsked: true },
    });
    expect(defaultSettingsKeeping(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
});

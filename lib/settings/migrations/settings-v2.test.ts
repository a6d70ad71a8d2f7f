import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettingsV2 } from './settings-v2';
import { migratingSettingsItem as settingsItem } from '../../storage/background-items';

describe('settings v1 → v2', () => {
  it('keeps the hold length and adds the new defaults', () => {
    expect(migrateSettingsV2({ holdSeconds: 30 })).toEqual({
      holdSeconds: 30,
      sound: false,
      moment: 'desk',
      tool: 'ball',
      minutes: 5,
    });
  });

  it('runs when the stored item is read, leaving a user-chosen value intact', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set({ settings: { holdSeconds: 20 }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toMatchObject({
      holdSeconds: 20,
      sound: false,
      moment: 'desk',
      tool: 'ball',
      minutes: 5,
    });
  });
});

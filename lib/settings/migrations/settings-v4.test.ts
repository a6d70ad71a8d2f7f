import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettingsV4 } from './settings-v4';
import { migrateSettingsV3 } from './settings-v3';
import { migratingSettingsItem as settingsItem } from '../../storage/background-items';
import v1 from '../../../tests/fixtures/settings/v1.json';
import v2 from '../../../tests/fixtures/settings/v2.json';
import v3 from '../../../tests/fixtures/settings/v3-stored.json';
import v4 from '../../../tests/fixtures/settings/v4.json';

describe('settings v3 → v4', () => {
  it('adds the check-in (on) and no areas to leave alone, keeping the rest', () => {
    const before = migrateSettingsV3({ holdSeconds: 20, sound: true, moment: 'pre', tool: 'gun', minutes: 7 });
    expect(migrateSettingsV4(before)).toEqual({ ...before, checkIn: true, avoid: [] });
  });
});

describe('stored settings of every earlier version (frozen fixtures)', () => {
  it.each([
    ['v1', v1, v4.fromV1],
    ['v2', v2, v4.fromV2],
    ['v3', v3, v4.fromV3],
  ])('a %s item reads as exactly the v4 settings it migrates to', async (_name, stored, want) => {
    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set(stored);
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(want);
    expect((await fakeBrowser.storage.sync.get('settings$')).settings$).toEqual({ v: 4 });
  });
});

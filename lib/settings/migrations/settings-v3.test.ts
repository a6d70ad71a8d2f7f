import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettingsV3 } from './settings-v3';
import { migratingSettingsItem as settingsItem } from '../../storage/background-items';

describe('settings v2 → v3', () => {
  it('adds reminders (Mon–Fri 09:00–18:00, every 60 active minutes), a weekly goal and sync, keeping the rest', () => {
    const v3 = migrateSettingsV3({ holdSeconds: 20, sound: true, moment: 'pre', tool: 'gun', minutes: 7 });
    expect(v3).toMatchObject({
      holdSeconds: 20,
      sound: true,
      moment: 'pre',
      tool: 'gun',
      minutes: 7,
      weeklyGoalMinutes: 30,
      syncEnabled: true,
    });
    expect(v3.reminders).toEqual({
      enabled: true,
      intervalMinutes: 60,
      activeHours: { start: '09:00', end: '18:00' },
      days: [1, 2, 3, 4, 5],
      idleBreakMinutes: 5,
      firstRunAsked: false,
      snoozeMinutes: 10,
    });
  });

  it('takes a v1 item through v2, v3 (and v4) in one read', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set({ settings: { holdSeconds: 30 }, settings$: { v: 1 } });
    await settingsItem.migrate();
    const value = await settingsItem.getValue();
    expect(value.holdSeconds).toBe(30);
    expect(value.tool).toBe('ball');
    expect(value.reminders.intervalMinutes).toBe(60);
    expect((await fakeBrowser.storage.sync.get('settings$')).settings$).toEqual({ v: 4 });
  });
});

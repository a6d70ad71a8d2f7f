import type { ReminderSettings } from '../../reminders/types';
import type { SettingsV2 } from './settings-v2';

export interface SettingsV3 extends SettingsV2 {
  /**
   * Desk-break reminders. `firstRunAsked` records that the welcome page put the question; `snoozeMinutes`
   * is how long the reminder's Snooze waits (5, 10 or 30).
   */
  reminders: ReminderSettings & { firstRunAsked: boolean; snoozeMinutes: number };
  /** Minutes of rolling a week that the history page measures progress against. */
  weeklyGoalMinutes: number;
  /** Mirror the break log and settings to browser sync storage. */
  syncEnabled: boolean;
}

/**
 * v2 → v3: reminders (on, as the welcome page suggests, until the user answers), a weekly goal, sync on.
 * The values are this version's defaults, frozen here: a later change of a default gets a migration of its
 * own and never changes what this one produced.
 */
export function migrateSettingsV3(v2: SettingsV2): SettingsV3 {
  return {
    ...v2,
    reminders: {
      enabled: true,
      intervalMinutes: 60,
      activeHours: { start: '09:00', end: '18:00' },
      days: [1, 2, 3, 4, 5],
      idleBreakMinutes: 5,
      firstRunAsked: false,
      snoozeMinutes: 10,
    },
    weeklyGoalMinutes: 30,
    syncEnabled: true,
  };
}

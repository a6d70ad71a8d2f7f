import { storage } from 'wxt/utils/storage';
import type { SessionState } from './session/types';
import { HOLD_DEFAULT_SECONDS } from './session/types';
import {
  LAST_ROLLED_FALLBACK,
  LAST_ROLLED_KEY,
  POST_WORKOUT_AT_KEY,
  REMINDER_DEFER_KEY,
  REMINDER_STATE_KEY,
  SESSION_FALLBACK,
  SESSION_KEY,
  TIMER_TAB_KEY,
  type TimerTab,
} from './storage-keys';
import type { AreaId } from './routines/areas';
import type { ReminderState } from './reminders/types';
import type { DeferReason } from './reminders/defer';
import { migrateSettingsV3, type SettingsV3 } from './migrations/settings-v3';
import { migrateSettingsV2 } from './migrations/settings-v2';

/**
 * Every typed storage item the extension keeps, in one place. The overlay's position is the exception:
 * it is read only by the page overlay, through `local-value.ts` (see `storage-keys.ts`).
 */

/** The break in progress (or just done). The background is its only writer. */
export const sessionItem = storage.defineItem<SessionState>(`local:${SESSION_KEY}`, {
  fallback: SESSION_FALLBACK,
});

export const lastRolledItem = storage.defineItem<Partial<Record<AreaId, number>>>(`local:${LAST_ROLLED_KEY}`, {
  fallback: LAST_ROLLED_FALLBACK,
});

/** A random id for this browser profile, stamped on its log entries so synced logs can tell devices apart. */
export const deviceIdItem = storage.defineItem<string | null>('local:deviceId', { fallback: null });

/** The current settings shape; each older version has its migration in `migrations/`. */
export type Settings = SettingsV3;

export const DEFAULT_SETTINGS: Settings = migrateSettingsV3(migrateSettingsV2({ holdSeconds: HOLD_DEFAULT_SECONDS }));

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: { 2: migrateSettingsV2, 3: migrateSettingsV3 },
});

// The open timer window, if any; session storage forgets it with the browser, as the window itself goes.
export const timerWindowItem = storage.defineItem<number | null>('session:timerWindowId', { fallback: null });

/** The tab the break's timer follows from page to page (see storage-keys.ts); null when it is in a window. */
export const timerTabItem = storage.defineItem<TimerTab | null>(`session:${TIMER_TAB_KEY}`, { fallback: null });

/** The desk-break reminder's record (see lib/reminders/types.ts); null until the background first runs. */
export const reminderStateItem = storage.defineItem<ReminderState | null>(`local:${REMINDER_STATE_KEY}`, { fallback: null });

/** Why the last due reminder is waiting, for the popup ("waiting: fullscreen"); null when none waits. */
export const reminderDeferItem = storage.defineItem<DeferReason | null>(`local:${REMINDER_DEFER_KEY}`, { fallback: null });

/** A one-off "remind me to roll after training" time, set from a pre-workout break's done screen. */
export const postWorkoutAtItem = storage.defineItem<number | null>(`local:${POST_WORKOUT_AT_KEY}`, { fallback: null });

import type { SettingsV4 } from './migrations/settings-v4';
import type { ThemeSetting } from '../domain/theme';
import type { Trained } from '../domain/trained';

/**
 * The current settings shape; each older version has its migration in `migrations/`. Fields added
 * since version 4 need no migration: normalizeSettings gives each its default (DEFAULT_SETTINGS) when absent.
 * - `theme`: light, dark or the system's;
 * - `voice`: speak the steps aloud during a break (off by default);
 * - `trained`: what the last workout trained, as the popup asked; null until asked.
 */
export type Settings = SettingsV4 & Required<ThemeSetting> & { voice: boolean; trained: Trained | null };

/**
 * A change to settings: only the fields a person touched. Reminder settings are one level deeper, so a
 * patch may carry some of them (`{ reminders: { days: [1, 2] } }`) without the others.
 */
export type SettingsPatch = {
  [K in keyof Settings]?: Settings[K] extends object ? (Settings[K] extends unknown[] ? Settings[K] : Partial<Settings[K]>) : Settings[K];
};

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

/** Every field optional, at every depth of nested objects (arrays are replaced whole). */
type DeepPartial<T> = { [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * A change to settings: only the fields a person touched, at any depth (`{ reminders: { activeHours: {
 * start: 8 } } }` leaves the end of the active hours and every other reminder field alone).
 */
export type SettingsPatch = DeepPartial<Settings>;

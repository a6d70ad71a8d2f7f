import { HOLD_DEFAULT_SECONDS } from '../session/types';
import { migrateSettingsV2 } from '../migrations/settings-v2';
import { migrateSettingsV3 } from '../migrations/settings-v3';
import type { Settings } from './patch';

/**
 * The settings of a new install: version 1's one setting, taken through every migration, so the defaults
 * are exactly what an upgraded install gets for the fields it never set.
 */
export const DEFAULT_SETTINGS: Settings = migrateSettingsV3(migrateSettingsV2({ holdSeconds: HOLD_DEFAULT_SECONDS }));

/**
 * Settings as found in storage (absent, partial, or from another version) with every missing field filled
 * from the defaults, one level deep. For light readers that can't run WXT's migrations (the popup).
 */
export function settingsWithDefaults(raw: unknown): Settings {
  const found = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  const reminders = found.reminders && typeof found.reminders === 'object' ? found.reminders : {};
  return { ...DEFAULT_SETTINGS, ...found, reminders: { ...DEFAULT_SETTINGS.reminders, ...reminders } };
}

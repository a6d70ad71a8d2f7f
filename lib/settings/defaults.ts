import { HOLD_DEFAULT_SECONDS } from '../session/types';
import { migrateSettingsV2 } from './migrations/settings-v2';
import { migrateSettingsV3 } from './migrations/settings-v3';
import { migrateSettingsV4 } from './migrations/settings-v4';
import type { Settings } from './settings';

/** The version of stored settings (the storage catalogue's settingsItem, and the JSON backup's). */
export const SETTINGS_VERSION = 4;

/**
 * The settings of a new install: version 1's one setting, taken through every migration, so the defaults
 * are exactly what an upgraded install gets for the fields it never set; then the optional fields that
 * came without a migration, at their defaults (normalizeSettings gives an absent one the same value).
 */
export const DEFAULT_SETTINGS: Settings = {
  ...migrateSettingsV4(migrateSettingsV3(migrateSettingsV2({ holdSeconds: HOLD_DEFAULT_SECONDS }))),
  theme: 'system',
  voice: false,
  trained: null,
};

import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/settings';
import { migrateSettingsV2 } from '../settings/migrations/settings-v2';
import { migrateSettingsV3 } from '../settings/migrations/settings-v3';
import { migrateSettingsV4 } from '../settings/migrations/settings-v4';
import { SETTINGS_KEY } from './keys';
import { SETTINGS_VERSION } from './items';

/**
 * The stored items as the background declares them: with their migrations. WXT's `defineItem` starts an
 * item's migrations as soon as it is defined, in whatever context defines it, so only the background
 * imports this file (the dependency rule in .dependency-cruiser.cjs checks it); pages and the timer use
 * the same keys and versions through `items.ts`, which has no migrations.
 */

/** Settings, migrated to SETTINGS_VERSION at the background's start. The settings writer reads and writes this one. */
export const migratingSettingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV2, 3: migrateSettingsV3, 4: migrateSettingsV4 },
});

/** Whether settings are stored at all (this browser's own, or the account's): the fallback hides that. */
export async function hasStoredSettings(): Promise<boolean> {
  return (await storage.getItem(`sync:${SETTINGS_KEY}`)) !== null;
}

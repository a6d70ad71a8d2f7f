import * as v from 'valibot';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from './defaults';
import { normalizeSettings } from './normalize';
import { migrateSettingsV2, type SettingsV1, type SettingsV2 } from './migrations/settings-v2';
import { migrateSettingsV3, type SettingsV3 } from './migrations/settings-v3';
import { migrateSettingsV4 } from './migrations/settings-v4';

/**
 * Settings in the JSON backup (lib/log/import-export.ts) and back. The backup says which version of the
 * stored settings it holds: an older one is taken through the same migrations as stored settings, a newer
 * one (a backup from a later Rollbreak) keeps the fields this version knows, each checked, and passes the
 * rest through; normalizeSettings has the last word either way. Pure; never throws.
 */

export interface SettingsBackup {
  /** The stored settings' version (the storage catalogue's), so a later version knows how to read them. */
  version: number;
  values: Settings;
}

export function settingsBackup(settings: Settings): SettingsBackup {
  return { version: SETTINGS_VERSION, values: settings };
}

const BackupSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  values: v.custom<Record<string, unknown>>((values) => typeof values === 'object' && values !== null && !Array.isArray(values)),
});

/** The settings a backup restores, or null when it holds none this version can read. */
export function restoreSettings(backup: unknown): Settings | null {
  const parsed = v.safeParse(BackupSchema, backup);
  if (!parsed.success) return null;
  const { version, values } = parsed.output;
  let migrated: unknown = values;
  if (version < 2) migrated = migrateSettingsV2(values as unknown as SettingsV1);
  if (version < 3) migrated = migrateSettingsV3(migrated as SettingsV2);
  if (version < 4) migrated = migrateSettingsV4(migrated as SettingsV3);
  return normalizeSettings(migrated);
}

/**
 * "Reset settings to defaults": every setting at its default, except that the welcome page's question
 * stays answered (the person was asked; a reset should not ask again).
 */
export function defaultSettingsKeeping(current: Settings): Settings {
  return { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, firstRunAsked: current.reminders.firstRunAsked } };
}

import type { Settings } from '../storage-items';
import { settingsItem } from '../storage-items';
import { normalizeSettings } from './normalize';

/**
 * The settings, normalized (normalize.ts). Every reader uses this rather than settingsItem.getValue(): a
 * value synced from another version or a broken write can hold anything.
 */
export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

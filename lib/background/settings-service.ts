import { browser } from 'wxt/browser';
import { firstRunPatchItem } from '../storage/items';
import { hasStoredSettings, migratingSettingsItem } from '../storage/background-items';
import { readRawSyncedSettings } from '../storage/sync-area';
import { SETTINGS_KEY } from '../storage/keys';
import { applySettingsPatch, mergePatches } from '../settings/patch';
import { normalizeSettings } from '../settings/normalize';
import { serial } from './serial';
import { type Settings, type SettingsPatch } from '../settings/settings';
import { defaultSettingsKeeping, restoreSettings } from '../settings/backup';
import { restoreLostEdits, stampEdits } from '../settings/field-times';

/**
 * The one writer of settings. Pages and the popup send patches (the fields a person touched); each is
 * applied here, in a queue, to the freshest stored value, so two pages changing different fields at the
 * same moment both keep their change, and a page can never write back a stale copy of the rest.
 */

const queue = serial('settings');

/** The settings in force: the stored (or default) settings with a first-run answer not yet written. */
export async function getSettings(): Promise<Settings> {
  const [stored, pending] = await Promise.all([migratingSettingsItem.getValue(), firstRunPatchItem.getValue()]);
  // Whatever is stored (another version's, a broken write) is normalized before anything reads it.
  const settings = normalizeSettings(stored);
  return pending ? normalizeSettings(applySettingsPatch(settings, pending)) : settings;
}

/**
 * Applies a patch and answers the settings in force. A first-run answer (the welcome page) on a browser
 * with no settings yet is kept aside rather than written: the account's settings may still be on their way
 * from sync, and writing defaults-plus-answer now could replace them. It is written with the next change
 * the person makes, or when synced settings arrive (unless the account already answered the question).
 */
export function patchSettings(patch: SettingsPatch, { firstRun = false } = {}): Promise<Settings> {
  return queue(async () => {
    const pending = await firstRunPatchItem.getValue();
    if (firstRun && !(await hasStoredSettings())) {
      await firstRunPatchItem.setValue(pending ? mergePatches(pending, patch) : patch);
      return getSettings();
    }
    const stored = await migratingSettingsItem.getValue();
    const current = normalizeSettings(stored);
    const next = applySettingsPatch(current, pending ? mergePatches(pending, patch) : patch);
    // Fields a newer version added are kept (normalizeSettings passes them through). The answer is what is
    // stored, normalised (a hold of 999 s asked for is answered with the 30 s kept), so the page shows that.
    const stored2 = normalizeSettings(next);
    if (next !== current) await migratingSettingsItem.setValue(stampEdits(normalizeSettings(stored), stored2, Date.now()));
    if (pending) await firstRunPatchItem.setValue(null);
    return stored2;
  });
}

/**
 * Settings as a whole: restored from a JSON backup (checked and migrated here, where they enter storage;
 * null when the backup holds none this version can read), or back to the defaults. The log is not touched.
 * A first-run answer still waiting is dropped: these settings are what the person chose.
 */
export function replaceSettings(source: { backup: unknown } | 'defaults'): Promise<Settings | null> {
  return queue(async () => {
    const next = source === 'defaults' ? defaultSettingsKeeping(await getSettings()) : restoreSettings(source.backup);
    if (!next) return null;
    // Every field that changes is an edit made now, so another browser's older edits don't bring it back.
    await migratingSettingsItem.setValue(stampEdits(normalizeSettings(await migratingSettingsItem.getValue()), next, Date.now()));
    await firstRunPatchItem.setValue(null);
    return next;
  });
}

/** Synced settings arrived (or changed) while a first-run answer waits: keep the account's, or write ours. */
async function onSettingsArrived(value: unknown): Promise<void> {
  const pending = await firstRunPatchItem.getValue();
  if (!pending || value === undefined) return;
  const answered = (value as Partial<Settings> | null)?.reminders?.firstRunAsked === true;
  if (answered) await queue(() => firstRunPatchItem.setValue(null));
  else await patchSettings({});
}

/**
 * Another browser's settings replaced this browser's: the fields changed here later than theirs are put
 * back (field-times.ts), so edits of different fields on two browsers at once both stay.
 */
async function onSettingsReplaced(oldValue: unknown, newValue: unknown): Promise<void> {
  const restored = restoreLostEdits(oldValue, newValue);
  if (!restored) return;
  await queue(async () => {
    // Against the freshest value: put back only what is still missing.
    const again = restoreLostEdits(oldValue, await readRawSyncedSettings());
    if (again) await migratingSettingsItem.setValue(again as unknown as Settings);
  });
}

/** Watches storage.sync for settings arriving from the account. Registered once at start-up. */
export function registerSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes[SETTINGS_KEY]) {
      const { oldValue, newValue } = changes[SETTINGS_KEY];
      onSettingsArrived(newValue).catch((error: unknown) => console.error('Rollbreak: first-run settings', error));
      onSettingsReplaced(oldValue, newValue).catch((error: unknown) => console.error('Rollbreak: merging settings', error));
    }
  });
}

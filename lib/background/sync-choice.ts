import { syncChoiceItem } from '../storage/items';
import { getSettings } from './settings-service';

/**
 * This browser's choice to sync its break log (Settings → Your data). Until it makes one, the old synced
 * `syncEnabled` setting counts, and is copied here once so that it stops following other browsers.
 */
export async function isSyncOn(): Promise<boolean> {
  const own = await syncChoiceItem.getValue();
  if (typeof own === 'boolean') return own;
  const legacy = (await getSettings()).syncEnabled;
  await syncChoiceItem.setValue(legacy);
  return legacy;
}

/** Answers this browser's choice, after changing it when the page sends one. */
export async function syncChoice(on?: boolean): Promise<{ on: boolean }> {
  if (typeof on === 'boolean') await syncChoiceItem.setValue(on);
  return { on: await isSyncOn() };
}

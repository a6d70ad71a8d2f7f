import { storage } from 'wxt/utils/storage';
import { readSettings } from '../settings/read';

/**
 * Whether this browser syncs its break log: a choice each browser makes for itself, kept in storage.local,
 * so turning sync off on one computer leaves the others as they are. (Before, it was the synced setting
 * `syncEnabled`, which turned it off everywhere at once; that setting is still read once, below, so an
 * update keeps what the user had chosen.) Settings themselves always live in storage.sync.
 */
export const syncChoiceItem = storage.defineItem<boolean | null>('local:syncLog', { fallback: null });

/** This browser's choice; until it makes one, what the old synced setting said (and it is kept from then on). */
export async function isSyncOn(): Promise<boolean> {
  const own = await syncChoiceItem.getValue();
  if (typeof own === 'boolean') return own;
  const legacy = (await readSettings()).syncEnabled;
  await syncChoiceItem.setValue(legacy);
  return legacy;
}

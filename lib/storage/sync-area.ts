import { browser } from 'wxt/browser';
import type { SyncArea } from '../sync/engine';
import { SETTINGS_KEY } from './keys';

/**
 * storage.sync beyond the catalogue's one-key items: the log's records are many keys, laid out by
 * lib/sync/layout.ts, which the sync engine reads, writes and removes as a whole. Background only.
 */

/** The area as the sync engine uses it, or null where the browser has no storage.sync. */
export function syncArea(): SyncArea | null {
  const area = browser.storage?.sync;
  if (!area) return null;
  return {
    get: () => area.get(null),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/** Every key in storage.sync, this browser's and others'. */
export async function syncKeys(): Promise<string[]> {
  return Object.keys(await browser.storage.sync.get(null));
}

/** The synced settings' keys: the value and WXT's version record beside it. */
export const SETTINGS_SYNC_KEYS: readonly string[] = [SETTINGS_KEY, `${SETTINGS_KEY}$`];

/** Removes keys from storage.sync, in one write (writes are rate-limited). */
export async function removeSyncKeys(keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await browser.storage.sync.remove([...keys]);
}

/** Empties storage.local and storage.session (where the browser has it). */
export async function clearLocalAreas(): Promise<void> {
  await browser.storage.local.clear();
  await browser.storage.session?.clear();
}

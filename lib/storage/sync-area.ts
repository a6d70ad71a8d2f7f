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

/** Everything in storage.sync, this browser's and others' (the layout's keys and the settings). */
export async function readSyncArea(): Promise<Record<string, unknown>> {
  return browser.storage.sync.get(null);
}

/** Writes items into storage.sync, in one write (writes are rate-limited). */
export async function writeSyncItems(items: Record<string, unknown>): Promise<void> {
  if (Object.keys(items).length > 0) await browser.storage.sync.set(items);
}

/** The synced settings' raw value as stored, whatever version wrote it (the writer checks it). */
export async function readRawSyncedSettings(): Promise<unknown> {
  return (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
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

/** Empties storage.local (but the keys named in `keep`) and storage.session (where the browser has it). */
export async function clearLocalAreas(keep: readonly string[] = []): Promise<void> {
  const kept = new Set(keep.map((k) => k.replace(/^local:/, '')));
  const local = Object.keys(await browser.storage.local.get(null)).filter((k) => !kept.has(k));
  if (local.length > 0) await browser.storage.local.remove(local);
  await browser.storage.session?.clear();
}

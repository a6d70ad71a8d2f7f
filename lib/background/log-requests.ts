import type { Answer, Request } from '../messaging/protocol';
import { deleteBreak, restoreBreak } from '../log/store';
import { EXPORT_FORMAT, EXPORT_VERSION, importJson, parseExport } from '../log/import-export';
import { syncStatusItem } from '../storage-items';
import { getDeviceId } from './device-id';
import { requestSync, writeLog } from './sync-service';

/**
 * The history page's requests. The page reads IndexedDB itself; every write goes through here, in the sync
 * queue, and is followed by a sync round.
 */

export async function deleteLogged({ id }: Request<'log:delete'>): Promise<Answer<'log:delete'>> {
  const deviceId = await getDeviceId();
  const tomb = await writeLog((db) => deleteBreak(db, id, deviceId, Date.now()));
  if (tomb) void requestSync();
  return { ok: tomb !== null };
}

export async function undoDelete({ entry: raw }: Request<'log:undo'>): Promise<Answer<'log:undo'>> {
  // The entry comes from a page: check it as strictly as an imported one.
  const parsed = parseExport(JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, breaks: [raw] }));
  const entry = parsed.ok ? parsed.breaks[0] : undefined;
  if (!entry) return { ok: false, error: parsed.ok ? { code: 'no_break' } : parsed.error };
  const deviceId = await getDeviceId();
  const restored = await writeLog((db) => restoreBreak(db, entry, deviceId));
  void requestSync();
  return { ok: true, entry: restored };
}

export async function importLog({ text }: Request<'log:import'>): Promise<Answer<'log:import'>> {
  const result = await writeLog((db) => importJson(db, text));
  if (result.ok && result.added > 0) void requestSync();
  return result;
}

export const syncNow = (): Promise<Answer<'sync:now'>> => requestSync();
export const syncStatus = (): Promise<Answer<'sync:status'>> => syncStatusItem.getValue();

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { BreakEntry } from './entry';
import type { ImportResult } from './import-export';
import type { SyncStatus } from '../sync/engine';

/**
 * The typed protocol between the history page and the background for the break log. The page reads
 * IndexedDB itself, but every write goes through the background, which runs it and the sync rounds one at
 * a time and syncs after each write. Separate from lib/messages.ts (the session's protocol): the
 * background's log listener answers only these messages and leaves every other one to the other listeners.
 */
export type LogMessage =
  /** Delete a break (it leaves a tombstone, so the deletion syncs). */
  | { type: 'log:delete'; id: string }
  /** Bring a deleted break back (the entry as the page showed it before deleting). */
  | { type: 'log:undo'; entry: BreakEntry }
  /** Import the text of a JSON export: all of it or nothing. */
  | { type: 'log:import'; text: string }
  /** Run a sync round now and answer its status. */
  | { type: 'sync:now' }
  /** The status of the last sync round, without running one. */
  | { type: 'sync:status' }
  /** Remove this browser's records (breaks, deletions) from storage.sync; sync must be off here first. */
  | { type: 'data:unsync' }
  /** Delete everything Rollbreak keeps for this browser: the log, its records in sync, settings, local state. */
  | { type: 'data:deleteAll' };

export type LogMessageType = LogMessage['type'];

export interface LogResponses {
  'log:delete': { ok: boolean };
  'log:undo': { ok: true; entry: BreakEntry } | { ok: false; error: string };
  'log:import': ImportResult;
  'sync:now': StoredSyncStatus;
  'sync:status': StoredSyncStatus | null;
  'data:unsync': { ok: true; removed: number } | { ok: false; error: string };
  'data:deleteAll': { ok: true } | { ok: false; error: string };
}

export type LogResponse<M extends LogMessage = LogMessage> = LogResponses[M['type']];

/** A sync round's status as the background keeps it for the history page. */
export type StoredSyncStatus = SyncStatus & {
  /** When the round ran (also when sync is off or failing: lastSyncAt is the last success). */
  checkedAt: number;
};

/** The last sync round's status; the background writes it after every round, the history page watches it. */
export const syncStatusItem = storage.defineItem<StoredSyncStatus | null>('local:syncStatus', { fallback: null });

const TYPES: ReadonlySet<string> = new Set<LogMessageType>(['log:delete', 'log:undo', 'log:import', 'sync:now', 'sync:status', 'data:unsync', 'data:deleteAll']);

/** Whether a runtime message is one of this protocol's, with the fields its type needs. */
export function isLogMessage(value: unknown): value is LogMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return false;
  switch (m.type as LogMessageType) {
    case 'log:delete':
      return typeof m.id === 'string';
    case 'log:undo':
      // The entry's fields are validated by the background before it writes anything.
      return typeof m.entry === 'object' && m.entry !== null;
    case 'log:import':
      return typeof m.text === 'string';
    default:
      return true;
  }
}

/** Sends a log message to the background and returns its typed answer. */
export async function sendLog<M extends LogMessage>(message: M): Promise<LogResponse<M>> {
  return (await browser.runtime.sendMessage(message)) as LogResponse<M>;
}

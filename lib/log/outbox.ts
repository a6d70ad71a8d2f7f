import type { BreakEntry } from './entry';

/** Finished breaks waiting for IndexedDB to take them (see lib/background/log-outbox.ts). */
export interface LogOutbox {
  entries: BreakEntry[];
  /** Failed attempts in a row; 0 while none failed. */
  attempts: number;
  /** No attempt before this time (after a failure); null to try at the next wake. */
  retryAt: number | null;
}

export const EMPTY_OUTBOX: LogOutbox = { entries: [], attempts: 0, retryAt: null };

import { EMPTY_OUTBOX, type LogOutbox } from '../log/outbox';
import { logOutboxItem } from '../storage/items';
import { oweSyncRound } from './sync-service';
import { addBreak, openLog } from '../log/db';
import { checkBreak } from '../log/schema';
import type { BreakEntry, CheckInEntry } from '../log/entry';
import { noteRolledAreas } from './last-rolled';

/**
 * Finished breaks on their way into the log. A break's entry goes here (storage.local) before the session
 * records the end, and leaves only once IndexedDB has it. A failed write (quota, a connection closed by an
 * upgrade, a store that cannot open) keeps it here: the session's alarm comes back for it with backoff, and
 * Close or a new break cannot lose it. Nothing here is kept in memory: the service worker may stop at any
 * moment, and the next wake picks the outbox up.
 */

export { EMPTY_OUTBOX, logOutboxItem, type LogOutbox };

/** Delays before the next attempt after 1, 2, 3... failures in a row: 10 s, 1 min, 5 min, 15 min, 30 min, then hourly. */
const BACKOFF_MS = [10_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000];

export function retryDelay(attempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1]!;
}

/** Whether an outbox is due for an attempt at `now`. */
export function outboxDue(outbox: LogOutbox, now: number): boolean {
  return outbox.entries.length > 0 && (outbox.retryAt === null || outbox.retryAt <= now);
}

/**
 * Puts a finished break's entry in the outbox, once. The entry must pass the log's rules (lib/log/schema.ts);
 * the engine keeps every break within them, so one that does not means a clock outside 2000–2100: it is
 * reported, not written, since one bad entry would make the whole export refuse to import.
 */
export async function queueEntry(entry: BreakEntry): Promise<boolean> {
  const checked = checkBreak(entry);
  if (!checked.ok) {
    console.error(`Rollbreak: a break could not be logged (${JSON.stringify(checked.error)})`, entry);
    return false;
  }
  const outbox = await logOutboxItem.getValue();
  if (outbox.entries.some((e) => e.id === entry.id)) return true;
  // A new entry is tried at once, even while older ones wait for their retry.
  await logOutboxItem.setValue({ ...outbox, entries: [...outbox.entries, checked.entry], retryAt: null });
  return true;
}

/**
 * Puts a check-in on a break still waiting in the outbox (its write failed and waits for a retry), so it
 * reaches the log with it. False when the break is not in the outbox.
 */
export async function addCheckInQueued(id: string, checkIn: readonly CheckInEntry[]): Promise<boolean> {
  const outbox = await logOutboxItem.getValue();
  const entry = outbox.entries.find((e) => e.id === id);
  if (!entry) return false;
  const checked = checkBreak({ ...entry, checkIn });
  if (!checked.ok) return false;
  await logOutboxItem.setValue({ ...outbox, entries: outbox.entries.map((e) => (e.id === id ? checked.entry : e)) });
  return true;
}

export interface FlushResult {
  /** Entries written (or found already written) this time. */
  written: BreakEntry[];
  /** The outbox as left: empty, or what still waits and when it is tried again. */
  outbox: LogOutbox;
}

/**
 * Writes what the outbox holds to the log. On a failure the rest stays, with the next attempt's time;
 * never throws. `write` is the IndexedDB write (a parameter so tests can make it fail).
 */
export async function flushOutbox(now: number, write: (entry: BreakEntry) => Promise<void> = writeEntry): Promise<FlushResult> {
  const outbox = await logOutboxItem.getValue();
  if (!outboxDue(outbox, now)) return { written: [], outbox };
  // A round is owed from here (sync-service.ts): a worker stopped after the log took a break but before its
  // round runs one at its next start.
  await oweSyncRound();
  const written: BreakEntry[] = [];
  let left = outbox.entries;
  let failure: unknown = null;
  for (const entry of outbox.entries) {
    try {
      await write(entry);
    } catch (err) {
      failure = err;
      break;
    }
    written.push(entry);
    left = left.slice(1);
  }
  const attempts = failure === null ? 0 : outbox.attempts + 1;
  const next: LogOutbox = { entries: left, attempts, retryAt: failure === null ? null : now + retryDelay(attempts) };
  if (failure !== null)
    console.error(`Rollbreak: the log could not be written; ${left.length} break(s) kept for a retry`, failure);
  await logOutboxItem.setValue(next);
  return { written, outbox: next };
}

/** One entry into IndexedDB, on its own connection; a break already there counts as written. */
async function writeEntry(entry: BreakEntry): Promise<void> {
  const db = await openLog();
  try {
    if (await addBreak(db, entry)) await noteRolledAreas(entry);
  } finally {
    db.close();
  }
}

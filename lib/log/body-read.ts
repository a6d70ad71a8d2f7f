import type { BodySignals } from '../routines/body-signals';
import { NO_SIGNALS, SIGNALS_WINDOW_MS, bodySignals } from '../routines/body-signals';
import { openLog } from './db';

/**
 * The body signals (knots, check-ins) of the recent breaks, read straight from the log: the popup's
 * preview and the background's plan read the same breaks, so the plan that starts is the plan shown.
 * A log that cannot be read gives no signals rather than no plan.
 */
export async function readBodySignals(now: number): Promise<BodySignals> {
  try {
    const db = await openLog();
    try {
      const breaks = await db.getAllFromIndex('breaks', 'by-start', IDBKeyRange.bound(now - SIGNALS_WINDOW_MS, now));
      return bodySignals(breaks, now);
    } finally {
      db.close();
    }
  } catch {
    return NO_SIGNALS;
  }
}

import type { BreakEntry } from '../../lib/log/entry';
import { openLog } from '../../lib/log/db';
import { MAX_IMPORT_BYTES, TOO_BIG, readExport, writeProblem, type ImportResult } from '../../lib/log/import-export';
import { importBreaks } from '../../lib/log/store';
import { send } from '../../lib/messaging/send';

/**
 * `npm run bench` reads these marks (tests/bench/import-chromium.ts) to say where an import's time goes:
 * the file read, checked, the background's answer, the breaks written, the background told. Only the e2e
 * build sets them.
 */
function mark(phase: 'read' | 'checked' | 'begun' | 'written' | 'ended'): void {
  if (import.meta.env.ROLLBREAK_E2E) performance.mark(`rollbreak:import-${phase}`);
}

/**
 * The History page's import of a JSON export: the one write to the log a page makes itself, and the only
 * path an import takes (why, and how the background keeps its order: lib/background/data/import-job.ts).
 * 1. A file over the size guard is refused before it is read; the rest is read and checked whole, so a bad
 *    file reaches neither the background nor the log.
 * 2. The background is told first. It answers once its sync queue is free (a round or a "Delete all" that
 *    is running ends first), with the import recorded and a round owed, and then waits for this import.
 * 3. The breaks are written in one IndexedDB transaction: all of them, or none (a closed tab aborts it).
 * 4. The background is told the import ended, whatever happened, so its queue goes on and the round runs.
 * `onWritten` is given the breaks written, when exactly which ones is known (lib/log/store.ts's importBreaks),
 * so the page shows them without reading the log again.
 * A bad file or a failed write is an ImportResult; a background that cannot be reached or refuses
 * (during "Delete all my data") rejects with its RequestError, before anything is written.
 */
export async function importIntoLog(file: Blob, onWritten?: (written: BreakEntry[]) => void): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: TOO_BIG };
  const text = await file.text();
  mark('read');
  const read = readExport(text);
  mark('checked');
  if (!read.ok) return read;
  const settings = read.settings ? { settings: read.settings } : {};
  if (read.breaks.length === 0) return { ok: true, added: 0, skipped: 0, ...settings };
  const { token } = await send({ type: 'log:importBegin' });
  mark('begun');
  let added = 0;
  try {
    const db = await openLog();
    try {
      const result = await importBreaks(db, read.breaks, onWritten);
      mark('written');
      added = result.added;
      return { ok: true, ...result, ...settings };
    } finally {
      db.close();
    }
  } catch (err) {
    return { ok: false, error: writeProblem(err) };
  } finally {
    // A background gone meanwhile finds the import's record at its next start (or its lease runs out).
    await send({ type: 'log:importEnd', token, added }).catch(() => undefined);
    mark('ended');
  }
}

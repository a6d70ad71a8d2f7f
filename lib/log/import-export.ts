import * as v from 'valibot';
import type { IDBPDatabase } from 'idb';
import type { BreakEntry } from './entry';
import type { RollbreakDB } from './db';
import { importBreaks } from './store';
import { BreakSchema, cleanBreak, describeIssue, isCleanBreak, meetsRules, oneOf, problem, type ImportProblem } from './schema';
import { restoreSettings, type SettingsBackup } from '../settings/backup';

export type { ImportProblem, ImportProblemCode } from './schema';

/**
 * Export and import of the break log.
 *
 * JSON (round-trips everything): `{ format: 'rollbreak-log', version: 1, exportedAt: ISO time, settings?, breaks: [...] }`,
 * one BreakEntry per element, oldest first. `settings` (lib/settings/backup.ts: their version and values)
 * came later and is optional: older files have none, and older versions of Rollbreak skip it. Import validates the whole file first and writes all of it in
 * one transaction, or nothing; breaks already in the log (same id or same cross-device key) and deleted
 * ones are skipped, so importing a file twice changes nothing.
 *
 * CSV (for spreadsheets, not imported back), two files:
 *   breaks: id, device_id, started_at, ended_at (ISO 8601, UTC), active_seconds, planned_seconds, hold_count,
 *           context, tool, completed (true/false), areas (area ids in the order rolled, space-separated),
 *           knots (each Knot press as area/side/seconds, side "-" when none, space-separated),
 *           check_in (area:eased|same|worse, space-separated; empty when not answered)
 *   steps:  break_id, step (1-based), area, side (left/right/empty), seconds — one row per rolled step
 */

export const EXPORT_FORMAT = 'rollbreak-log';
export const EXPORT_VERSION = 1;
/**
 * Larger files are refused before parsing. A break takes about 0.4–0.8 KB of JSON, so 160 MB holds every
 * export of up to 250,000 breaks (decades of several breaks a day): whatever Rollbreak exports imports
 * back, and an absurd file is refused before it is read.
 */
export const MAX_IMPORT_BYTES = 160 * 1024 * 1024;
export const MAX_IMPORT_BREAKS = 250_000;

export interface LogExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  settings?: SettingsBackup;
  breaks: BreakEntry[];
}

/** Breaks oldest first (ties by id), as exports list them; a log already in that order is not copied and sorted again. */
function byStart(entries: readonly BreakEntry[]): readonly BreakEntry[] {
  const before = (a: BreakEntry, b: BreakEntry) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (let i = 1; i < entries.length; i++) {
    if (before(entries[i - 1]!, entries[i]!) > 0) return [...entries].sort(before);
  }
  return entries;
}

/** Breaks per piece of an export: each piece is a short task, so a page writing a big export stays responsive. */
export const EXPORT_PIECE = 2_000;

/**
 * An export's text in pieces (a Blob takes them as they are, with no one string of the whole file in
 * between): JSON, or one of the two CSV files. Joined, the pieces are the file (exportJson, exportCsv).
 */
export function* exportPieces(
  what: 'json' | 'breaks' | 'steps',
  entries: readonly BreakEntry[],
  now: number,
  settings?: SettingsBackup,
): Generator<string> {
  const sorted = byStart(entries);
  if (what === 'json') {
    // One break per line: diffable and still compact.
    const kept = settings ? `\n"settings":${JSON.stringify(settings)},\n` : '';
    yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(
      new Date(now).toISOString(),
    )},${kept}"breaks":[`;
    for (let from = 0; from < sorted.length; from += EXPORT_PIECE) {
      const lines = sorted.slice(from, from + EXPORT_PIECE).map((b) => JSON.stringify(b));
      yield `${from === 0 ? '\n' : ',\n'}${lines.join(',\n')}`;
    }
    yield sorted.length ? '\n]}\n' : ']}\n';
    return;
  }
  yield csvRow(what === 'breaks' ? BREAK_COLUMNS : STEP_COLUMNS);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let from = 0; from < sorted.length; from += EXPORT_PIECE) {
    let piece = '';
    for (const b of sorted.slice(from, from + EXPORT_PIECE)) {
      if (what === 'breaks') {
        piece += csvRow([
          b.id,
          b.deviceId,
          iso(b.startedAt),
          iso(b.endedAt),
          b.activeSeconds,
          b.plannedSeconds,
          b.holdCount,
          b.context,
          b.tool,
          b.completed,
          [...new Set(b.steps.map((s) => s.area))].join(' '),
          (b.knots ?? []).map((k) => `${k.area}/${k.side ?? '-'}/${k.seconds}`).join(' '),
          (b.checkIn ?? []).map((c) => `${c.area}:${c.feel}`).join(' '),
        ]);
      } else {
        b.steps.forEach((s, i) => (piece += csvRow([b.id, i + 1, s.area, s.side, s.seconds])));
      }
    }
    yield piece;
  }
}

export function exportJson(entries: readonly BreakEntry[], now: number, settings?: SettingsBackup): string {
  return [...exportPieces('json', entries, now, settings)].join('');
}

const BREAK_COLUMNS = [
  'id',
  'device_id',
  'started_at',
  'ended_at',
  'active_seconds',
  'planned_seconds',
  'hold_count',
  'context',
  'tool',
  'completed',
  'areas',
  'knots',
  'check_in',
];
const STEP_COLUMNS = ['break_id', 'step', 'area', 'side', 'seconds'];

function csvCell(value: string | number | boolean | null): string {
  // Counts and booleans need nothing (a negative number would, as text starting with "-").
  if (typeof value === 'boolean' || (typeof value === 'number' && value >= 0)) return String(value);
  let s = value === null ? '' : String(value);
  // A cell a spreadsheet would run as a formula is kept as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(row: ReadonlyArray<string | number | boolean | null>): string {
  return row.map(csvCell).join(',') + '\r\n';
}

export function exportCsv(entries: readonly BreakEntry[]): { breaks: string; steps: string } {
  return {
    breaks: [...exportPieces('breaks', entries, 0)].join(''),
    steps: [...exportPieces('steps', entries, 0)].join(''),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Validation: every break meets the log's one set of rules (schema.ts).

const ExportSchema = v.object(
  {
    format: v.literal(EXPORT_FORMAT, oneOf([EXPORT_FORMAT])),
    version: v.literal(EXPORT_VERSION, problem('version', { limit: EXPORT_VERSION })),
    exportedAt: v.optional(v.union([v.string(), v.number()], problem('time'))),
    breaks: v.pipe(
      v.array(BreakSchema, problem('list')),
      v.maxLength(MAX_IMPORT_BREAKS, problem('many', { limit: MAX_IMPORT_BREAKS })),
    ),
  },
  problem('not_export'),
);

export const TOO_BIG: ImportProblem = { code: 'too_big', limit: MAX_IMPORT_BYTES / 1024 / 1024 };

export type ParseResult = { ok: true; breaks: BreakEntry[] } | { ok: false; error: ImportProblem };

/** Whether a text is over MAX_IMPORT_BYTES in UTF-8, without encoding the whole of it when it is plain ASCII. */
function tooBig(text: string): boolean {
  if (text.length > MAX_IMPORT_BYTES) return true;
  // A character takes at most 3 bytes, and printable ASCII one: only other text can pass the limit in bytes.
  return (
    text.length > MAX_IMPORT_BYTES / 3 && /[^\t\n\r -~]/.test(text) && new TextEncoder().encode(text).length > MAX_IMPORT_BYTES
  );
}

/**
 * The breaks of a parsed export when the whole file surely meets the rules (schema.ts's meetsRules, one pass,
 * no copies but the clean ones); null otherwise, and the schema says what is wrong.
 */
function quickBreaks(data: unknown): BreakEntry[] | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const doc = data as Record<string, unknown>;
  if (doc.format !== EXPORT_FORMAT || doc.version !== EXPORT_VERSION) return null;
  const at = doc.exportedAt;
  if (at !== undefined && typeof at !== 'string' && !(typeof at === 'number' && !Number.isNaN(at))) return null;
  const list = doc.breaks;
  if (!Array.isArray(list) || list.length > MAX_IMPORT_BREAKS) return null;
  for (const b of list) if (!meetsRules(b)) return null;
  return list as BreakEntry[];
}

/** Validates an export file's text. Nothing is written; the breaks are fresh objects with only known fields. */
export function parseExport(text: string): ParseResult {
  const read = readExport(text);
  return read.ok ? { ok: true, breaks: read.breaks } : read;
}

/**
 * parseExport, and the settings the file holds (settingsOf), from one reading of the text
 * (a file of 100,000 breaks is some 70 MB: it is parsed once).
 */
export function readExport(
  text: string,
): (ParseResult & { ok: false }) | { ok: true; breaks: BreakEntry[]; settings: SettingsBackup | null } {
  if (typeof text !== 'string') return { ok: false, error: { code: 'unreadable' } };
  if (tooBig(text)) return { ok: false, error: TOO_BIG };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not_json' } };
  }
  let valid = quickBreaks(data);
  // Breaks straight from JSON.parse need no copy when they hold nothing else; valibot's output may share arrays.
  const fresh = valid !== null;
  if (!valid) {
    const result = v.safeParse(ExportSchema, data, { abortEarly: true });
    if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
    valid = result.output.breaks;
  }
  const seen = new Set<string>();
  const breaks: BreakEntry[] = [];
  for (const b of valid) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    breaks.push(fresh && isCleanBreak(b) ? b : cleanBreak(b));
  }
  return { ok: true, breaks, settings: settingsOf(data) };
}

export type ImportResult =
  { ok: true; added: number; skipped: number; settings?: SettingsBackup } | { ok: false; error: ImportProblem };

/**
 * The settings a JSON backup holds, as they are in the file, if this version can restore them (checked
 * again where they are written); null for a file without settings (older exports) or with unreadable ones.
 * Importing the log never touches settings: restoring them is the person's choice, offered after.
 */
function settingsOf(doc: unknown): SettingsBackup | null {
  try {
    const backup = (doc as { settings?: unknown } | null)?.settings;
    return restoreSettings(backup) ? (backup as SettingsBackup) : null;
  } catch {
    return null;
  }
}

/**
 * Validates and imports an export file's text: all of it, or nothing with an error naming the first problem.
 * (In the extension, an import's one writer is the History page, in its turn of the background's sync queue:
 * components/history/import-into-log.ts.)
 * `settings`: what the file holds that this version can restore (settingsOf), when it holds any.
 */
export async function importJson(db: IDBPDatabase<RollbreakDB>, text: string): Promise<ImportResult> {
  const read = readExport(text);
  if (!read.ok) return read;
  try {
    const { added, skipped } = await importBreaks(db, read.breaks);
    return { ok: true, added, skipped, ...(read.settings ? { settings: read.settings } : {}) };
  } catch (err) {
    return { ok: false, error: writeProblem(err) };
  }
}

/** A write to the log that failed, as an import's problem. */
export const writeProblem = (err: unknown): ImportProblem => ({
  code: 'write',
  detail: err instanceof Error ? err.message : String(err),
});

/** importJson for a picked file, refusing one over the size limit before reading it. */
export async function importFile(db: IDBPDatabase<RollbreakDB>, file: Blob): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: TOO_BIG };
  return importJson(db, await file.text());
}

import * as v from 'valibot';
import type { IDBPDatabase } from 'idb';
import type { BreakEntry } from './entry';
import type { RollbreakDB } from './db';
import { importBreaks } from './store';
import { BreakSchema, cleanBreak, describeIssue, oneOf, problem, type ImportProblem } from './schema';
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

function byStart(entries: readonly BreakEntry[]): BreakEntry[] {
  return [...entries].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function exportJson(entries: readonly BreakEntry[], now: number, settings?: SettingsBackup): string {
  const doc: LogExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    breaks: byStart(entries),
  };
  // One break per line: diffable and still compact.
  const lines = doc.breaks.map((b) => JSON.stringify(b));
  const kept = settings ? `\n"settings":${JSON.stringify(settings)},\n` : '';
  return `{"format":${JSON.stringify(doc.format)},"version":${doc.version},"exportedAt":${JSON.stringify(doc.exportedAt)},${kept}"breaks":[${
    lines.length ? `\n${lines.join(',\n')}\n` : ''
  }]}\n`;
}

function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  // A cell a spreadsheet would run as a formula is kept as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function exportCsv(entries: readonly BreakEntry[]): { breaks: string; steps: string } {
  const sorted = byStart(entries);
  const iso = (ms: number) => new Date(ms).toISOString();
  const breaks = csv([
    [
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
    ],
    ...sorted.map((b) => [
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
    ]),
  ]);
  const steps = csv([
    ['break_id', 'step', 'area', 'side', 'seconds'],
    ...sorted.flatMap((b) => b.steps.map((s, i) => [b.id, i + 1, s.area, s.side, s.seconds])),
  ]);
  return { breaks, steps };
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

const TOO_BIG: ImportProblem = { code: 'too_big', limit: MAX_IMPORT_BYTES / 1024 / 1024 };

export type ParseResult = { ok: true; breaks: BreakEntry[] } | { ok: false; error: ImportProblem };

/** Validates an export file's text. Nothing is written; the breaks are fresh objects with only known fields. */
export function parseExport(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: { code: 'unreadable' } };
  if (
    text.length > MAX_IMPORT_BYTES ||
    (text.length > MAX_IMPORT_BYTES / 3 && new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)
  ) {
    return { ok: false, error: TOO_BIG };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not_json' } };
  }
  const result = v.safeParse(ExportSchema, data, { abortEarly: true });
  if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
  const seen = new Set<string>();
  const breaks: BreakEntry[] = [];
  for (const b of result.output.breaks) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    breaks.push(cleanBreak(b));
  }
  return { ok: true, breaks };
}

export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; error: ImportProblem };

/**
 * The settings a JSON backup holds, as they are in the file, if this version can restore them (checked
 * again where they are written); null for a file without settings (older exports) or with unreadable ones.
 * Importing the log never touches settings: restoring them is the person's choice, offered after.
 */
export function settingsInExport(text: string): SettingsBackup | null {
  try {
    const backup = (JSON.parse(text) as { settings?: unknown } | null)?.settings;
    return restoreSettings(backup) ? (backup as SettingsBackup) : null;
  } catch {
    return null;
  }
}

/** Validates and imports an export file's text: all of it, or nothing with an error naming the first problem. */
export async function importJson(db: IDBPDatabase<RollbreakDB>, text: string): Promise<ImportResult> {
  const parsed = parseExport(text);
  if (!parsed.ok) return parsed;
  try {
    const { added, skipped } = await importBreaks(db, parsed.breaks);
    return { ok: true, added, skipped };
  } catch (err) {
    return { ok: false, error: { code: 'write', detail: err instanceof Error ? err.message : String(err) } };
  }
}

/** importJson for a picked file, refusing one over the size limit before reading it. */
export async function importFile(db: IDBPDatabase<RollbreakDB>, file: Blob): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: TOO_BIG };
  return importJson(db, await file.text());
}

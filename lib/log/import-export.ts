import * as v from 'valibot';
import type { IDBPDatabase } from 'idb';
import type { BreakEntry } from './entry';
import type { RollbreakDB } from './db';
import { importBreaks } from './store';
import { AREA_IDS } from '../routines/areas';
import { MOMENT_IDS, TOOLS } from '../domain/lists';

/**
 * Export and import of the break log.
 *
 * JSON (round-trips everything): `{ format: 'rollbreak-log', version: 1, exportedAt: ISO time, breaks: [...] }`,
 * one BreakEntry per element, oldest first. Import validates the whole file first and writes all of it in
 * one transaction, or nothing; breaks already in the log (same id or same cross-device key) and deleted
 * ones are skipped, so importing a file twice changes nothing.
 *
 * CSV (for spreadsheets, not imported back), two files:
 *   breaks: id, device_id, started_at, ended_at (ISO 8601, UTC), active_seconds, planned_seconds, hold_count,
 *           context, tool, completed (true/false), areas (area ids in the order rolled, space-separated)
 *   steps:  break_id, step (1-based), area, side (left/right/empty), seconds — one row per rolled step
 */

export const EXPORT_FORMAT = 'rollbreak-log';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing. A break takes about 0.4–0.8 KB of JSON: ~25,000 breaks. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
export const MAX_IMPORT_BREAKS = 100_000;

export interface LogExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  breaks: BreakEntry[];
}

function byStart(entries: readonly BreakEntry[]): BreakEntry[] {
  return [...entries].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function exportJson(entries: readonly BreakEntry[], now: number): string {
  const doc: LogExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    breaks: byStart(entries),
  };
  // One break per line: diffable and still compact.
  const lines = doc.breaks.map((b) => JSON.stringify(b));
  return `{"format":${JSON.stringify(doc.format)},"version":${doc.version},"exportedAt":${JSON.stringify(doc.exportedAt)},"breaks":[${
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
    ['id', 'device_id', 'started_at', 'ended_at', 'active_seconds', 'planned_seconds', 'hold_count', 'context', 'tool', 'completed', 'areas'],
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
    ]),
  ]);
  const steps = csv([
    ['break_id', 'step', 'area', 'side', 'seconds'],
    ...sorted.flatMap((b) => b.steps.map((s, i) => [b.id, i + 1, s.area, s.side, s.seconds])),
  ]);
  return { breaks, steps };
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);
const DAY_SECONDS = 86_400;

/**
 * What is wrong with an import, as data: the history page words it in the user's language
 * (import-problem.ts), so no English travels from the background. `import_err_<code>` is its message.
 */
export interface ImportProblem {
  code: ImportProblemCode;
  /** Where, 1-based: the break in the file, and the step within that break. */
  breakNo?: number;
  stepNo?: number;
  /** The field as the file names it ("activeSeconds", "steps"), when the problem is one field's. */
  field?: string;
  /** The limit broken: characters, entries, the largest value, the version; for `too_big`, megabytes. */
  limit?: number;
  /** The values the field may take, written as in JSON (`"pre"`, `true`, `null`). */
  values?: string[];
  /** The browser's own words, when it refused to write the log. */
  detail?: string;
}

export type ImportProblemCode =
  /* the file */
  | 'unreadable' | 'too_big' | 'not_json' | 'not_export' | 'write' | 'no_break'
  /* a break or step that is not an object, or one of its fields */
  | 'record' | 'missing' | 'text' | 'empty' | 'long' | 'chars' | 'number' | 'whole' | 'negative' | 'max'
  | 'early' | 'late' | 'time' | 'ended' | 'area' | 'one_of' | 'list' | 'many' | 'version';

type IssueProblem = Pick<ImportProblem, 'code' | 'limit' | 'values'>;
/** A valibot message carrying a problem (describe() reads it back): codes, not words. */
const problem = (code: ImportProblemCode, more: Omit<IssueProblem, 'code'> = {}): string => JSON.stringify({ code, ...more });
const oneOf = (values: ReadonlyArray<string | number | boolean | null>) => problem('one_of', { values: values.map((x) => JSON.stringify(x)) });

const idString = v.pipe(
  v.string(problem('text')),
  v.minLength(1, problem('empty')),
  v.maxLength(100, problem('long', { limit: 100 })),
  v.regex(/^[A-Za-z0-9._~-]+$/, problem('chars')),
);
const wholeNumber = (max: number) =>
  v.pipe(
    v.number(problem('number')),
    v.integer(problem('whole')),
    v.minValue(0, problem('negative')),
    v.maxValue(max, problem('max', { limit: max })),
  );
const time = v.pipe(
  v.number(problem('number')),
  v.integer(problem('whole')),
  v.minValue(MIN_TIME, problem('early')),
  v.maxValue(MAX_TIME, problem('late')),
);

const SIDES = ['left', 'right'] as const;
const MAX_STEPS = 500;

const StepSchema = v.object(
  {
    area: v.picklist(AREA_IDS, problem('area')),
    side: v.nullable(v.picklist(SIDES, oneOf([...SIDES, null]))),
    seconds: wholeNumber(DAY_SECONDS),
  },
  problem('record'),
);

const BreakSchema = v.pipe(
  v.object(
    {
      id: idString,
      deviceId: idString,
      startedAt: time,
      endedAt: time,
      activeSeconds: wholeNumber(DAY_SECONDS),
      plannedSeconds: wholeNumber(DAY_SECONDS),
      steps: v.pipe(v.array(StepSchema, problem('list')), v.maxLength(MAX_STEPS, problem('many', { limit: MAX_STEPS }))),
      holdCount: wholeNumber(10_000),
      context: v.picklist(MOMENT_IDS, oneOf(MOMENT_IDS)),
      tool: v.picklist(TOOLS, oneOf(TOOLS)),
      completed: v.boolean(oneOf([true, false])),
    },
    problem('record'),
  ),
  v.forward(
    v.check((b) => b.endedAt >= b.startedAt && b.endedAt - b.startedAt <= DAY_SECONDS * 1000, problem('ended')),
    ['endedAt'],
  ),
);

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

/** The first issue as a problem: break 3's activeSeconds is not whole, break 2's step 4 has an unknown area, ... */
function describe(issue: v.BaseIssue<unknown>): ImportProblem {
  const path = issue.path ?? [];
  const missing = path.length > 0 && path[path.length - 1]!.origin === 'key';
  const keys = path.map((p) => p.key);
  const where: Pick<ImportProblem, 'breakNo' | 'stepNo'> = {};
  let field: string[] = keys.map(String);
  if (keys[0] === 'breaks' && typeof keys[1] === 'number') {
    where.breakNo = keys[1] + 1;
    if (keys[2] === 'steps' && typeof keys[3] === 'number') {
      where.stepNo = keys[3] + 1;
      field = keys.slice(4).map(String);
    } else field = keys.slice(2).map(String);
  }
  const name = field.join('.');
  const found = JSON.parse(issue.message) as IssueProblem;
  const what: IssueProblem = missing ? { code: 'missing' } : found;
  return { ...where, ...(name ? { field: name } : {}), ...what };
}

const TOO_BIG: ImportProblem = { code: 'too_big', limit: MAX_IMPORT_BYTES / 1024 / 1024 };

export type ParseResult = { ok: true; breaks: BreakEntry[] } | { ok: false; error: ImportProblem };

/** Validates an export file's text. Nothing is written; the breaks are fresh objects with only known fields. */
export function parseExport(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: { code: 'unreadable' } };
  if (text.length > MAX_IMPORT_BYTES || (text.length > MAX_IMPORT_BYTES / 3 && new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)) {
    return { ok: false, error: TOO_BIG };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not_json' } };
  }
  const result = v.safeParse(ExportSchema, data, { abortEarly: true });
  if (!result.success) return { ok: false, error: describe(result.issues[0]) };
  const seen = new Set<string>();
  const breaks: BreakEntry[] = [];
  for (const b of result.output.breaks) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    breaks.push({
      id: b.id,
      deviceId: b.deviceId,
      startedAt: b.startedAt,
      endedAt: b.endedAt,
      activeSeconds: b.activeSeconds,
      plannedSeconds: b.plannedSeconds,
      steps: b.steps.map((s) => ({ area: s.area, side: s.side, seconds: s.seconds })),
      holdCount: b.holdCount,
      context: b.context,
      tool: b.tool,
      completed: b.completed,
    });
  }
  return { ok: true, breaks };
}

export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; error: ImportProblem };

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

import * as v from 'valibot';
import type { BreakEntry } from './entry';
import { AREA_IDS } from '../domain/areas';
import { FEELS } from './entry';
import { MAX_HOLDS_PER_BREAK } from '../session/types';
import { MOMENT_IDS, TOOLS } from '../domain/lists';

/**
 * The one set of rules a break must meet to be in the log, wherever it comes from: a JSON import, a record
 * from another device through sync, an Undo sent by the history page, and the session engine's own output
 * (checked before it is written). A break that passes here can always be exported and imported again.
 *
 * The limits are wide enough for anything a person can do and narrow enough to catch corruption: times in
 * 2000–2100, a break no longer than a day (the engine ends a break paused for hours by itself, see
 * lib/session/machine.ts), counts that fit what a day can hold.
 */

export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2100, 0, 1);
export const DAY_SECONDS = 86_400;
export const MAX_STEPS = 500;
export const MAX_HOLDS = 10_000;
/** Knot presses kept per break: the engine stops holds at MAX_HOLDS_PER_BREAK. */
export const MAX_KNOTS = MAX_HOLDS_PER_BREAK;
/** A hold lasts at most HOLD_MAX_SECONDS; a little room for another version's longer holds. */
export const MAX_KNOT_SECONDS = 120;

/**
 * What is wrong with a break (or an import file), as data: pages word it in the person's language
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
  | 'unreadable'
  | 'too_big'
  | 'not_json'
  | 'not_export'
  | 'write'
  | 'no_break'
  /* a break or step that is not an object, or one of its fields */
  | 'record'
  | 'missing'
  | 'text'
  | 'empty'
  | 'long'
  | 'chars'
  | 'number'
  | 'whole'
  | 'negative'
  | 'max'
  | 'early'
  | 'late'
  | 'time'
  | 'ended'
  | 'area'
  | 'one_of'
  | 'list'
  | 'many'
  | 'version';

type IssueProblem = Pick<ImportProblem, 'code' | 'limit' | 'values'>;
/** A valibot message carrying a problem (describeIssue() reads it back): codes, not words. */
export const problem = (code: ImportProblemCode, more: Omit<IssueProblem, 'code'> = {}): string =>
  JSON.stringify({ code, ...more });
export const oneOf = (values: ReadonlyArray<string | number | boolean | null>) =>
  problem('one_of', { values: values.map((x) => JSON.stringify(x)) });

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

const StepSchema = v.object(
  {
    area: v.picklist(AREA_IDS, problem('area')),
    side: v.nullable(v.picklist(SIDES, oneOf([...SIDES, null]))),
    seconds: wholeNumber(DAY_SECONDS),
  },
  problem('record'),
);

const KnotSchema = v.object(
  {
    area: v.picklist(AREA_IDS, problem('area')),
    side: v.nullable(v.picklist(SIDES, oneOf([...SIDES, null]))),
    seconds: wholeNumber(MAX_KNOT_SECONDS),
  },
  problem('record'),
);

const CheckInSchema = v.object(
  {
    area: v.picklist(AREA_IDS, problem('area')),
    feel: v.picklist(FEELS, oneOf(FEELS)),
  },
  problem('record'),
);

export const BreakSchema = v.pipe(
  v.object(
    {
      id: idString,
      deviceId: idString,
      startedAt: time,
      endedAt: time,
      activeSeconds: wholeNumber(DAY_SECONDS),
      plannedSeconds: wholeNumber(DAY_SECONDS),
      steps: v.pipe(v.array(StepSchema, problem('list')), v.maxLength(MAX_STEPS, problem('many', { limit: MAX_STEPS }))),
      holdCount: wholeNumber(MAX_HOLDS),
      context: v.picklist(MOMENT_IDS, oneOf(MOMENT_IDS)),
      tool: v.picklist(TOOLS, oneOf(TOOLS)),
      completed: v.boolean(oneOf([true, false])),
      knots: v.optional(
        v.pipe(v.array(KnotSchema, problem('list')), v.maxLength(MAX_KNOTS, problem('many', { limit: MAX_KNOTS }))),
      ),
      checkIn: v.optional(
        v.pipe(
          v.array(CheckInSchema, problem('list')),
          v.maxLength(AREA_IDS.length, problem('many', { limit: AREA_IDS.length })),
          // One answer per area, and only for an area the break rolled.
          v.check((list) => new Set(list.map((c) => c.area)).size === list.length, problem('record')),
        ),
      ),
    },
    problem('record'),
  ),
  v.forward(
    v.check((b) => b.endedAt >= b.startedAt && b.endedAt - b.startedAt <= DAY_SECONDS * 1000, problem('ended')),
    ['endedAt'],
  ),
  v.forward(
    v.check((b) => !b.checkIn || b.checkIn.every((c) => b.steps.some((s) => s.area === c.area)), problem('area')),
    ['checkIn'],
  ),
);

/** A fresh copy with only the known fields (valibot's output may share arrays with the input). */
export function cleanBreak(b: BreakEntry): BreakEntry {
  return {
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
    ...(b.knots && b.knots.length > 0 ? { knots: b.knots.map((k) => ({ area: k.area, side: k.side, seconds: k.seconds })) } : {}),
    ...(b.checkIn && b.checkIn.length > 0 ? { checkIn: b.checkIn.map((c) => ({ area: c.area, feel: c.feel })) } : {}),
  };
}

/** How many enumerable fields an object has (no array of its keys made). */
function fieldCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * Whether a break that meetsRules, as JSON.parse made it, already is what cleanBreak would make of it: no
 * field but the known ones at any level, and no empty knots or check-in list. Such a break is kept as it
 * is; copying 100,000 of them took as long as checking them.
 */
export function isCleanBreak(b: BreakEntry): boolean {
  const { knots, checkIn } = b;
  if (knots?.length === 0 || checkIn?.length === 0) return false;
  if (fieldCount(b) !== 11 + (knots ? 1 : 0) + (checkIn ? 1 : 0)) return false;
  for (const s of b.steps) if (fieldCount(s) !== 3) return false;
  if (knots) for (const k of knots) if (fieldCount(k) !== 3) return false;
  if (checkIn) for (const c of checkIn) if (fieldCount(c) !== 2) return false;
  return true;
}

/**
 * The first issue as a problem: break 3's activeSeconds is not whole, break 2's step 4 has an unknown area…
 * Paths under `breaks` (an export file) say which break and step; a lone break's path names only the field.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): ImportProblem {
  const path = issue.path ?? [];
  const missing = path.length > 0 && path[path.length - 1]!.origin === 'key';
  const keys = path.map((p) => p.key);
  const where: Pick<ImportProblem, 'breakNo' | 'stepNo'> = {};
  let rest = keys;
  if (keys[0] === 'breaks' && typeof keys[1] === 'number') {
    where.breakNo = keys[1] + 1;
    rest = keys.slice(2);
  }
  if (rest[0] === 'steps' && typeof rest[1] === 'number') {
    where.stepNo = rest[1] + 1;
    rest = rest.slice(2);
  }
  const name = rest.map(String).join('.');
  let found: IssueProblem;
  try {
    found = JSON.parse(issue.message) as IssueProblem;
  } catch {
    found = { code: 'record' };
  }
  const what: IssueProblem = missing ? { code: 'missing' } : found;
  return { ...where, ...(name ? { field: name } : {}), ...what };
}

// ---------------------------------------------------------------------------------------------------------
// The same rules in one pass, for the many breaks of an import or a sync round (a tenth of valibot's time).
// Only a shortcut: it says yes to a break only when BreakSchema does (schema.test.ts holds it to that), and
// anything it does not accept goes to the schema, which says what is wrong.

const ID_CHARS = /^[A-Za-z0-9._~-]+$/;
const isId = (x: unknown): boolean => typeof x === 'string' && x.length >= 1 && x.length <= 100 && ID_CHARS.test(x);
const isWhole = (x: unknown, max: number): boolean => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;
const isTime = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= MIN_TIME && (x as number) <= MAX_TIME;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const AREA_SET: ReadonlySet<unknown> = new Set(AREA_IDS);
const MOMENT_SET: ReadonlySet<unknown> = new Set(MOMENT_IDS);
const TOOL_SET: ReadonlySet<unknown> = new Set(TOOLS);
const FEEL_SET: ReadonlySet<unknown> = new Set(FEELS);
const isSide = (x: unknown): boolean => x === null || x === 'left' || x === 'right';

function isPart(x: unknown, maxSeconds: number): boolean {
  return isRecord(x) && AREA_SET.has(x.area) && isSide(x.side) && isWhole(x.seconds, maxSeconds);
}

/** Whether `value` surely meets BreakSchema; false when unsure (the schema then decides). */
export function meetsRules(value: unknown): value is BreakEntry {
  if (!isRecord(value)) return false;
  const b = value;
  if (!isId(b.id) || !isId(b.deviceId) || !isTime(b.startedAt) || !isTime(b.endedAt)) return false;
  const span = (b.endedAt as number) - (b.startedAt as number);
  if (span < 0 || span > DAY_SECONDS * 1000) return false;
  if (!isWhole(b.activeSeconds, DAY_SECONDS) || !isWhole(b.plannedSeconds, DAY_SECONDS) || !isWhole(b.holdCount, MAX_HOLDS))
    return false;
  if (!MOMENT_SET.has(b.context) || !TOOL_SET.has(b.tool) || typeof b.completed !== 'boolean') return false;
  const steps = b.steps;
  if (!Array.isArray(steps) || steps.length > MAX_STEPS) return false;
  for (const step of steps) if (!isPart(step, DAY_SECONDS)) return false;
  const knots = b.knots;
  if (knots !== undefined) {
    if (!Array.isArray(knots) || knots.length > MAX_KNOTS) return false;
    for (const knot of knots) if (!isPart(knot, MAX_KNOT_SECONDS)) return false;
  }
  const checkIn = b.checkIn;
  if (checkIn !== undefined) {
    if (!Array.isArray(checkIn) || checkIn.length > AREA_IDS.length) return false;
    for (let i = 0; i < checkIn.length; i++) {
      const c: unknown = checkIn[i];
      if (!isRecord(c) || !AREA_SET.has(c.area) || !FEEL_SET.has(c.feel)) return false;
      // One answer per area, and only for an area the break rolled.
      for (let j = 0; j < i; j++) if ((checkIn[j] as { area: unknown }).area === c.area) return false;
      if (!(steps as Array<{ area: unknown }>).some((s) => s.area === c.area)) return false;
    }
  }
  return true;
}

export type CheckResult = { ok: true; entry: BreakEntry } | { ok: false; error: ImportProblem };

/** Checks one break against the rules; on success, a clean copy with only the known fields. Never throws. */
export function checkBreak(value: unknown): CheckResult {
  if (meetsRules(value)) return { ok: true, entry: cleanBreak(value) };
  const result = v.safeParse(BreakSchema, value, { abortEarly: true });
  if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
  return { ok: true, entry: cleanBreak(result.output) };
}

/** Whether a value is a break the log accepts. */
export function isValidBreak(value: unknown): value is BreakEntry {
  return meetsRules(value) || v.is(BreakSchema, value);
}

/**
 * A break an older version logged after a pause of more than a day (before the engine ended such breaks by
 * itself) fails only the "within a day" rule. It is repaired the way the engine now ends it: at the moment
 * it was paused, taken as its start plus its active time. Null for anything else that fails the rules.
 */
export function repairBreak(value: unknown): BreakEntry | null {
  if (checkBreak(value).ok || typeof value !== 'object' || value === null) return null;
  const b = value as Partial<BreakEntry>;
  if (typeof b.startedAt !== 'number' || typeof b.activeSeconds !== 'number' || typeof b.endedAt !== 'number') return null;
  if (b.endedAt - b.startedAt <= DAY_SECONDS * 1000) return null;
  const repaired = checkBreak({ ...b, endedAt: b.startedAt + b.activeSeconds * 1000 });
  return repaired.ok ? repaired.entry : null;
}

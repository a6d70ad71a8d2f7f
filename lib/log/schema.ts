import * as v from 'valibot';
import type { BreakEntry } from './entry';
import { AREA_IDS } from '../routines/areas';

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

const idString = v.pipe(
  v.string('must be text'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(100, 'must be at most 100 characters'),
  v.regex(/^[A-Za-z0-9._~-]+$/, 'may hold only letters, digits and . _ ~ -'),
);
const wholeNumber = (max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(max, `must be at most ${max}`),
  );
const time = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(MIN_TIME, 'must be a time after 2000'),
  v.maxValue(MAX_TIME, 'must be a time before 2100'),
);

const StepSchema = v.object(
  {
    area: v.picklist(AREA_IDS, 'must be a known area'),
    side: v.nullable(v.picklist(['left', 'right'], 'must be "left", "right" or null')),
    seconds: wholeNumber(DAY_SECONDS),
  },
  'must be an object',
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
      steps: v.pipe(v.array(StepSchema, 'must be a list'), v.maxLength(MAX_STEPS, `must have at most ${MAX_STEPS} steps`)),
      holdCount: wholeNumber(MAX_HOLDS),
      context: v.picklist(['pre', 'post', 'rest', 'desk'], 'must be "pre", "post", "rest" or "desk"'),
      tool: v.picklist(['roller', 'ball', 'gun'], 'must be "roller", "ball" or "gun"'),
      completed: v.boolean('must be true or false'),
    },
    'must be an object',
  ),
  v.forward(
    v.check((b) => b.endedAt >= b.startedAt && b.endedAt - b.startedAt <= DAY_SECONDS * 1000, 'must be within a day after startedAt'),
    ['endedAt'],
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
  };
}

/** "activeSeconds must be a whole number", "steps.4.area must be a known area", "endedAt is missing". */
export function describeIssue(issue: v.BaseIssue<unknown>, skip = 0): string {
  const path = issue.path ?? [];
  const missing = path.length > skip && path[path.length - 1]!.origin === 'key';
  const name = path.slice(skip).map((p) => String(p.key)).join('.');
  const message = missing ? 'is missing' : issue.message;
  return name ? `${name} ${message}` : message;
}

export type CheckResult = { ok: true; entry: BreakEntry } | { ok: false; error: string };

/** Checks one break against the rules; on success, a clean copy with only the known fields. Never throws. */
export function checkBreak(value: unknown): CheckResult {
  const result = v.safeParse(BreakSchema, value, { abortEarly: true });
  if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
  return { ok: true, entry: cleanBreak(result.output) };
}

/** Whether a value is a break the log accepts. */
export function isValidBreak(value: unknown): value is BreakEntry {
  return v.is(BreakSchema, value);
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

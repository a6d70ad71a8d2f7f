import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import {
  BreakSchema,
  DAY_SECONDS,
  MAX_HOLDS,
  MAX_KNOTS,
  MAX_KNOT_SECONDS,
  MAX_STEPS,
  MAX_TIME,
  MIN_TIME,
  checkBreak,
  cleanBreak,
  isCleanBreak,
  meetsRules,
} from './schema';
import { realisticLog, withBodyNotes } from '../../tests/fixtures/breaks';
import type { BreakEntry } from './entry';

const DEVICE = 'eeee5555-0000-4000-8000-000000000000';
const LOG = withBodyNotes(4, realisticLog(21, DEVICE, 40, Date.UTC(2025, 5, 1)));

/** Values at and past every limit of the rules, and the usual hostile ones. */
const value = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    0,
    -0,
    -1,
    0.5,
    NaN,
    Infinity,
    2 ** 53,
    MIN_TIME - 1,
    MIN_TIME,
    MAX_TIME,
    MAX_TIME + 1,
    DAY_SECONDS,
    DAY_SECONDS + 1,
    MAX_HOLDS + 1,
    MAX_KNOT_SECONDS,
    MAX_KNOT_SECONDS + 1,
    '',
    'x'.repeat(100),
    'x'.repeat(101),
    'a b',
    'calves',
    'quads',
    'left',
    'right',
    'eased',
    'gym',
    'pre',
    'ball',
    [],
    {},
    { area: 'calves', side: null, seconds: 30 },
    { area: 'calves', feel: 'eased' },
    Array.from({ length: MAX_STEPS + 1 }, () => ({ area: 'calves', side: null, seconds: 1 })),
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const step = { area: 'calves', side: null, seconds: 30 };
const knot = { area: 'calves', side: 'left', seconds: 20 };
/** The area of a break's first step, whatever the break has become (a list, steps gone or not a list). */
const firstArea = (b: Record<string, unknown>): unknown =>
  (Array.isArray(b.steps) && typeof b.steps[0] === 'object' && b.steps[0] !== null
    ? (b.steps[0] as { area?: unknown }).area
    : undefined) ?? 'calves';
/** Per field, values just within and just past its limits (some depend on the break they go in). */
type Edge = (b: Record<string, unknown>) => unknown;
const edges: Record<string, readonly unknown[]> = {
  id: ['a', 'x'.repeat(100), 'x'.repeat(101), '', 'a/b', 'a.b~1', 7],
  deviceId: ['a', 'x'.repeat(101), 'ü', null],
  startedAt: [
    MIN_TIME,
    MIN_TIME - 1,
    MAX_TIME + 1,
    (b: Record<string, unknown>) => (b.endedAt as number) - DAY_SECONDS * 1000,
    (b: Record<string, unknown>) => (b.endedAt as number) + 1,
  ],
  endedAt: [
    MAX_TIME,
    (b: Record<string, unknown>) => b.startedAt,
    (b: Record<string, unknown>) => (b.startedAt as number) - 1,
    (b: Record<string, unknown>) => (b.startedAt as number) + DAY_SECONDS * 1000,
    (b: Record<string, unknown>) => (b.startedAt as number) + DAY_SECONDS * 1000 + 1,
  ],
  activeSeconds: [0, DAY_SECONDS, DAY_SECONDS + 1, -1, 1.5, '3'],
  plannedSeconds: [DAY_SECONDS, DAY_SECONDS + 1, -0, null],
  holdCount: [MAX_HOLDS, MAX_HOLDS + 1, 2 ** 53],
  context: ['pre', 'desk', 'gym', 'Pre', ''],
  tool: ['gun', 'roller', 'foam', null],
  completed: [true, false, 0, 'true'],
  steps: [
    [],
    Array.from({ length: MAX_STEPS }, () => step),
    Array.from({ length: MAX_STEPS + 1 }, () => step),
    [{ ...step, seconds: DAY_SECONDS + 1 }],
    [{ ...step, side: undefined }],
    [{ area: 'calves', seconds: 30 }],
    [null],
    {},
  ],
  knots: [
    undefined,
    [],
    null,
    Array.from({ length: MAX_KNOTS }, () => knot),
    Array.from({ length: MAX_KNOTS + 1 }, () => knot),
    [{ ...knot, seconds: MAX_KNOT_SECONDS }],
    [{ ...knot, seconds: MAX_KNOT_SECONDS + 1 }],
    [{ ...knot, side: 'up' }],
  ],
  checkIn: [
    undefined,
    [],
    null,
    (b: Record<string, unknown>) => [{ area: firstArea(b), feel: 'worse' }],
    (b: Record<string, unknown>) => [{ area: firstArea(b), feel: 'better' }],
    (b: Record<string, unknown>) => [0, 0].map(() => ({ area: firstArea(b), feel: 'same' })),
    [{ area: 'chest', feel: 'same' }],
    Array.from({ length: 15 }, () => ({ area: 'calves', feel: 'same' })),
  ],
  __proto__: [{ polluted: true }],
};
const fields = Object.keys(edges);
const change = fc.oneof(
  fc.record({ kind: fc.constant('edge' as const), field: fc.constantFrom(...fields), n: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...fields), value }),
  fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom(...fields) }),
  fc.record({
    kind: fc.constant('part' as const),
    list: fc.constantFrom('steps', 'knots', 'checkIn'),
    j: fc.nat(),
    field: fc.constantFrom('area', 'side', 'seconds', 'feel', 'extra'),
    value,
  }),
  fc.record({ kind: fc.constant('dup' as const), list: fc.constantFrom('steps', 'knots', 'checkIn') }),
  fc.record({ kind: fc.constant('whole' as const), value }),
);

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** A break of LOG with the changes made to it (or replaced by another value altogether). */
function mutate(i: number, changes: readonly Change[]): unknown {
  let b: unknown = structuredClone(LOG[i % LOG.length]!);
  const set = (o: object, k: string, x: unknown) =>
    Object.defineProperty(o, k, { value: x, enumerable: true, configurable: true, writable: true });
  for (const c of changes) {
    if (c.kind === 'whole') b = c.value;
    if (typeof b !== 'object' || b === null) continue;
    const rec = b as Record<string, unknown>;
    if (c.kind === 'edge') {
      const options = edges[c.field]!;
      const x = options[c.n % options.length];
      set(rec, c.field, typeof x === 'function' ? (x as Edge)(rec) : structuredClone(x));
    } else if (c.kind === 'set') set(rec, c.field, c.value);
    else if (c.kind === 'delete') delete rec[c.field];
    else if (c.kind === 'part' || c.kind === 'dup') {
      const list = rec[c.list];
      if (!Array.isArray(list) || list.length === 0) continue;
      if (c.kind === 'dup') list.push(structuredClone(list[0]));
      else if (typeof list[c.j % list.length] === 'object' && list[c.j % list.length] !== null)
        set(list[c.j % list.length] as object, c.field, c.value);
    }
  }
  return b;
}

describe("meetsRules: the log's rules in one pass", () => {
  it('says yes to exactly the breaks BreakSchema accepts (a shortcut, never a second set of rules)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(change, { maxLength: 3 }), (i, changes) => {
        const b = mutate(i, changes);
        const schema = v.is(BreakSchema, b);
        expect(meetsRules(b)).toBe(schema);
        if (schema) accepted++;
        else refused++;
      }),
      { numRuns: 3_000 },
    );
    // Both sides of the line were tried, many times.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('gives the same clean copy and the same problem as the schema alone', () => {
    for (const e of LOG) {
      const checked = checkBreak({ ...e, extra: 1, steps: e.steps.map((s) => ({ ...s, note: 'x' })) });
      expect(checked).toEqual({ ok: true, entry: e });
    }
    expect(checkBreak({ ...LOG[0]!, holdCount: 1.5 })).toEqual({ ok: false, error: { field: 'holdCount', code: 'whole' } });
  });
});

describe('isCleanBreak: a parsed break that needs no copy', () => {
  it('says yes to exactly the parsed breaks cleanBreak would give back unchanged', () => {
    let clean = 0;
    let unclean = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(change, { maxLength: 3 }), (i, changes) => {
        // As an import sees it: what JSON.parse makes of the text. A change that makes a break refer to
        // itself has no JSON text, so no import can meet it.
        let text: string | undefined;
        try {
          text = JSON.stringify(mutate(i, changes));
        } catch {
          return;
        }
        const b: unknown = JSON.parse(text ?? 'null');
        if (!meetsRules(b)) return;
        const same = isCleanBreak(b);
        expect(same).toBe(isDeepStrictEqual(cleanBreak(b), b));
        if (same) clean++;
        else unclean++;
      }),
      { numRuns: 3_000 },
    );
    expect(clean).toBeGreaterThan(100);
    expect(unclean).toBeGreaterThan(30);
  });

  it('says no to an unknown field at any level and to an empty list cleanBreak leaves out', () => {
    const e = LOG.find((b) => b.knots && b.checkIn)!;
    expect(isCleanBreak(JSON.parse(JSON.stringify(e)))).toBe(true);
    expect(isCleanBreak({ ...e, note: 'x' } as unknown as BreakEntry)).toBe(false);
    expect(isCleanBreak({ ...e, steps: [{ ...e.steps[0]!, note: 'x' }] } as unknown as BreakEntry)).toBe(false);
    expect(isCleanBreak({ ...e, knots: [{ ...e.knots![0]!, note: 'x' }] } as unknown as BreakEntry)).toBe(false);
    expect(isCleanBreak({ ...e, checkIn: [{ ...e.checkIn![0]!, note: 'x' }] } as unknown as BreakEntry)).toBe(false);
    expect(isCleanBreak({ ...e, knots: [] })).toBe(false);
    expect(isCleanBreak({ ...e, checkIn: [] })).toBe(false);
    expect(isCleanBreak(JSON.parse(JSON.stringify({ ...e, ['__proto__']: {} })))).toBe(false);
  });
});

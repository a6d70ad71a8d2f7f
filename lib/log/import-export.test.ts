import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { openLog } from './db';
import type { RollbreakDB } from './db';
import type { BreakEntry } from './entry';
import type { ImportProblem } from './import-export';
import { MAX_IMPORT_BYTES, exportCsv, exportJson, importFile, importJson, parseExport } from './import-export';
import { describeImportProblem } from './import-problem';
import { speakEnglish } from '../../tests/unit/english';
import { readLog } from './store';
import { realisticLog } from '../../tests/fixtures/breaks';
import { propertyRuns } from '../../tests/unit/property-runs';
import { limit } from '../../tests/unit/patience';

const DEVICE = 'dddd4444-0000-4000-8000-000000000000';
const NOW = Date.UTC(2026, 3, 1, 12);
const LOG = realisticLog(99, DEVICE, 12, new Date(2026, 0, 10).getTime());
const KEYS = [
  'id',
  'deviceId',
  'startedAt',
  'endedAt',
  'activeSeconds',
  'plannedSeconds',
  'steps',
  'holdCount',
  'context',
  'tool',
  'completed',
];

const opened: Array<IDBPDatabase<RollbreakDB>> = [];
async function freshLog() {
  const db = await openLog(`rollbreak-import-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}
// Problems are data; the history page words them. English here, as the page shows them.
speakEnglish();
afterAll(() => {
  for (const db of opened.splice(0)) db.close();
});

function exportDoc(breaks: BreakEntry[] = LOG): { format: string; version: number; exportedAt: string; breaks: unknown[] } {
  return JSON.parse(exportJson(breaks, NOW)) as { format: string; version: number; exportedAt: string; breaks: unknown[] };
}

function problemOf(doc: unknown): ImportProblem | null {
  const r = parseExport(typeof doc === 'string' ? doc : JSON.stringify(doc));
  expect(r.ok).toBe(false);
  return r.ok ? null : r.error;
}
const errorOf = (doc: unknown): string => describeImportProblem(problemOf(doc)!);

function withBreak(i: number, change: (b: Record<string, unknown>) => void) {
  const doc = exportDoc();
  change(doc.breaks[i] as Record<string, unknown>);
  return doc;
}

describe('exportJson', () => {
  it('writes the versioned format, oldest first, and parses back to the same breaks', () => {
    const text = exportJson([...LOG].reverse(), NOW);
    const doc = JSON.parse(text);
    expect(doc.format).toBe('rollbreak-log');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe('2026-04-01T12:00:00.000Z');
    expect(parseExport(text)).toEqual({ ok: true, breaks: LOG });
    expect(exportJson([], NOW)).toContain('"breaks":[]');
  });

  it('costs well under the import limit for years of breaks', () => {
    const perBreak = exportJson(LOG, NOW).length / LOG.length;
    console.log(
      `export: ${perBreak.toFixed(0)} bytes of JSON a break; the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit holds ~${Math.floor(MAX_IMPORT_BYTES / perBreak)}`,
    );
    expect(MAX_IMPORT_BYTES / perBreak).toBeGreaterThan(15_000);
  });
});

describe('exportCsv', () => {
  it('writes one row per break and one per step, with headers', () => {
    const { breaks, steps } = exportCsv(LOG);
    const rows = breaks.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'id,device_id,started_at,ended_at,active_seconds,planned_seconds,hold_count,context,tool,completed,areas,knots,check_in',
    );
    expect(rows).toHaveLength(LOG.length + 1);
    const first = LOG[0]!;
    expect(rows[1]).toBe(
      [
        first.id,
        first.deviceId,
        new Date(first.startedAt).toISOString(),
        new Date(first.endedAt).toISOString(),
        first.activeSeconds,
        first.plannedSeconds,
        first.holdCount,
        first.context,
        first.tool,
        first.completed,
        [...new Set(first.steps.map((s) => s.area))].join(' '),
        '',
        '',
      ].join(','),
    );
    const stepRows = steps.trimEnd().split('\r\n');
    expect(stepRows[0]).toBe('break_id,step,area,side,seconds');
    expect(stepRows).toHaveLength(1 + LOG.reduce((n, b) => n + b.steps.length, 0));
    const s0 = first.steps[0]!;
    expect(stepRows[1]).toBe(`${first.id},1,${s0.area},${s0.side ?? ''},${s0.seconds}`);
  });

  it('quotes what needs quoting and keeps formulas as text', () => {
    const odd = { ...LOG[0]!, id: '=HYPERLINK("x")', deviceId: 'a,b' };
    const row = exportCsv([odd]).breaks.split('\r\n')[1]!;
    expect(row.startsWith(`"'=HYPERLINK(""x"")","a,b",`)).toBe(true);
  });
});

describe('parseExport errors', () => {
  it('names the first bad break and field', () => {
    expect(errorOf(withBreak(2, (b) => (b.activeSeconds = 12.5)))).toBe('Break 3: activeSeconds must be a whole number');
    expect(errorOf(withBreak(1, (b) => delete b.tool))).toBe('Break 2: tool is missing');
    expect(errorOf(withBreak(0, (b) => (b.context = 'gym')))).toBe('Break 1: context must be "pre", "post", "rest", or "desk"');
    expect(errorOf(withBreak(4, (b) => ((b.steps as Array<Record<string, unknown>>)[1]!.area = 'ears')))).toBe(
      'Break 5, step 2: area must be a known area',
    );
    expect(errorOf(withBreak(3, (b) => (b.holdCount = -1)))).toBe('Break 4: holdCount must not be negative');
    expect(errorOf(withBreak(3, (b) => (b.startedAt = 'yesterday')))).toBe('Break 4: startedAt must be a number');
    expect(errorOf(withBreak(3, (b) => (b.endedAt = (b.startedAt as number) - 1)))).toBe(
      'Break 4: endedAt must be within a day after startedAt',
    );
    expect(errorOf(withBreak(5, (b) => (b.completed = 'yes')))).toBe('Break 6: completed must be true or false');
    expect(errorOf(withBreak(5, (b) => (b.id = 'x'.repeat(1_000_000))))).toBe('Break 6: id must be at most 100 characters');
    expect(errorOf(withBreak(5, (b) => (b.id = '../../etc')))).toBe('Break 6: id may hold only letters, digits and . _ ~ -');
    const two = exportDoc();
    (two.breaks[7] as Record<string, unknown>).tool = 'saw';
    (two.breaks[8] as Record<string, unknown>).tool = 'saw';
    expect(errorOf(two)).toBe('Break 8: tool must be "roller", "ball", or "gun"');
    expect(errorOf(withBreak(2, (b) => ((b.steps as Array<Record<string, unknown>>)[0]!.side = 'up')))).toBe(
      'Break 3, step 1: side must be "left", "right", or null',
    );
    expect(errorOf(withBreak(2, (b) => ((b.steps as unknown[])[1] = 7)))).toBe('Break 3, step 2: the entry is not an object');
    expect(errorOf(withBreak(2, (b) => (b.activeSeconds = 86_401)))).toBe('Break 3: activeSeconds must be at most 86,400');
  });

  it('says where and what as data, for the page to word in any language', () => {
    expect(problemOf(withBreak(2, (b) => (b.activeSeconds = 12.5)))).toEqual({
      breakNo: 3,
      field: 'activeSeconds',
      code: 'whole',
    });
    expect(problemOf(withBreak(0, (b) => (b.context = 'gym')))).toEqual({
      breakNo: 1,
      field: 'context',
      code: 'one_of',
      values: ['"pre"', '"post"', '"rest"', '"desk"'],
    });
    expect(problemOf(withBreak(4, (b) => ((b.steps as Array<Record<string, unknown>>)[1]!.area = 'ears')))).toEqual({
      breakNo: 5,
      stepNo: 2,
      field: 'area',
      code: 'area',
    });
    expect(problemOf({ ...exportDoc(), version: 2 })).toEqual({ field: 'version', code: 'version', limit: 1 });
    expect(problemOf('null')).toEqual({ code: 'not_export' });
    expect(problemOf(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({ code: 'too_big', limit: MAX_IMPORT_BYTES / 1024 / 1024 });
  });

  it('refuses other files clearly', () => {
    expect(errorOf('')).toBe('The file is not valid JSON (it may be cut short)');
    expect(errorOf(exportJson(LOG, NOW).slice(0, 500))).toBe('The file is not valid JSON (it may be cut short)');
    expect(errorOf('[1,2,3]')).toBe('format is missing');
    expect(errorOf('null')).toBe('The file is not a Rollbreak log export');
    expect(errorOf({ ...exportDoc(), format: 'other' })).toBe('format must be "rollbreak-log"');
    expect(errorOf({ ...exportDoc(), version: 2 })).toBe('version must be 1 (this file is from another version of Rollbreak)');
    expect(errorOf({ ...exportDoc(), breaks: {} })).toBe('breaks must be a list');
    expect(errorOf(exportJson(LOG, NOW).replace(/"activeSeconds":\d+/, '"activeSeconds":1e999'))).toBe(
      'Break 1: activeSeconds must be a whole number',
    );
    expect(errorOf(exportJson(LOG, NOW).replace(/"activeSeconds":\d+/, '"activeSeconds":NaN'))).toBe(
      'The file is not valid JSON (it may be cut short)',
    );
    expect(errorOf(withBreak(0, (b) => (b.activeSeconds = 'NaN')))).toBe('Break 1: activeSeconds must be a number');
  });

  it(
    'refuses huge files before parsing, and survives deep nesting',
    () => {
      expect(problemOf(' '.repeat(MAX_IMPORT_BYTES + 1))?.code).toBe('too_big');
      expect(problemOf('é'.repeat(MAX_IMPORT_BYTES / 2 + 1))?.code).toBe('too_big');
      expect(() => parseExport('['.repeat(1_000_000) + ']'.repeat(1_000_000))).not.toThrow();
      const text = exportJson(LOG, NOW);
      const deep = text.replace('"format"', `"extra":${'['.repeat(5000)}${']'.repeat(5000)},"format"`);
      expect(parseExport(deep).ok).toBe(true);
      const deepSteps = text.replace(/"steps":\[[^\]]*\]/, `"steps":${'['.repeat(3000)}${']'.repeat(3000)}`);
      expect(errorOf(deepSteps)).toBe('Break 1, step 1: area is missing');
    },
    limit(60_000),
  );

  it('keeps hostile keys out: no prototype pollution, only known fields', () => {
    const text = exportJson(LOG, NOW)
      .replace('{"id"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id"')
      .replace('"format"', '"__proto__":{"polluted":true},"format"');
    const r = parseExport(text);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) {
      for (const b of r.breaks) {
        expect(Object.keys(b)).toEqual(KEYS);
        expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
      }
    }
  });
});

describe('importJson', () => {
  it('imports all, and importing the same file again changes nothing', async () => {
    const db = await freshLog();
    const text = exportJson(LOG, NOW);
    expect(await importJson(db, text)).toEqual({ ok: true, added: LOG.length, skipped: 0 });
    const after = await readLog(db);
    expect(await importJson(db, text)).toEqual({ ok: true, added: 0, skipped: LOG.length });
    expect(await readLog(db)).toEqual(after);
    expect(after.entries).toEqual(LOG);
  });

  it('writes nothing when the last break is bad', async () => {
    const db = await freshLog();
    const doc = exportDoc();
    (doc.breaks[doc.breaks.length - 1] as Record<string, unknown>).plannedSeconds = null;
    expect(await importJson(db, JSON.stringify(doc))).toEqual({
      ok: false,
      error: { breakNo: LOG.length, field: 'plannedSeconds', code: 'number' },
    });
    expect(await db.count('breaks')).toBe(0);
  });

  it('refuses a picked file over the limit without reading it', async () => {
    const db = await freshLog();
    const big = { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect((await importFile(db, big)).ok).toBe(false);
    expect(await importFile(db, new Blob([exportJson(LOG.slice(0, 2), NOW)]))).toEqual({ ok: true, added: 2, skipped: 0 });
  });
});

describe('import fuzzing', () => {
  const fields = [...KEYS, '__proto__', 'constructor', 'prototype', 'toString'];
  const hostile = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -0,
      2 ** 53,
      -1,
      0.5,
      '',
      'x'.repeat(100_000),
      null,
      [],
      {},
      { __proto__: { x: 1 } },
    ),
    fc.string(),
    fc.integer(),
  );
  const structural = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), i: fc.nat(), field: fc.constantFrom(...fields), value: hostile }),
    fc.record({ kind: fc.constant('delete' as const), i: fc.nat(), field: fc.constantFrom(...fields) }),
    fc.record({
      kind: fc.constant('step' as const),
      i: fc.nat(),
      j: fc.nat(),
      field: fc.constantFrom('area', 'side', 'seconds', '__proto__'),
      value: hostile,
    }),
    fc.record({
      kind: fc.constant('top' as const),
      field: fc.constantFrom('format', 'version', 'exportedAt', 'breaks', '__proto__'),
      value: hostile,
    }),
    fc.record({ kind: fc.constant('replace' as const), i: fc.nat(), value: hostile }),
  );
  const textual = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 5 }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(),
      char: fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '0', '-', 'e', 'n', '\\'),
    }),
  );

  type Structural = typeof structural extends fc.Arbitrary<infer T> ? T : never;
  type Textual = typeof textual extends fc.Arbitrary<infer T> ? T : never;

  function mutateDoc(m: Structural): string {
    const doc = exportDoc() as unknown as Record<string, unknown> & { breaks: Array<Record<string, unknown>> };
    const b = 'i' in m ? doc.breaks[m.i % doc.breaks.length]! : undefined;
    if (m.kind === 'set')
      Object.defineProperty(b, m.field, { value: m.value, enumerable: true, configurable: true, writable: true });
    else if (m.kind === 'delete') delete b![m.field];
    else if (m.kind === 'step') {
      const steps = b!.steps as Array<Record<string, unknown>>;
      const step = steps[m.j % Math.max(1, steps.length)];
      if (step) Object.defineProperty(step, m.field, { value: m.value, enumerable: true, configurable: true, writable: true });
    } else if (m.kind === 'top')
      Object.defineProperty(doc, m.field, { value: m.value, enumerable: true, configurable: true, writable: true });
    else doc.breaks[m.i % doc.breaks.length] = m.value as Record<string, unknown>;
    return JSON.stringify(doc) ?? 'undefined';
  }

  function mutateText(m: Textual): string {
    const text = exportJson(LOG, NOW);
    const at = m.at % (text.length + 1);
    if (m.kind === 'truncate') return text.slice(0, at);
    if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
    return text.slice(0, at) + m.char + text.slice(at + 1);
  }

  /** Either a clean import of valid breaks, or a clear error with nothing written. */
  async function check(db: IDBPDatabase<RollbreakDB>, text: string) {
    const before = await readLog(db);
    const result = await importJson(db, text);
    const after = await readLog(db);
    if (result.ok) {
      expect(after.entries.length).toBe(before.entries.length + result.added);
      for (const e of after.entries) {
        expect(Object.keys(e)).toEqual(KEYS);
        expect(parseExport(exportJson([e], NOW)).ok).toBe(true);
      }
    } else {
      const text = describeImportProblem(result.error);
      expect(text).toMatch(/^(Break \d+(, step \d+)?: \w+ |The file |The log |format |version |breaks |exportedAt )/);
      expect(text.length).toBeLessThan(200);
      expect(after).toEqual(before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
  }

  it('structural mutations: clean import or clear error, nothing written on error', async () => {
    const db = await freshLog();
    await fc.assert(
      fc.asyncProperty(structural, async (m) => check(db, mutateDoc(m))),
      { numRuns: propertyRuns(250) },
    );
  });

  it('text mutations (truncation, inserted and flipped characters)', async () => {
    const db = await freshLog();
    await fc.assert(
      fc.asyncProperty(textual, async (m) => check(db, mutateText(m))),
      { numRuns: propertyRuns(250) },
    );
  });
});

describe('knots and check-ins in exports (golden)', () => {
  const noted: BreakEntry = {
    id: 'b-1',
    deviceId: 'dev-1',
    startedAt: Date.UTC(2026, 2, 1, 9),
    endedAt: Date.UTC(2026, 2, 1, 9, 5),
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [
      { area: 'calves', side: 'left', seconds: 60 },
      { area: 'calves', side: 'right', seconds: 60 },
      { area: 'quads', side: null, seconds: 90 },
    ],
    holdCount: 2,
    context: 'rest',
    tool: 'roller',
    completed: true,
    knots: [
      { area: 'calves', side: 'left', seconds: 25 },
      { area: 'quads', side: null, seconds: 12 },
    ],
    checkIn: [
      { area: 'calves', feel: 'same' },
      { area: 'quads', feel: 'eased' },
    ],
  };

  it('writes them into the JSON export and reads them back', () => {
    const json = exportJson([noted], Date.UTC(2026, 2, 2));
    expect(json).toBe(
      '{"format":"rollbreak-log","version":1,"exportedAt":"2026-03-02T00:00:00.000Z","breaks":[\n' +
        '{"id":"b-1","deviceId":"dev-1","startedAt":1772355600000,"endedAt":1772355900000,"activeSeconds":300,"plannedSeconds":300,' +
        '"steps":[{"area":"calves","side":"left","seconds":60},{"area":"calves","side":"right","seconds":60},{"area":"quads","side":null,"seconds":90}],' +
        '"holdCount":2,"context":"rest","tool":"roller","completed":true,' +
        '"knots":[{"area":"calves","side":"left","seconds":25},{"area":"quads","side":null,"seconds":12}],' +
        '"checkIn":[{"area":"calves","feel":"same"},{"area":"quads","feel":"eased"}]}\n]}\n',
    );
    expect(parseExport(json)).toEqual({ ok: true, breaks: [noted] });
  });

  it('writes them as two more columns of the breaks CSV', () => {
    const row = exportCsv([noted]).breaks.split('\r\n')[1]!;
    expect(row.endsWith(',calves quads,calves/left/25 quads/-/12,calves:same quads:eased')).toBe(true);
  });

  it('reads an export of an older version (no knots, no check-in) as before', () => {
    const { knots: _k, checkIn: _c, ...old } = noted;
    const json = exportJson([old], Date.UTC(2026, 2, 2));
    expect(json).not.toContain('knots');
    expect(parseExport(json)).toEqual({ ok: true, breaks: [old] });
  });
});

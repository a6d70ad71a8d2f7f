import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BreakEntry } from '../log/entry';
import { AREA_IDS } from '../domain/areas';
import { toBreakEntry } from '../log/entry';
import { defaultPlan } from '../../tests/fixtures/default-plan';
import type { Session } from '../session/types';
import { AREA_QUANTUM, DIGITS, Reader, SYNC_EPOCH, decodeBreak, encodeBreak, mergeAreas, writeVarint } from './encode';
import { aggregateByDay, decodeDay, decodeTime, encodeDay, encodeTime } from './days';
import { deviceShort, entryKey, parseKey } from '../domain/break-key';
import { realisticBreak, realisticLog, rng, withBodyNotes } from '../../tests/fixtures/breaks';
import { isValidBreak } from '../log/schema';
import { propertyRuns } from '../../tests/unit/property-runs';

const DEVICE = '3f2a9c1e-7b4d-4e8a-9c0f-1234567890ab';
const DEV = deviceShort(DEVICE);
const T0 = Date.UTC(2026, 2, 14, 9, 30, 12, 345);

function entry(overrides: Partial<BreakEntry> = {}): BreakEntry {
  return {
    id: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
    deviceId: DEVICE,
    startedAt: T0,
    endedAt: T0 + 312_400,
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [
      { area: 'upper-back', side: null, seconds: 60 },
      { area: 'glutes', side: 'left', seconds: 29 },
      { area: 'glutes', side: 'right', seconds: 31 },
      { area: 'it-band', side: 'left', seconds: 30 },
      { area: 'it-band', side: 'right', seconds: 30 },
      { area: 'quads', side: 'left', seconds: 30 },
      { area: 'quads', side: 'right', seconds: 30 },
      { area: 'calves', side: 'left', seconds: 30 },
      { area: 'calves', side: 'right', seconds: 30 },
    ],
    holdCount: 2,
    context: 'rest',
    tool: 'roller',
    completed: true,
    ...overrides,
  };
}

/** What decoding promises to keep of a break. */
function essentials(e: BreakEntry) {
  return {
    key: entryKey(e),
    startedAt: e.startedAt,
    endedAtSecond: Math.round((e.endedAt - e.startedAt) / 1000),
    activeSeconds: e.activeSeconds,
    plannedSeconds: e.plannedSeconds,
    areas: mergeAreas(e.steps)
      .map((a) => ({ area: a.area, seconds: Math.round(a.seconds / AREA_QUANTUM) * AREA_QUANTUM }))
      .filter((a) => a.seconds > 0),
    holdCount: e.holdCount,
    context: e.context,
    tool: e.tool,
    completed: e.completed,
  };
}

function roundTrip(e: BreakEntry): BreakEntry {
  const rec = encodeBreak(e);
  expect(rec).not.toBeNull();
  const back = decodeBreak(rec!, deviceShort(e.deviceId));
  expect(back).not.toBeNull();
  return back!;
}

describe('varints', () => {
  it('round-trip small and large numbers, self-delimiting', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 86_400, 2 ** 40, 2 ** 50 - 1];
    const out: string[] = [];
    for (const n of values) writeVarint(out, n);
    const r = new Reader(out.join(''));
    expect(values.map(() => r.varint())).toEqual(values);
    expect(r.done).toBe(true);
  });

  it('uses only letters JSON leaves alone', () => {
    expect(DIGITS).toHaveLength(64);
    expect(JSON.stringify(DIGITS)).toBe(`"${DIGITS}"`);
  });
});

describe('encodeBreak / decodeBreak', () => {
  it('keeps what history needs of a default break, in 23 characters', () => {
    const e = entry();
    const rec = encodeBreak(e)!;
    expect(rec).toHaveLength(23);
    const back = roundTrip(e);
    expect(back).toEqual({
      id: entryKey(e),
      deviceId: DEV,
      startedAt: T0,
      endedAt: T0 + 312_000,
      activeSeconds: 300,
      plannedSeconds: 300,
      steps: [
        { area: 'upper-back', side: null, seconds: 60 },
        { area: 'glutes', side: null, seconds: 60 },
        { area: 'it-band', side: null, seconds: 60 },
        { area: 'quads', side: null, seconds: 60 },
        { area: 'calves', side: null, seconds: 60 },
      ],
      holdCount: 2,
      context: 'rest',
      tool: 'roller',
      completed: true,
    });
  });

  it('gives a synced copy the same key as the original, and re-encodes it to the same record', () => {
    const e = entry();
    const back = roundTrip(e);
    expect(entryKey(back)).toBe(entryKey(e));
    expect(back.id).toBe(entryKey(e));
    expect(encodeBreak(back)).toBe(encodeBreak(e));
    expect(parseKey(back.id)).toEqual({ dev: DEV, startedAt: T0, rev: 0 });
  });

  it('encodes a real session logged by toBreakEntry', () => {
    const plan = defaultPlan();
    let t = T0;
    const stepStarts = plan.steps.map((s) => {
      const at = t;
      t += s.seconds * 1000;
      return at;
    });
    const session: Session = {
      id: crypto.randomUUID(),
      plan,
      status: 'finished',
      startedAt: T0,
      stepIndex: plan.steps.length - 1,
      stepStarts,
      stepDeadline: t,
      hold: null,
      holdCount: 3,
      pauses: [{ from: T0 + 10_000, to: T0 + 25_000 }],
      endedAt: t,
    };
    const e = toBreakEntry(session, DEVICE)!;
    expect(essentials(roundTrip(e))).toEqual(essentials(e));
    expect(encodeBreak(e)!.length).toBeLessThanOrEqual(25);
  });

  it('keeps every moment, tool, completion and revision', () => {
    for (const context of ['pre', 'post', 'rest', 'desk'] as const) {
      for (const tool of ['roller', 'ball', 'gun'] as const) {
        for (const completed of [true, false]) {
          for (const id of ['9b1deb4d-x', `${DEV}.abc~3`]) {
            const e = entry({ context, tool, completed, id });
            const back = roundTrip(e);
            expect(essentials(back)).toEqual(essentials(e));
          }
        }
      }
    }
  });

  it('keeps odd planned seconds, long pauses, zero holds and empty steps', () => {
    for (const e of [
      entry({ plannedSeconds: 317, activeSeconds: 12, endedAt: T0 + 3 * 3600_000, steps: [], holdCount: 0 }),
      entry({ plannedSeconds: 0, activeSeconds: 0, endedAt: T0, steps: [] }),
      entry({ activeSeconds: 400, endedAt: T0 + 300_000 }), // active above the duration: kept as is
      entry({ holdCount: 5000, steps: AREA_IDS.map((area) => ({ area, side: null, seconds: 3599 })) }),
    ]) {
      expect(essentials(roundTrip(e))).toEqual(essentials(e));
    }
  });

  it('drops areas that round to nothing', () => {
    const back = roundTrip(
      entry({
        steps: [
          { area: 'feet', side: 'left', seconds: 2 },
          { area: 'chest', side: null, seconds: 3 },
        ],
      }),
    );
    expect(back.steps).toEqual([{ area: 'chest', side: null, seconds: 5 }]);
  });

  it('refuses what it cannot carry instead of corrupting it', () => {
    expect(encodeBreak(entry({ startedAt: SYNC_EPOCH - 1, endedAt: SYNC_EPOCH + 1000 }))).toBeNull();
    expect(encodeBreak(entry({ activeSeconds: 1.5 }))).toBeNull();
    expect(encodeBreak(entry({ holdCount: -1 }))).toBeNull();
    expect(encodeBreak(entry({ context: 'gym' as never }))).toBeNull();
    expect(encodeBreak(entry({ steps: [{ area: 'ears' as never, side: null, seconds: 30 }] }))).toBeNull();
  });

  it('decodes garbage to null, never throws', () => {
    for (const rec of [
      '',
      'x',
      '"',
      '_______',
      'z0000000000',
      '0000000011111',
      'W000000000000',
      '10000000aaaa\u0000',
      '1'.repeat(200),
    ]) {
      expect(() => decodeBreak(rec, DEV)).not.toThrow();
    }
    expect(decodeBreak('', DEV)).toBeNull();
    expect(decodeBreak('Z' + encodeBreak(entry())!.slice(1), DEV)).toBeNull(); // flags past the last tool
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (rec) => {
        const e = decodeBreak(rec, DEV);
        if (e) expect(e.activeSeconds).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any valid break (property)', () => {
    const arb = fc.record({
      startOffset: fc.integer({ min: 0, max: 4_000_000_000_000 }), // up to 2146
      dur: fc.integer({ min: 0, max: 86_400 }),
      active: fc.integer({ min: 0, max: 86_400 }),
      planned: fc.integer({ min: 0, max: 86_400 }),
      holds: fc.integer({ min: 0, max: 10_000 }),
      rev: fc.integer({ min: 0, max: 999 }),
      steps: fc.array(
        fc.record({
          area: fc.constantFrom(...AREA_IDS),
          side: fc.constantFrom('left' as const, 'right' as const, null),
          seconds: fc.integer({ min: 0, max: 3600 }),
        }),
        { maxLength: 30 },
      ),
      context: fc.constantFrom('pre' as const, 'post' as const, 'rest' as const, 'desk' as const),
      tool: fc.constantFrom('roller' as const, 'ball' as const, 'gun' as const),
      completed: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const startedAt = SYNC_EPOCH + a.startOffset;
        const e = entry({
          id: a.rev ? `x~${a.rev}` : 'x',
          startedAt,
          endedAt: startedAt + a.dur * 1000,
          activeSeconds: a.active,
          plannedSeconds: a.planned,
          holdCount: a.holds,
          steps: a.steps,
          context: a.context,
          tool: a.tool,
          completed: a.completed,
        });
        const back = roundTrip(e);
        expect(essentials(back)).toEqual(essentials(e));
        expect(encodeBreak(back)).toBe(encodeBreak(e));
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('averages at most 40 bytes a break over realistic logs (measured: see the log line)', () => {
    const r = rng(7);
    const entries = [
      ...realisticLog(1, DEVICE, 1500),
      ...Array.from({ length: 500 }, (_, i) => realisticBreak(r, DEVICE, T0 + i * 3600_000)),
    ];
    let bytes = 0;
    let max = 0;
    for (const e of entries) {
      const rec = encodeBreak(e)!;
      expect(essentials(decodeBreak(rec, DEV)!)).toEqual(essentials(e));
      // In sync a record costs its length plus one separator; the JSON quotes are per item, not per break.
      const size = new TextEncoder().encode(JSON.stringify(rec)).length - 2 + 1;
      bytes += size;
      max = Math.max(max, size);
    }
    const average = bytes / entries.length;
    console.log(`sync encoding: ${average.toFixed(1)} bytes/break on average, ${max} at most, over ${entries.length} breaks`);
    expect(average).toBeLessThanOrEqual(40);
    expect(max).toBeLessThanOrEqual(60);
  });
});

describe('day aggregates', () => {
  it('sums breaks by local day and round-trips', () => {
    const entries = realisticLog(3, DEVICE, 40);
    const days = aggregateByDay(entries);
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(40);
    expect(days.reduce((n, d) => n + d.activeSeconds, 0)).toBe(entries.reduce((n, e) => n + e.activeSeconds, 0));
    for (const d of days) {
      const back = decodeDay(encodeDay(d)!)!;
      expect(back.day).toBe(d.day);
      expect(back.count).toBe(d.count);
      expect(back.activeSeconds).toBe(d.activeSeconds);
      expect(back.areas).toEqual(
        d.areas
          .map((a) => ({ area: a.area, seconds: Math.round(a.seconds / AREA_QUANTUM) * AREA_QUANTUM }))
          .filter((a) => a.seconds > 0),
      );
    }
  });

  it('round-trips a cutoff time', () => {
    expect(decodeTime(encodeTime(T0)!)).toBe(T0);
    expect(encodeTime(SYNC_EPOCH - 1)).toBeNull();
    expect(decodeTime('abc')).toBeNull();
  });
});

describe('body notes (format 2: knots and check-in)', () => {
  const noted = () =>
    entry({
      knots: [
        { area: 'calves', side: 'left', seconds: 25 },
        { area: 'upper-back', side: null, seconds: 12 },
        { area: 'calves', side: 'right', seconds: 30 },
      ],
      checkIn: [
        { area: 'upper-back', feel: 'eased' },
        { area: 'quads', feel: 'same' },
        { area: 'calves', feel: 'worse' },
      ],
    });

  it('round-trips knots (area, side, seconds to 5 s) and the check-in, after the same record as before', () => {
    const e = noted();
    const rec = encodeBreak(e)!;
    const plain = encodeBreak(entry())!;
    expect(rec.startsWith(`${plain}*`)).toBe(true);
    // "*", the head, 3 knots of 2 characters, 5 areas' answers in 2 characters.
    expect(rec.length - plain.length).toBe(1 + 1 + 6 + 2);
    const back = roundTrip(e);
    expect(back.knots).toEqual([
      { area: 'calves', side: 'left', seconds: 25 },
      { area: 'upper-back', side: null, seconds: 10 },
      { area: 'calves', side: 'right', seconds: 30 },
    ]);
    expect(back.checkIn).toEqual(e.checkIn);
    expect(encodeBreak(back)).toBe(rec);
  });

  it('writes a break without knots or check-in exactly as format 1 did', () => {
    expect(encodeBreak(entry({ knots: [], checkIn: [] }))).toBe(encodeBreak(entry()));
    expect(encodeBreak(entry())).not.toContain('*');
  });

  it('leaves out answers for areas the record does not carry', () => {
    const e = entry({
      steps: [
        { area: 'quads', side: 'left', seconds: 60 },
        { area: 'calves', side: 'left', seconds: 1 },
      ],
      checkIn: [{ area: 'calves', feel: 'same' }],
    });
    expect(encodeBreak(e)).not.toContain('*');
  });

  it('refuses malformed notes rather than guessing', () => {
    const rec = encodeBreak(noted())!;
    for (const bad of [`${rec}x`, rec.slice(0, -1), `${rec.slice(0, rec.indexOf('*') + 1)}`, rec.replace('*', '**')]) {
      expect(decodeBreak(bad, DEV)).toBeNull();
    }
  });

  it("round-trips a realistic year of noted breaks, every record readable and within the log's rules", () => {
    const year = withBodyNotes(3, realisticLog(5, DEVICE, 1_000));
    let noteCount = 0;
    for (const e of year) {
      const back = roundTrip(e);
      expect(isValidBreak(back)).toBe(true);
      expect(back.knots?.map((k) => [k.area, k.side])).toEqual(e.knots?.map((k) => [k.area, k.side]));
      const carried = new Set(back.steps.map((s) => s.area));
      expect(back.checkIn ?? []).toEqual(
        (e.checkIn ?? [])
          .filter((c) => carried.has(c.area))
          .sort((a, b) => back.steps.findIndex((s) => s.area === a.area) - back.steps.findIndex((s) => s.area === b.area)),
      );
      if (e.knots || e.checkIn) noteCount++;
    }
    expect(noteCount).toBeGreaterThan(500);
  });

  it("fuzz: any record decodes to null or to a break within the log's rules, never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...`${DIGITS}*`) }), (text) => {
        const back = decodeBreak(`${encodeBreak(entry())!}*${text}`, DEV);
        return back === null || isValidBreak(back);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});

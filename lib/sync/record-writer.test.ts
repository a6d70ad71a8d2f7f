import { afterAll, describe, expect, it } from 'vitest';
import type { BreakEntry } from '../log/entry';
import { FEELS } from '../log/entry';
import { AREA_IDS } from '../domain/areas';
import { MOMENT_IDS, TOOLS } from '../domain/lists';
import { deviceShort, entryKey, revOf } from '../domain/break-key';
import { MAX_KNOT_SECONDS } from '../log/schema';
import {
  AREA_QUANTUM,
  DIGITS,
  KNOT_QUANTUM,
  START_WIDTH,
  SYNC_EPOCH,
  canEncodeStart,
  encodeBreak,
  encodeRecord,
  isCount,
  mergeAreas,
  writeAreas,
  writeFixed,
  writeVarint,
  type AreaSeconds,
} from './encode';
import { aggregateByDay, encodeDay } from './days';
import { FORMAT_VERSION, layoutDevice, logKey, noteKey, parseSyncKey } from './layout';
import { realisticLog, rng, withBodyNotes } from '../../tests/fixtures/breaks';

/*
 * The layout writes records allocation-free into one buffer (RecordWriter, encodeBreakInto). The bytes must
 * stay those of the simple encoder below: a copy of the string-building encoder it replaced, kept here as
 * the reference (format 1 record, notes inline after "*" or in a note record after the start check).
 */
function referenceNotes(e: BreakEntry, areas: readonly AreaSeconds[]): string | null {
  const knots = e.knots ?? [];
  const written = areas.filter((a) => Math.round(Math.max(0, a.seconds) / AREA_QUANTUM) > 0).map((a) => a.area);
  const feels = new Map((e.checkIn ?? []).map((c) => [c.area, c.feel] as const));
  const hasCheckIn = written.some((area) => feels.has(area));
  if (knots.length === 0 && !hasCheckIn) return '';
  const out: string[] = [];
  writeVarint(out, knots.length * 2 + (hasCheckIn ? 1 : 0));
  for (const k of knots) {
    const index = AREA_IDS.indexOf(k.area);
    const side = ([null, 'left', 'right'] as unknown[]).indexOf(k.side);
    if (index < 0 || side < 0 || !Number.isFinite(k.seconds)) return null;
    const units = Math.min(MAX_KNOT_SECONDS / KNOT_QUANTUM, Math.max(0, Math.round(k.seconds / KNOT_QUANTUM)));
    out.push(DIGITS[index * 3 + side]!, DIGITS[units]!);
  }
  if (hasCheckIn) {
    for (let i = 0; i < written.length; i += 3) {
      let code = 0;
      for (let j = i; j < i + 3; j++) {
        const feel = j < written.length ? feels.get(written[j]!) : undefined;
        code = code * 4 + (feel === undefined ? 0 : FEELS.indexOf(feel) + 1);
      }
      out.push(DIGITS[code]!);
    }
  }
  return out.join('');
}

function referenceRecord(e: BreakEntry): { record: string; notes: string } | null {
  const moment = MOMENT_IDS.indexOf(e.context);
  const tool = TOOLS.indexOf(e.tool);
  if (moment < 0 || tool < 0 || !canEncodeStart(e.startedAt)) return null;
  const dur = Math.max(0, Math.round((e.endedAt - e.startedAt) / 1000));
  const { activeSeconds: active, plannedSeconds: planned, holdCount: holds } = e;
  if (!isCount(dur) || !isCount(active) || !isCount(planned) || !isCount(holds)) return null;
  const rev = revOf(e.id);
  const out: string[] = [DIGITS[((moment * 3 + tool) * 2 + (e.completed ? 1 : 0)) * 2 + (rev > 0 ? 1 : 0)]!];
  writeFixed(out, e.startedAt - SYNC_EPOCH, START_WIDTH);
  const idle = dur - active;
  for (const v of [dur, idle >= 0 ? idle * 2 : -idle * 2 - 1, planned % 60 === 0 ? (planned / 60) * 2 : planned * 2 + 1, holds]) {
    writeVarint(out, v);
  }
  if (rev > 0) writeVarint(out, rev);
  const areas = mergeAreas(e.steps);
  if (!writeAreas(out, areas)) return null;
  const notes = referenceNotes(e, areas);
  return notes === null ? null : { record: out.join(''), notes };
}

const DEV_A = 'a1a1a1a1-0000-4000-8000-000000000001';
const DEV_B = 'b2b2b2b2-0000-4000-8000-000000000002';

/** Realistic breaks with notes, imported ones, revisions, and the odd break the format refuses or bends. */
function oddLog(seed: number, count: number): BreakEntry[] {
  const r = rng(seed);
  const from = new Date(
    2021 + Math.floor(r() * 4),
    Math.floor(r() * 12),
    1 + Math.floor(r() * 28),
    Math.floor(r() * 24),
  ).getTime();
  const own = withBodyNotes(seed, realisticLog(seed, DEV_A, count, from), r());
  const imported = withBodyNotes(seed + 1, realisticLog(seed + 1, DEV_B, Math.floor(count / 5), from + 3_600_000));
  return [...own, ...imported].map((e) => {
    const x = r();
    const area = (i: number) => AREA_IDS[i % AREA_IDS.length]!;
    if (x < 0.05) return { ...e, id: `${e.id}~${1 + Math.floor(r() * 300)}` };
    if (x < 0.07) return { ...e, startedAt: new Date(2019, 5, 1).getTime() };
    if (x < 0.08) return { ...e, holdCount: 1.5 };
    if (x < 0.09) return { ...e, knots: [{ area: area(0), side: 'up' as never, seconds: 20 }] };
    if (x < 0.1)
      return {
        ...e,
        checkIn: [
          { area: area(3), feel: 'odd' as never },
          { area: e.steps[0]?.area ?? area(0), feel: 'same' as const },
        ],
      };
    if (x < 0.11) return { ...e, steps: [...e.steps, { area: area(1), side: null, seconds: 2 }] };
    if (x < 0.115) return { ...e, steps: [...e.steps, { area: 'nowhere' as never, side: null, seconds: 20 }] };
    if (x < 0.12) return { ...e, steps: [...e.steps, { area: area(2), side: null, seconds: 1e12 }] };
    if (x < 0.125) return { ...e, steps: [...e.steps, { area: area(2), side: null, seconds: NaN }] };
    if (x < 0.13) return { ...e, activeSeconds: e.activeSeconds + 100_000 };
    if (x < 0.14) return { ...e, endedAt: e.startedAt + 40 * 86_400_000 };
    if (x < 0.15) return { ...e, plannedSeconds: 125 };
    if (x < 0.16) return { ...e, knots: Array.from({ length: 40 }, (_, i) => ({ area: area(i), side: null, seconds: i * 7 })) };
    return e;
  });
}

describe('records written in place (encodeBreakInto)', () => {
  it('are byte for byte those of the simple encoder, inline and as a record with its note record', () => {
    let noted = 0;
    let refused = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const e of oddLog(seed, 400)) {
        const ref = referenceRecord(e);
        if (ref === null) refused++;
        else if (ref.notes !== '') noted++;
        expect(encodeBreak(e)).toBe(ref === null ? null : ref.notes === '' ? ref.record : `${ref.record}*${ref.notes}`);
        const check = DIGITS[(e.startedAt - SYNC_EPOCH) % 64]!;
        expect(encodeRecord(e)).toEqual(
          ref === null ? null : { record: ref.record, note: ref.notes === '' ? '' : check + ref.notes },
        );
      }
    }
    // The logs did carry notes and breaks the format refuses (the comparison was not vacuous).
    expect(noted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(100);
  });
});

describe('a layout (one pass over offsets)', () => {
  const tz = process.env.TZ;
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
    it(`carries the reference records, notes and day totals, packed greedily (${zone})`, () => {
      process.env.TZ = zone;
      let folded = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const r = rng(seed * 31);
        // In half of the logs most breaks carry many Knot presses: note items fill before their log items.
        const heavy = seed % 2 === 0;
        const entries = oddLog(seed, 1500)
          .map((e) =>
            heavy && r() < 0.8 && e.steps.length > 0
              ? { ...e, knots: Array.from({ length: 30 }, () => ({ area: e.steps[0]!.area, side: null, seconds: 25 })) }
              : e,
          )
          .sort(() => r() - 0.5);
        const maxItemBytes = 300 + Math.floor(r() * 3000);
        const sorted = [...entries]
          .filter((e) => referenceRecord(e) !== null)
          .sort((a, b) => a.startedAt - b.startedAt || (entryKey(a) < entryKey(b) ? -1 : 1));
        const cutoff = r() < 0.5 ? sorted[Math.floor(sorted.length / 3)]!.startedAt + 1 : null;
        const layout = layoutDevice({
          dev: 'a1a1a1a1',
          entries,
          tombstones: [],
          cutoff,
          budget: { bytes: [100_000, 30_000, 12_000][seed % 3]!, items: 500 },
          maxItemBytes,
        });
        expect(layout.unsyncable).toBe(entries.length - sorted.length);
        const header = `${FORMAT_VERSION}|`;
        const kept = sorted.slice(layout.folded);
        // log:<dev>:<n> and note:<dev>:<n>: the reference records in order, each item as full as the rule lets it.
        const logs: string[][] = [];
        const notes: string[][] = [];
        for (let n = 0; layout.items[logKey('a1a1a1a1', n)] !== undefined; n++) {
          const log = layout.items[logKey('a1a1a1a1', n)]!;
          logs.push(log.slice(header.length).split(','));
          const note = layout.items[noteKey('a1a1a1a1', n)];
          notes.push(note === undefined ? logs[n]!.map(() => '') : note.slice(header.length).split(','));
          if (note !== undefined) expect(notes[n]!.some((x) => x !== '')).toBe(true);
        }
        const refs = kept.map((e) => {
          const ref = referenceRecord(e)!;
          const origin = deviceShort(e.deviceId);
          const check = DIGITS[(e.startedAt - SYNC_EPOCH) % 64]!;
          return {
            record: origin === 'a1a1a1a1' ? ref.record : `${origin}.${ref.record}`,
            note: ref.notes === '' ? '' : check + ref.notes,
          };
        });
        expect(logs.flat()).toEqual(refs.map((x) => x.record));
        expect(notes.flat()).toEqual(refs.map((x) => x.note));
        let i = 0;
        logs.forEach((records, n) => {
          i += records.length;
          const size = (key: string, rs: string[]) => key.length + 2 + header.length + rs.join(',').length;
          const next = refs[i];
          if (records.length > 1) {
            expect(size(logKey('a1a1a1a1', n), records)).toBeLessThanOrEqual(maxItemBytes);
            expect(size(noteKey('a1a1a1a1', n), notes[n]!)).toBeLessThanOrEqual(maxItemBytes);
          }
          if (next !== undefined) {
            const over =
              size(logKey('a1a1a1a1', n), [...records, next.record]) > maxItemBytes ||
              size(noteKey('a1a1a1a1', n), [...notes[n]!, next.note]) > maxItemBytes;
            expect(over).toBe(true);
          }
        });
        // agg:<dev>:<n>: the days folded, as the simple aggregate (days.ts) encodes them.
        const aggs = Object.keys(layout.items)
          .filter((k) => parseSyncKey(k)?.kind === 'agg')
          .sort((a, b) => Number(a.split(':')[2]) - Number(b.split(':')[2]));
        const dayRecords = aggs.flatMap((k) => layout.items[k]!.split('|')[2]!.split(','));
        const reference = aggregateByDay(sorted.slice(0, layout.folded)).flatMap((d) => encodeDay(d) ?? []);
        expect(dayRecords).toEqual(layout.folded > 0 ? reference : []);
        folded += layout.folded > 0 ? 1 : 0;
      }
      // Some of the layouts folded days (the day totals were compared).
      expect(folded).toBeGreaterThan(1);
    });
  }
});

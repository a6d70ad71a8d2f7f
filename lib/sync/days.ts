import type { BreakEntry } from '../log/entry';
import {
  START_WIDTH,
  SYNC_EPOCH,
  Reader,
  canEncodeStart,
  isCount,
  mergeAreas,
  readAreas,
  writeAreas,
  writeFixed,
  writeVarint,
  type AreaSeconds,
} from './encode';

/**
 * Per-day aggregates of breaks folded out of sync (see layout.ts), and the fold cutoff's encoding. Same
 * alphabet and number encodings as single breaks (encode.ts).
 */

export interface DayAggregate {
  /** The origin device's local calendar day, `YYYY-MM-DD`. */
  day: string;
  count: number;
  activeSeconds: number;
  areas: AreaSeconds[];
}

const DAY_MS = 86_400_000;

/** A break's local calendar day, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight that starts the day after the one `ms` falls in. */
export function nextLocalMidnight(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

function dayNumber(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const n = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SYNC_EPOCH) / DAY_MS;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function dayString(n: number): string {
  return new Date(SYNC_EPOCH + n * DAY_MS).toISOString().slice(0, 10);
}

/** Adds breaks into per-day aggregates, days in ascending order. */
export function aggregateByDay(entries: readonly BreakEntry[]): DayAggregate[] {
  const days = new Map<string, { count: number; activeSeconds: number; steps: AreaSeconds[] }>();
  for (const e of entries) {
    const day = localDay(e.startedAt);
    const agg = days.get(day) ?? { count: 0, activeSeconds: 0, steps: [] };
    agg.count++;
    agg.activeSeconds += e.activeSeconds;
    agg.steps.push(...e.steps);
    days.set(day, agg);
  }
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, a]) => ({ day, count: a.count, activeSeconds: a.activeSeconds, areas: mergeAreas(a.steps) }));
}

export function encodeDay(d: DayAggregate): string | null {
  const n = dayNumber(d.day);
  if (n === null || !isCount(d.count) || !isCount(d.activeSeconds)) return null;
  const out: string[] = [];
  writeVarint(out, n);
  writeVarint(out, d.count);
  writeVarint(out, d.activeSeconds);
  if (!writeAreas(out, d.areas)) return null;
  return out.join('');
}

export function decodeDay(record: string): DayAggregate | null {
  const r = new Reader(record);
  const n = r.varint();
  const count = r.varint();
  const activeSeconds = r.varint();
  if (n === null || count === null || activeSeconds === null) return null;
  const areas = readAreas(r);
  if (areas === null) return null;
  return { day: dayString(n), count, activeSeconds, areas };
}

/** A fold cutoff (a time in ms) as 7 fixed characters, like a start. */
export function encodeTime(ms: number): string | null {
  if (!canEncodeStart(ms)) return null;
  const out: string[] = [];
  writeFixed(out, ms - SYNC_EPOCH, START_WIDTH);
  return out.join('');
}

export function decodeTime(text: string): number | null {
  if (text.length !== START_WIDTH) return null;
  const v = new Reader(text).fixed(START_WIDTH);
  return v === null ? null : SYNC_EPOCH + v;
}

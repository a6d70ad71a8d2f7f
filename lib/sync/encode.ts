import type { BreakEntry } from '../log/entry';
import type { AreaId } from '../routines/areas';
import { AREA_IDS } from '../routines/areas';
import type { Moment, Tool } from '../session/types';
import { makeKey, revOf } from './keys';
import { MOMENT_IDS, TOOLS } from '../domain/lists';

/**
 * Compact text encoding of breaks (and per-day aggregates) for `storage.sync`.
 *
 * Every character comes from a 64-letter alphabet that JSON never escapes, so a record costs exactly its
 * length in the quota. A break record is (fixed-width fields first, then self-delimiting numbers):
 *
 *     flags   1 char   ((moment * 3 + tool) * 2 + completed) * 2 + hasRev
 *     start   7 chars  startedAt - SYNC_EPOCH in ms, base 64 (exact to the millisecond, good until 2159)
 *     dur     varint   endedAt - startedAt in whole seconds
 *     idle    varint   zigzag(dur - activeSeconds): pauses and get-ready moments, usually small
 *     planned varint   plannedSeconds: minutes * 2 when whole minutes, else seconds * 2 + 1
 *     holds   varint   holdCount
 *     rev     varint   only when hasRev: the revision of an edited break (see keys.ts)
 *     areas   repeated 1 char area index in AREA_IDS + varint seconds / AREA_QUANTUM (rounded);
 *                      steps on the same area (both sides, repeats) merge into one, in first-rolled order;
 *                      areas that round to 0 are left out.
 *
 * A varint is 5 bits per character, most significant first: letters 32–63 mean "more follows", 0–31 end
 * the number. A default 5-minute break (5 areas) takes 23 characters.
 *
 * What decoding gives back: id (the cross-device key), deviceId (the short device id), startedAt (exact),
 * endedAt (to the second), activeSeconds, plannedSeconds, holdCount, context, tool, completed (exact), and
 * steps with `side: null` and seconds rounded to AREA_QUANTUM. The orders of AREA_IDS, MOMENTS and TOOLS are
 * part of the format: new values may only be appended.
 */

export const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const DIGIT_VALUE: Record<string, number> = Object.fromEntries([...DIGITS].map((c, i) => [c, i]));

/** Start of the encoding's clock: 2020-01-01T00:00:00Z. */
export const SYNC_EPOCH = Date.UTC(2020, 0, 1);
export const START_WIDTH = 7;
const START_LIMIT = 64 ** START_WIDTH;
/** Per-area seconds are kept to this many seconds. */
export const AREA_QUANTUM = 5;

/** Sync-format names for the domain lists: an index into each is stored (see the format note above). */
export const MOMENTS: readonly Moment[] = MOMENT_IDS;
export { TOOLS };

/** Appends a non-negative safe integer as a varint. */
export function writeVarint(out: string[], value: number): void {
  let v = value;
  const groups: number[] = [];
  do {
    groups.push(v % 32);
    v = Math.floor(v / 32);
  } while (v > 0);
  for (let i = groups.length - 1; i > 0; i--) out.push(DIGITS[32 + groups[i]!]!);
  out.push(DIGITS[groups[0]!]!);
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

export function writeFixed(out: string[], value: number, width: number): void {
  let v = value;
  const chars: string[] = [];
  for (let i = 0; i < width; i++) {
    chars.push(DIGITS[v % 64]!);
    v = Math.floor(v / 64);
  }
  out.push(...chars.reverse());
}

/** Reads fields off an encoded record; every read returns null past the end or on a letter not in DIGITS. */
export class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  digit(): number | null {
    const c = this.text[this.pos];
    if (c === undefined) return null;
    const d = DIGIT_VALUE[c];
    if (d === undefined) return null;
    this.pos++;
    return d;
  }

  fixed(width: number): number | null {
    let v = 0;
    for (let i = 0; i < width; i++) {
      const d = this.digit();
      if (d === null) return null;
      v = v * 64 + d;
    }
    return v;
  }

  varint(): number | null {
    let v = 0;
    // 10 characters hold 50 bits, within the safe integers.
    for (let i = 0; i < 10; i++) {
      const d = this.digit();
      if (d === null) return null;
      v = v * 32 + (d & 31);
      if (d < 32) return v;
    }
    return null;
  }
}

export interface AreaSeconds {
  area: AreaId;
  seconds: number;
}

/** Seconds per area, both sides and repeats merged, in the order the areas were first rolled. */
export function mergeAreas(steps: ReadonlyArray<{ area: AreaId; seconds: number }>): AreaSeconds[] {
  // A break has a handful of steps: a scan of a small array is cheaper than a Map (this runs per break).
  const out: AreaSeconds[] = [];
  for (const s of steps) {
    let found = false;
    for (const a of out) {
      if (a.area === s.area) {
        a.seconds += s.seconds;
        found = true;
        break;
      }
    }
    if (!found) out.push({ area: s.area, seconds: s.seconds });
  }
  return out;
}

const AREA_INDEX: Record<string, number> = Object.fromEntries(AREA_IDS.map((a, i) => [a, i]));

/** A varint as a string (see writeVarint). */
export function varint(value: number): string {
  if (value < 32) return DIGITS[value]!;
  let v = Math.floor(value / 32);
  let s = DIGITS[value % 32]!;
  while (v > 0) {
    s = DIGITS[32 + (v % 32)]! + s;
    v = Math.floor(v / 32);
  }
  return s;
}

function fixed(value: number, width: number): string {
  let v = value;
  let s = '';
  for (let i = 0; i < width; i++) {
    s = DIGITS[v % 64]! + s;
    v = Math.floor(v / 64);
  }
  return s;
}

export function writeAreas(out: string[], areas: readonly AreaSeconds[]): boolean {
  for (const { area, seconds } of areas) {
    const index = AREA_IDS.indexOf(area);
    if (index < 0 || !Number.isFinite(seconds)) return false;
    const units = Math.round(Math.max(0, seconds) / AREA_QUANTUM);
    if (units === 0) continue;
    out.push(DIGITS[index]!);
    writeVarint(out, units);
  }
  return true;
}

export function readAreas(r: Reader): AreaSeconds[] | null {
  const areas: AreaSeconds[] = [];
  while (!r.done) {
    const index = r.digit();
    const units = r.varint();
    if (index === null || units === null) return null;
    const area = AREA_IDS[index];
    if (area === undefined) return null;
    areas.push({ area, seconds: units * AREA_QUANTUM });
  }
  return areas;
}

export function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** The start times a record can carry. */
export function canEncodeStart(startedAt: number): boolean {
  const offset = startedAt - SYNC_EPOCH;
  return Number.isSafeInteger(offset) && offset >= 0 && offset < START_LIMIT;
}

/** Scratch space for encodeBreak (seconds per area index, -1 when not rolled; the order first rolled). */
const AREA_SECONDS = new Float64Array(64).fill(-1);
const AREA_ORDER = new Int32Array(64);
const MOMENT_INDEX: Record<string, number> = Object.fromEntries(MOMENT_IDS.map((m, i) => [m, i]));
const TOOL_INDEX: Record<string, number> = Object.fromEntries(TOOLS.map((t, i) => [t, i]));

/**
 * Encodes one break; null for a break the format cannot carry (a start before 2020, non-integer counts).
 * Built as one string without intermediate arrays: a layout encodes every break of the log (100,000 in a
 * fraction of the 250 ms budget).
 */
export function encodeBreak(e: BreakEntry): string | null {
  const moment = MOMENT_INDEX[e.context];
  const tool = TOOL_INDEX[e.tool];
  if (moment === undefined || tool === undefined || !canEncodeStart(e.startedAt)) return null;
  const dur = Math.max(0, Math.round((e.endedAt - e.startedAt) / 1000));
  const { activeSeconds: active, plannedSeconds: planned, holdCount: holds } = e;
  if (!isCount(dur) || !isCount(active) || !isCount(planned) || !isCount(holds)) return null;
  const rev = e.id.includes('~') ? revOf(e.id) : 0;
  let s = DIGITS[((moment * 3 + tool) * 2 + (e.completed ? 1 : 0)) * 2 + (rev > 0 ? 1 : 0)]! + fixed(e.startedAt - SYNC_EPOCH, START_WIDTH);
  s += varint(dur) + varint(zigzag(dur - active)) + varint(planned % 60 === 0 ? (planned / 60) * 2 : planned * 2 + 1) + varint(holds);
  if (rev > 0) s += varint(rev);
  // mergeAreas without its allocations: seconds per area index, in first-rolled order.
  let count = 0;
  let ok = true;
  for (const step of e.steps) {
    const index = AREA_INDEX[step.area];
    if (index === undefined) {
      ok = false;
      continue;
    }
    if (AREA_SECONDS[index] === -1) {
      AREA_SECONDS[index] = 0;
      AREA_ORDER[count++] = index;
    }
    AREA_SECONDS[index]! += step.seconds;
  }
  for (let i = 0; i < count; i++) {
    const index = AREA_ORDER[i]!;
    const seconds = AREA_SECONDS[index]!;
    AREA_SECONDS[index] = -1;
    if (!Number.isFinite(seconds)) ok = false;
    const units = Math.round(Math.max(0, seconds) / AREA_QUANTUM);
    if (units > 0) s += DIGITS[index]! + varint(units);
  }
  return ok ? s : null;
}

/** Decodes one break record of device `dev`; null for anything malformed. Never throws. */
export function decodeBreak(record: string, dev: string): BreakEntry | null {
  const r = new Reader(record);
  const flags = r.digit();
  const start = r.fixed(START_WIDTH);
  const dur = r.varint();
  const idle = r.varint();
  const planned = r.varint();
  const holds = r.varint();
  if (flags === null || start === null || dur === null || idle === null || planned === null || holds === null) {
    return null;
  }
  const hasRev = flags & 1;
  const completed = (flags >> 1) & 1;
  const moment = MOMENTS[Math.floor(flags / 4 / 3)];
  const tool = TOOLS[Math.floor(flags / 4) % 3];
  if (moment === undefined || tool === undefined) return null;
  const rev = hasRev ? r.varint() : 0;
  if (rev === null || (hasRev && rev === 0)) return null;
  const areas = readAreas(r);
  if (areas === null) return null;
  const activeSeconds = dur - unzigzag(idle);
  if (activeSeconds < 0) return null;
  const startedAt = SYNC_EPOCH + start;
  return {
    id: makeKey(dev, startedAt, rev),
    deviceId: dev,
    startedAt,
    endedAt: startedAt + dur * 1000,
    activeSeconds,
    plannedSeconds: planned % 2 === 0 ? (planned / 2) * 60 : (planned - 1) / 2,
    steps: areas.map(({ area, seconds }) => ({ area, side: null, seconds })),
    holdCount: holds,
    context: moment,
    tool,
    completed: completed === 1,
  };
}

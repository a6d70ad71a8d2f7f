import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import { makeKey, revOf } from '../domain/break-key';
import type { BreakEntry, CheckInEntry, Feel, KnotEntry } from '../log/entry';
import { FEELS } from '../log/entry';
import { MAX_KNOT_SECONDS } from '../log/schema';
import type { Moment } from '../session/types';
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
 *     rev     varint   only when hasRev: the revision of an edited break (see lib/domain/break-key.ts)
 *     areas   repeated 1 char area index in AREA_IDS + varint seconds / AREA_QUANTUM (rounded);
 *                      steps on the same area (both sides, repeats) merge into one, in first-rolled order;
 *                      areas that round to 0 are left out.
 *
 * A varint is 5 bits per character, most significant first: letters 32–63 mean "more follows", 0–31 end
 * the number. A default 5-minute break (5 areas) takes 23 characters.
 *
 * Body notes (format 2, only on breaks with Knot presses or a check-in): after the areas, "*" and
 *
 *     head    varint   knots * 2 + hasCheckIn
 *     knots   2 chars each, in order: area index * 3 + side (0 none, 1 left, 2 right); the hold's seconds
 *                      / KNOT_QUANTUM (rounded, at most the log's MAX_KNOT_SECONDS)
 *     feels   only when hasCheckIn: the record's areas in order, 3 per character, each 0 (not answered),
 *             1 eased, 2 same, 3 worse (base 4, the first area most significant)
 *
 * Readers of format 1 (Rollbreak 0.1) stop at the "*" and skip such a break as one they cannot read, so
 * the layout no longer writes notes inline: a break record is written exactly as format 1, and its notes
 * go into a `note:` item beside its `log:` item (layout.ts), which 0.1 does not know and so skips, still
 * reading the break. A note record there is the break's start check (CHECK_WIDTH) and the notes as above;
 * the inline form is still read. The check-in covers the areas the record carries (those rolled at least
 * CHECK_IN_MIN_SECONDS are).
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
/** A Knot hold's seconds are kept to this many seconds. */
export const KNOT_QUANTUM = 5;
/** Where a break's body notes begin (a letter outside DIGITS, which format-1 readers refuse). */
export const NOTES_MARK = '*';
const SIDE_CODES = [null, 'left', 'right'] as const;
/** The longest hold a record carries, in KNOT_QUANTUM units: the log's limit (MAX_KNOT_SECONDS). */
const KNOT_UNITS_MAX = MAX_KNOT_SECONDS / KNOT_QUANTUM;

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

/** Character codes of DIGITS, by value. */
const DIGIT_CODES = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));
const NOTES_CODE = NOTES_MARK.charCodeAt(0);
const ascii = new TextDecoder();

/**
 * A growing buffer of record characters (ASCII only: DIGITS and the marks "*", "." and ","), written in
 * place. A layout writes every record of the log into one writer, back to back, and keeps offsets: no
 * string, array or object per break, and the item values are cut from the buffer once, at the end.
 */
export class RecordWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `n` more characters. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** One ASCII character, by its code. */
  char(code: number): void {
    this.bytes[this.length++] = code;
  }

  digit(value: number): void {
    this.bytes[this.length++] = DIGIT_CODES[value]!;
  }

  /** A non-negative safe integer as a varint (see writeVarint). */
  varint(value: number): void {
    if (value < 32) {
      this.bytes[this.length++] = DIGIT_CODES[value]!;
    } else if (value < 1024) {
      this.bytes[this.length++] = DIGIT_CODES[32 + (value >>> 5)]!;
      this.bytes[this.length++] = DIGIT_CODES[value & 31]!;
    } else {
      // Past 2 ** 31 bit operations no longer hold: whole-number division, a digit at a time (as writeVarint).
      // A long number (a total of absurd seconds) may pass the room a record reserved: reserve its own.
      let width = 1;
      for (let v = Math.floor(value / 32); v > 0; v = Math.floor(v / 32)) width++;
      this.reserve(width);
      const bytes = this.bytes;
      let v = value;
      const end = this.length + width - 1;
      bytes[end] = DIGIT_CODES[v % 32]!;
      for (let i = end - 1; i >= this.length; i--) {
        v = Math.floor(v / 32);
        bytes[i] = DIGIT_CODES[32 + (v % 32)]!;
      }
      this.length += width;
    }
  }

  /** A non-negative integer below 64 ** width in exactly `width` characters (see writeFixed). */
  fixed(value: number, width: number): void {
    // Two halves that bit operations can take (a start is 42 bits): the low 4 digits, then the rest.
    const high = Math.floor(value / 2 ** 24);
    let low = value - high * 2 ** 24;
    let v = high;
    const bytes = this.bytes;
    for (let i = this.length + width - 1; i >= this.length; i--) {
      if (i >= this.length + width - 4) {
        bytes[i] = DIGIT_CODES[low & 63]!;
        low >>>= 6;
      } else {
        bytes[i] = DIGIT_CODES[v % 64]!;
        v = Math.floor(v / 64);
      }
    }
    this.length += width;
  }

  /** The characters from `from` to `to` as a string. */
  text(from = 0, to = this.length): string {
    // A record's few characters are quicker made directly than through the decoder.
    return to - from <= 64
      ? String.fromCharCode.apply(null, this.bytes.subarray(from, to) as unknown as number[])
      : ascii.decode(this.bytes.subarray(from, to));
  }
}

// Lookups by name. Plain objects: what they inherit (toString, __proto__) is never a number, hence the checks.
const AREA_INDEX: Record<string, unknown> = Object.fromEntries(AREA_IDS.map((a, i) => [a, i]));
const MOMENT_INDEX: Record<string, unknown> = Object.fromEntries(MOMENT_IDS.map((m, i) => [m, i]));
const TOOL_INDEX: Record<string, unknown> = Object.fromEntries(TOOLS.map((t, i) => [t, i]));
/** A check-in answer's code: its place in FEELS + 1 (0 for an answer the format does not know). */
const FEEL_CODE: Record<string, unknown> = Object.fromEntries(FEELS.map((f, i) => [f, i + 1]));

/**
 * Scratch space for merging a break's (or a day's) steps by area without allocating: the seconds per area
 * index, whether the area was seen, and the areas in the order first rolled. Every use leaves SEEN clear.
 */
const AREA_SLOTS = 64;
const SECONDS = new Float64Array(AREA_SLOTS);
const SEEN = new Uint8Array(AREA_SLOTS);
const ORDER = new Int32Array(AREA_SLOTS);
/** The areas a record carried (rounded to at least one unit), in order; and a check-in answer per area, -1 for none. */
const WRITTEN = new Int32Array(AREA_SLOTS);
const FEEL = new Int8Array(AREA_SLOTS).fill(-1);
let orderLength = 0;
let writtenLength = 0;

/** Adds steps into the scratch totals; false when a step's area is not one the format knows. */
function addSteps(steps: ReadonlyArray<{ area: AreaId; seconds: number }>): boolean {
  let ok = true;
  let lastArea = '';
  let index: unknown = undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    // Sided areas come in pairs (left, right): the second needs no lookup.
    if (step.area !== lastArea) index = AREA_INDEX[(lastArea = step.area)];
    if (typeof index !== 'number') {
      ok = false;
      continue;
    }
    if (SEEN[index] === 0) {
      SEEN[index] = 1;
      SECONDS[index] = step.seconds;
      ORDER[orderLength++] = index;
    } else SECONDS[index]! += step.seconds;
  }
  return ok;
}

/**
 * Writes the scratch totals as area records (see the format note: areas that round to 0 are left out) and
 * clears them; false when a total is not a finite number. Remembers the areas written (WRITTEN).
 */
function writeTotals(w: RecordWriter): boolean {
  let ok = true;
  writtenLength = 0;
  for (let i = 0; i < orderLength; i++) {
    const index = ORDER[i]!;
    const seconds = SECONDS[index]!;
    SEEN[index] = 0;
    if (!ok) continue;
    if (!Number.isFinite(seconds)) {
      ok = false;
      continue;
    }
    const units = Math.round(Math.max(0, seconds) / AREA_QUANTUM);
    if (units === 0) continue;
    w.digit(index);
    w.varint(units);
    WRITTEN[writtenLength++] = index;
  }
  orderLength = 0;
  return ok;
}

/** The most characters a break's record can take (flags, start, five varints, areas, notes, origin prefix). */
function recordRoom(e: BreakEntry): number {
  return 128 + 12 * e.steps.length + 2 * (e.knots?.length ?? 0);
}

/**
 * Encodes one break with its notes inline after the "*" (format 2, still read); null for a break the format
 * cannot carry (a start before 2020, non-integer counts). The layout writes records straight into its buffers
 * (encodeBreakInto, notes apart); this is that, for one break.
 */
export function encodeBreak(e: BreakEntry): string | null {
  single.length = 0;
  return encodeBreakInto(single, e) ? single.text() : null;
}
const single = new RecordWriter();
const singleNote = new RecordWriter();

/**
 * Appends one break's record to `w`; false, with `w` (and `notes`) as it was, for a break the format cannot
 * carry. With `notes`, the record is format 1 and its note record (the start check and the notes, see the
 * format note) goes to `notes`, nothing for a break without notes; without, the notes follow inline after "*".
 * Allocates nothing: a layout encodes every break of the log (100,000 in a small part of its 250 ms).
 */
export function encodeBreakInto(w: RecordWriter, e: BreakEntry, notes?: RecordWriter): boolean {
  const moment = MOMENT_INDEX[e.context];
  const tool = TOOL_INDEX[e.tool];
  if (typeof moment !== 'number' || typeof tool !== 'number' || !canEncodeStart(e.startedAt)) return false;
  const dur = Math.max(0, Math.round((e.endedAt - e.startedAt) / 1000));
  const { activeSeconds: active, plannedSeconds: planned, holdCount: holds } = e;
  if (!isCount(dur) || !isCount(active) || !isCount(planned) || !isCount(holds)) return false;
  const rev = e.id.includes('~') ? revOf(e.id) : 0;
  const start = w.length;
  const noteStart = notes?.length ?? 0;
  w.reserve(recordRoom(e));
  w.digit(((moment * 3 + tool) * 2 + (e.completed ? 1 : 0)) * 2 + (rev > 0 ? 1 : 0));
  w.fixed(e.startedAt - SYNC_EPOCH, START_WIDTH);
  w.varint(dur);
  w.varint(zigzag(dur - active));
  w.varint(planned % 60 === 0 ? (planned / 60) * 2 : planned * 2 + 1);
  w.varint(holds);
  if (rev > 0) w.varint(rev);
  const stepsOk = addSteps(e.steps);
  const totalsOk = writeTotals(w);
  const lead = notes === undefined ? NOTES_CODE : DIGIT_CODES[(e.startedAt - SYNC_EPOCH) % 64]!;
  if (!totalsOk || !stepsOk || !writeNotes(notes ?? w, e, lead)) {
    w.length = start;
    if (notes !== undefined) notes.length = noteStart;
    return false;
  }
  return true;
}

/**
 * Appends a break's knots and check-in (see the format note) after the letter `lead` ("*" inline, the start
 * check in a note record); nothing for a break without them. Reads the areas the record carried (WRITTEN).
 */
function writeNotes(w: RecordWriter, e: BreakEntry, lead: number): boolean {
  const knots = e.knots ?? [];
  const checkIn = e.checkIn ?? [];
  if (knots.length === 0 && checkIn.length === 0) return true;
  // The answers by area (a later answer for the same area wins), for the areas the record carries.
  for (const c of checkIn) {
    const index = AREA_INDEX[c.area];
    if (typeof index === 'number') {
      const code = FEEL_CODE[c.feel];
      FEEL[index] = typeof code === 'number' ? code : 0;
    }
  }
  let hasCheckIn = false;
  for (let i = 0; i < writtenLength && !hasCheckIn; i++) hasCheckIn = FEEL[WRITTEN[i]!]! >= 0;
  let ok = true;
  if (knots.length > 0 || hasCheckIn) {
    w.reserve(16 + 2 * knots.length + Math.ceil(writtenLength / 3));
    w.char(lead);
    w.varint(knots.length * 2 + (hasCheckIn ? 1 : 0));
    for (const k of knots) {
      const index = AREA_INDEX[k.area];
      const side = k.side === null ? 0 : k.side === 'left' ? 1 : k.side === 'right' ? 2 : -1;
      if (typeof index !== 'number' || side < 0 || !Number.isFinite(k.seconds)) {
        ok = false;
        break;
      }
      w.digit(index * 3 + side);
      w.digit(Math.min(KNOT_UNITS_MAX, Math.max(0, Math.round(k.seconds / KNOT_QUANTUM))));
    }
    if (ok && hasCheckIn) {
      for (let i = 0; i < writtenLength; i += 3) {
        let code = 0;
        for (let j = i; j < i + 3; j++) code = code * 4 + (j < writtenLength ? Math.max(0, FEEL[WRITTEN[j]!]!) : 0);
        w.digit(code);
      }
    }
  }
  for (const c of checkIn) {
    const index = AREA_INDEX[c.area];
    if (typeof index === 'number') FEEL[index] = -1;
  }
  return ok;
}

/**
 * Appends one day's aggregate of the breaks `entries[from]` to `entries[to - 1]` (one local day, see
 * days.ts): day number, count, active seconds and the areas merged in the order first rolled. False, with
 * `w` as it was, when the totals cannot be carried.
 */
export function encodeDayInto(
  w: RecordWriter,
  dayNumber: number,
  entries: readonly BreakEntry[],
  from: number,
  to: number,
): boolean {
  let active = 0;
  let stepsOk = true;
  let room = 40;
  for (let i = from; i < to; i++) {
    const e = entries[i]!;
    active += e.activeSeconds;
    if (!addSteps(e.steps)) stepsOk = false;
  }
  room += 12 * orderLength;
  const start = w.length;
  w.reserve(room);
  const count = to - from;
  const valid = Number.isSafeInteger(dayNumber) && dayNumber >= 0 && isCount(count) && isCount(active);
  if (valid) {
    w.varint(dayNumber);
    w.varint(count);
    w.varint(active);
  }
  if (!writeTotals(w) || !stepsOk || !valid) {
    w.length = start;
    return false;
  }
  return true;
}

/**
 * One break as the layout writes it: the record (format 1, readable by every version) and its note record
 * for the `note:` item ('' for a break without body notes). Null when the format cannot carry the break.
 */
export function encodeRecord(e: BreakEntry): { record: string; note: string } | null {
  single.length = 0;
  singleNote.length = 0;
  if (!encodeBreakInto(single, e, singleNote)) return null;
  return { record: single.text(), note: singleNote.text() };
}

/** Letters of a note record that check it belongs to its break: the last letter of the break's start. */
export const CHECK_WIDTH = 1;
function startCheck(startedAt: number): string {
  return DIGITS[(startedAt - SYNC_EPOCH) % 64]!;
}

/**
 * A break record's entry with the notes of its note record (from the `note:` item beside its `log:`
 * item); null when the note record is malformed or belongs to another break (an item caught mid-update).
 */
export function withNotes(entry: BreakEntry, note: string): BreakEntry | null {
  if (note.slice(0, CHECK_WIDTH) !== startCheck(entry.startedAt)) return null;
  const r = new Reader(note);
  r.pos = CHECK_WIDTH;
  const notes = readNotes(r, entry.steps);
  if (notes === null) return null;
  const { knots: _k, checkIn: _c, ...rest } = entry;
  return { ...rest, ...notes };
}

/**
 * A break's body notes as the sync format writes them (after the "*"; see the format note): '' for a
 * break without knots or check-in, null when one cannot be written. The same notes give the same text.
 */
export function notesCode(e: BreakEntry): string {
  return (e.knots?.length ?? 0) + (e.checkIn?.length ?? 0) === 0 ? '' : (encodeNotes(e, mergeAreas(e.steps)) ?? '');
}

function encodeNotes(e: BreakEntry, areas: readonly AreaSeconds[]): string | null {
  const knots = e.knots ?? [];
  const written = areas.filter((a) => Math.round(Math.max(0, a.seconds) / AREA_QUANTUM) > 0).map((a) => a.area);
  const feels = new Map((e.checkIn ?? []).map((c) => [c.area, c.feel] as const));
  const hasCheckIn = written.some((area) => feels.has(area));
  if (knots.length === 0 && !hasCheckIn) return '';
  const out: string[] = [];
  writeVarint(out, knots.length * 2 + (hasCheckIn ? 1 : 0));
  for (const k of knots) {
    const index = AREA_IDS.indexOf(k.area);
    const side = SIDE_CODES.indexOf(k.side);
    if (index < 0 || side < 0 || !Number.isFinite(k.seconds)) return null;
    out.push(DIGITS[index * 3 + side]!, DIGITS[Math.min(KNOT_UNITS_MAX, Math.max(0, Math.round(k.seconds / KNOT_QUANTUM)))]!);
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

/** Reads body notes after the "*"; null when malformed. */
function readNotes(r: Reader, areas: readonly AreaSeconds[]): { knots?: KnotEntry[]; checkIn?: CheckInEntry[] } | null {
  const head = r.varint();
  if (head === null) return null;
  const knots: KnotEntry[] = [];
  for (let i = 0; i < Math.floor(head / 2); i++) {
    const where = r.digit();
    const units = r.digit();
    if (where === null || units === null || units > KNOT_UNITS_MAX) return null;
    const area = AREA_IDS[Math.floor(where / 3)];
    if (area === undefined) return null;
    knots.push({ area, side: SIDE_CODES[where % 3]!, seconds: units * KNOT_QUANTUM });
  }
  const checkIn: CheckInEntry[] = [];
  if (head % 2 === 1) {
    for (let i = 0; i < areas.length; i += 3) {
      const code = r.digit();
      if (code === null) return null;
      for (let j = i; j < i + 3; j++) {
        const value = Math.floor(code / 4 ** (2 - (j - i))) % 4;
        if (j >= areas.length) {
          if (value !== 0) return null;
        } else if (value > 0) {
          checkIn.push({ area: areas[j]!.area, feel: FEELS[value - 1] as Feel });
        }
      }
    }
  }
  if (!r.done) return null;
  return { ...(knots.length > 0 ? { knots } : {}), ...(checkIn.length > 0 ? { checkIn } : {}) };
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
  const mark = record.indexOf(NOTES_MARK, r.pos);
  const areas = readAreas(mark < 0 ? r : new Reader(record.slice(r.pos, mark)));
  if (areas === null) return null;
  let notes: ReturnType<typeof readNotes> = {};
  if (mark >= 0) {
    const rest = new Reader(record);
    rest.pos = mark + 1;
    notes = readNotes(rest, areas);
    if (notes === null) return null;
  }
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
    ...notes,
  };
}

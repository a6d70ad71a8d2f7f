/**
 * Identity of a break across devices.
 *
 * Local breaks are keyed by their session id (a UUID, 36 characters), which is too long to sync 2,000 of in
 * 100 KB. Across devices a break is known instead by its *key*: the short id of the device that logged it,
 * its start in milliseconds (base 36) and, for an edited copy, a revision:
 *
 *     `<device>.<startedAt base 36>` or `<device>.<startedAt base 36>~<rev>`
 *
 * A device runs one break at a time, so no two of its breaks start in the same millisecond. The key is
 * derived from the entry (deviceId, startedAt, and a `~n` suffix of the id), so nothing extra is stored.
 * Breaks that arrive through sync are stored with `id` = key and `deviceId` = the short device id, so the
 * key of a synced copy equals the key of the original.
 */

/** Length of a short device id: 8 base-36/hex characters of the device's UUID. */
export const DEVICE_SHORT_LENGTH = 8;

/** The short id a device's sync keys and break keys carry: the first 8 letters/digits of its id, lower case. */
export function deviceShort(deviceId: string): string {
  // A sync round asks this for every break, nearly always for the same few devices in a row.
  if (deviceId === lastDevice) return lastShort;
  const short = deviceId
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, DEVICE_SHORT_LENGTH);
  lastDevice = deviceId;
  lastShort = short === '' ? '0' : short;
  return lastShort;
}
let lastDevice = '';
let lastShort = '0';

/** The revision in an id's `~n` suffix (0 for none): edits make a new entry with the next revision. */
export function revOf(id: string): number {
  const m = /~(\d{1,6})$/.exec(id);
  return m ? Number(m[1]) : 0;
}

export function makeKey(dev: string, startedAt: number, rev: number): string {
  return `${dev}.${base36(Math.round(startedAt))}${rev > 0 ? `~${rev}` : ''}`;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A non-negative safe integer in base 36, as `n.toString(36)` writes it. Every sync round makes a key for
 * every break, and V8's toString(36) takes its slow path for doubles: this loop takes about half its time
 * (with the check in parseKey below, this file went from 4.3 s to 1.2 s of the sharing test's 24 s profile).
 */
function base36(n: number): string {
  if (!(n >= 0) || !Number.isSafeInteger(n)) return n.toString(36);
  let s = '';
  do {
    s = DIGITS[n % 36]! + s;
    n = Math.floor(n / 36);
  } while (n > 0);
  return s;
}

/** The cross-device key of a break; see the module comment. */
export function entryKey(entry: { id: string; deviceId: string; startedAt: number }): string {
  return makeKey(deviceShort(entry.deviceId), entry.startedAt, revOf(entry.id));
}

export interface ParsedKey {
  dev: string;
  startedAt: number;
  rev: number;
}

const KEY_RE = /^([0-9a-z]{1,8})\.([0-9a-z]{1,11})(?:~(\d{1,6}))?$/;

export function parseKey(key: string): ParsedKey | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  const startedAt = parseInt(m[2]!, 36);
  if (!Number.isSafeInteger(startedAt)) return null;
  const rev = m[3] === undefined ? 0 : Number(m[3]);
  // One spelling per key: `~0` and leading zeros would make two keys for one break.
  if (m[3] !== undefined && (rev === 0 || String(rev) !== m[3])) return null;
  // One spelling per start: a safe integer parsed from base-36 digits is exact, so the only other
  // spelling is with leading zeros.
  if (m[2]!.length > 1 && m[2]!.startsWith('0')) return null;
  return { dev: m[1]!, startedAt, rev };
}

/**
 * A deleted (or replaced) break, kept so the deletion reaches every device and the break is not brought
 * back by a device that still has it. Stored locally in the `tombstones` store and synced in `tomb:<dev>`.
 */
export interface Tombstone {
  /** The break's cross-device key. */
  key: string;
  /** When this device deleted it or learnt of the deletion. */
  deletedAt: number;
  /** Short id of the device that deleted it; a device syncs only its own tombstones. */
  by: string;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceShort, entryKey, makeKey, parseKey } from './break-key';

describe('break keys', () => {
  it('writes the start in base 36 exactly as toString(36) does, and reads it back', () => {
    fc.assert(
      fc.property(fc.constantFrom('a1b2c3d4', '0', 'zz'), fc.maxSafeNat(), fc.nat(999_999), (dev, startedAt, rev) => {
        const key = makeKey(dev, startedAt, rev);
        expect(key).toBe(`${dev}.${startedAt.toString(36)}${rev > 0 ? `~${rev}` : ''}`);
        if (startedAt < 36 ** 11) expect(parseKey(key)).toEqual({ dev, startedAt, rev });
      }),
      { numRuns: 500 },
    );
    expect(makeKey('d', 1_767_600_000_000.4, 0)).toBe('d.mk0vegw0');
  });

  it('accepts one spelling per break', () => {
    expect(parseKey('d.0')).toEqual({ dev: 'd', startedAt: 0, rev: 0 });
    for (const other of ['d.0mjzvy3eo', 'd.00', 'd.mjzvy3eo~0', 'd.mjzvy3eo~01', 'd.MJZVY3EO', 'd.zzzzzzzzzzz'])
      expect(parseKey(other), other).toBeNull();
  });

  it("gives each device's short id whatever order devices come in", () => {
    const ids = ['AAAA1111-0000-4000-8000-00000000000a', 'bbbb2222-0000', '--', 'cc-cc'];
    for (const id of [...ids, ...[...ids].reverse(), ids[0]!, ids[0]!])
      expect(deviceShort(id)).toBe(
        id
          .toLowerCase()
          .replace(/[^0-9a-z]/g, '')
          .slice(0, 8) || '0',
      );
    expect(entryKey({ id: 'x~2', deviceId: ids[1]!, startedAt: 35 })).toBe('bbbb2222.z~2');
  });
});

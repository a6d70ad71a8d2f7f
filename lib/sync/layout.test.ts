import { describe, expect, it } from 'vitest';
import { localDay } from './days';
import { deviceShort, entryKey } from '../domain/break-key';
import { SYNC_QUOTA, itemBytes, layoutDevice, packChunks, parseSyncKey, usage } from './layout';
import { readSnapshot } from './merge';
import { realisticLog } from '../../tests/fixtures/breaks';

const DEVICE = 'a1b2c3d4-0000-4000-8000-000000000001';
const DEV = deviceShort(DEVICE);
const FULL = { bytes: SYNC_QUOTA.QUOTA_BYTES - 2048, items: SYNC_QUOTA.MAX_ITEMS - 16 };

function checkItems(items: Record<string, string>, bytes?: number) {
  if (bytes !== undefined) expect(usage(items).bytes).toBe(bytes);
  for (const [k, v] of Object.entries(items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
}

describe('keys', () => {
  it('parses the four kinds of keys and nothing else', () => {
    expect(parseSyncKey('log:a1b2c3d4:0')).toEqual({ kind: 'log', dev: 'a1b2c3d4', n: 0 });
    expect(parseSyncKey('agg:a1b2c3d4:12')).toEqual({ kind: 'agg', dev: 'a1b2c3d4', n: 12 });
    expect(parseSyncKey('tomb:a1b2c3d4')).toEqual({ kind: 'tomb', dev: 'a1b2c3d4' });
    expect(parseSyncKey('tomb:a1:3')).toEqual({ kind: 'tombs', dev: 'a1', n: 3 });
    for (const k of ['settings', 'settings$', 'log:A1:0', 'log:a1', 'tomb:a1:x', 'log:a1b2c3d4e:0', '__proto__']) {
      expect(parseSyncKey(k)).toBeNull();
    }
  });

  it('counts bytes as Chrome does: key plus JSON value', () => {
    expect(itemBytes('ab', 'xyz')).toBe(2 + 5);
    expect(itemBytes('k', { holdSeconds: 25 })).toBe(1 + JSON.stringify({ holdSeconds: 25 }).length);
    expect(itemBytes('k', 'é')).toBe(1 + 4);
    expect(usage({ a: 'b', c: 1 })).toEqual({ bytes: 1 + 3 + 1 + 1, items: 2 });
  });
});

describe('packChunks', () => {
  it('fills items up to the per-item limit, in order, and never over it', () => {
    const records = Array.from({ length: 1000 }, (_, i) => `r${i}`.padEnd(20 + (i % 17), 'x'));
    const items = packChunks((n) => `log:${DEV}:${n}`, '1|', records, 8192);
    checkItems(items);
    const keys = Object.keys(items);
    expect(keys[0]).toBe(`log:${DEV}:0`);
    const back = keys.flatMap((k) => items[k]!.slice(2).split(','));
    expect(back).toEqual(records);
    // Greedy: every item but the last is nearly full.
    for (const k of keys.slice(0, -1)) expect(itemBytes(k, items[k])).toBeGreaterThan(8192 - 40);
  });

  it('makes no item for no records', () => {
    expect(packChunks((n) => `x${n}`, '1|', [], 100)).toEqual({});
  });
});

describe('layoutDevice', () => {
  it('carries 2,000 realistic breaks in full within 100 KB, and finds how many fit', () => {
    const entries = realisticLog(11, DEVICE, 6000);
    const at2000 = layoutDevice({ dev: DEV, entries: entries.slice(0, 2000), tombstones: [], cutoff: null, budget: FULL });
    expect(at2000.fits).toBe(true);
    expect(at2000.folded).toBe(0);
    expect(at2000.full).toBe(2000);
    checkItems(at2000.items, at2000.bytes);
    // The largest log that fits in full with nothing else in sync (the 2 KB reserve aside).
    let lo = 2000;
    let hi = 6000;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const l = layoutDevice({
        dev: DEV,
        entries: entries.slice(0, mid),
        tombstones: [],
        cutoff: null,
        budget: { bytes: SYNC_QUOTA.QUOTA_BYTES, items: 512 },
      });
      if (l.folded === 0) lo = mid;
      else hi = mid - 1;
    }
    const whole = layoutDevice({
      dev: DEV,
      entries: entries.slice(0, lo),
      tombstones: [],
      cutoff: null,
      budget: { bytes: SYNC_QUOTA.QUOTA_BYTES, items: 512 },
    });
    console.log(
      `layout: 2,000 breaks take ${at2000.bytes} bytes in ${Object.keys(at2000.items).length} items (${(at2000.bytes / 2000).toFixed(1)} bytes/break all in); ` +
        `${lo} breaks fit in full in 100 KB (${whole.bytes} bytes)`,
    );
    expect(lo).toBeGreaterThanOrEqual(2000);
  });

  it('folds the oldest whole days into aggregates when over budget, keeping every break counted', () => {
    const entries = realisticLog(12, DEVICE, 3000);
    const budget = { bytes: 30_000, items: 100 };
    const l = layoutDevice({ dev: DEV, entries, tombstones: [], cutoff: null, budget });
    expect(l.fits).toBe(true);
    expect(l.bytes).toBeLessThanOrEqual(budget.bytes * 0.9);
    expect(l.folded).toBeGreaterThan(0);
    expect(l.full + l.folded).toBe(3000);
    checkItems(l.items, l.bytes);
    const view = readSnapshot(l.items).devices.get(DEV)!;
    expect(view.entries).toHaveLength(l.full);
    expect(view.agg!.cutoff).toBe(l.cutoff);
    expect(view.agg!.days.reduce((n, d) => n + d.count, 0)).toBe(l.folded);
    // Whole days: no day is both folded and full, and the full breaks are the newest.
    const foldedDays = new Set(view.agg!.days.map((d) => d.day));
    for (const e of view.entries) {
      expect(foldedDays.has(localDay(e.startedAt))).toBe(false);
      expect(e.startedAt).toBeGreaterThanOrEqual(l.cutoff!);
    }
    expect(view.entries.map((e) => e.id)).toEqual(entries.slice(l.folded).map(entryKey));
  });

  it('keeps an earlier cutoff (never unfolds) and appends new breaks without folding again', () => {
    const entries = realisticLog(13, DEVICE, 1200);
    const budget = { bytes: 20_000, items: 100 };
    const first = layoutDevice({ dev: DEV, entries: entries.slice(0, 1000), tombstones: [], cutoff: null, budget });
    expect(first.folded).toBeGreaterThan(0);
    const next = layoutDevice({ dev: DEV, entries: entries.slice(0, 1010), tombstones: [], cutoff: first.cutoff, budget });
    expect(next.cutoff).toBe(first.cutoff);
    expect(next.folded).toBe(first.folded);
    const roomy = layoutDevice({ dev: DEV, entries: entries.slice(0, 1010), tombstones: [], cutoff: first.cutoff, budget: FULL });
    expect(roomy.folded).toBe(first.folded);
  });

  it('carries thousands of deletions, compacted, in several items', () => {
    // Scattered over two years, a few hours to days apart, some of them edits (revisions).
    let at = 1_750_000_000_000;
    const tombstones = Array.from({ length: 5000 }, (_, i) => {
      at += 3_600_000 + ((i * 7919) % 5) * 20_000_000 + (i % 1000);
      return `${i % 3 === 0 ? DEV : 'b0b0b0b0'}.${at.toString(36)}${i % 11 === 0 ? '~2' : ''}`;
    });
    const l = layoutDevice({ dev: DEV, entries: [], tombstones, cutoff: null, budget: FULL });
    const kept = readSnapshot(l.items).devices.get(DEV)!.tombstones;
    expect(l.tombstonesDropped).toBe(0);
    expect(new Set(kept)).toEqual(new Set(tombstones));
    expect(Object.keys(l.items).length).toBeGreaterThan(1);
    console.log(`layout: 5,000 deletions take ${l.bytes} bytes (${(l.bytes / 5000).toFixed(1)} bytes each)`);
    expect(l.bytes / 5000).toBeLessThan(9);
    checkItems(l.items, l.bytes);
  });

  it('drops the oldest exact deletions only past their share, as a last resort', () => {
    const tombstones = Array.from({ length: 2000 }, (_, i) => `b0b0b0b0.${(1_800_000_000_000 + i * 86_400_123).toString(36)}`);
    const l = layoutDevice({ dev: DEV, entries: [], tombstones, cutoff: null, budget: { bytes: 4000, items: 10 } });
    const kept = readSnapshot(l.items).devices.get(DEV)!.tombstones;
    expect(kept.length).toBe(l.tombstones);
    expect(l.tombstonesDropped).toBe(2000 - kept.length);
    expect(kept).toEqual(tombstones.slice(-kept.length));
    expect(l.bytes).toBeLessThanOrEqual(2000);
  });

  it('says when even everything folded does not fit', () => {
    const l = layoutDevice({
      dev: DEV,
      entries: realisticLog(14, DEVICE, 500),
      tombstones: [],
      cutoff: null,
      budget: { bytes: 200, items: 10 },
    });
    expect(l.fits).toBe(false);
  });

  it('leaves out breaks from before 2020 (local only)', () => {
    const [a, b] = realisticLog(15, DEVICE, 2);
    const old = { ...a!, startedAt: Date.UTC(2019, 5, 1), endedAt: Date.UTC(2019, 5, 1) + 300_000 };
    const l = layoutDevice({ dev: DEV, entries: [old, b!], tombstones: [], cutoff: null, budget: FULL });
    expect(l.unsyncable).toBe(1);
    expect(l.full).toBe(1);
  });
});

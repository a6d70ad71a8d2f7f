import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BreakEntry } from '../log/entry';
import type { Tombstone } from '../domain/break-key';
import { deviceShort, entryKey } from '../domain/break-key';
import type { LocalLog } from '../log/store';
import { afterWrites, applyChanges, breaksInSync, mergeRemote, planWrites, readSnapshot, unseenDays } from './merge';
import { SYNC_QUOTA, itemBytes } from './layout';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';

const A = 'aaaa1111-0000-4000-8000-000000000000';
const B = 'bbbb2222-0000-4000-8000-000000000000';
const C = 'cccc3333-0000-4000-8000-000000000000';
const NOW = Date.UTC(2026, 5, 1);

/** One in-memory device: its log, and one sync round against a shared area (pure functions only). */
class Device {
  log: LocalLog = { entries: [], tombstones: [] };
  constructor(readonly id: string) {}

  sync(area: Record<string, unknown>, now = NOW): Record<string, unknown> {
    const snap = readSnapshot(area);
    this.log = applyChanges(this.log, mergeRemote(this.log, snap, now));
    const plan = planWrites(this.log, snap, this.id);
    return afterWrites(area, plan);
  }

  add(e: BreakEntry) {
    this.log = { ...this.log, entries: [...this.log.entries, e] };
  }

  delete(key: string, now = NOW) {
    const t: Tombstone = { key, deletedAt: now, by: deviceShort(this.id) };
    this.log = applyChanges(this.log, { add: [], tombstones: [t] });
  }

  keys(): string[] {
    return this.log.entries.map(entryKey).sort();
  }
}

describe('readSnapshot', () => {
  it('skips unknown keys, other versions and garbage, counting their bytes', () => {
    const area = {
      settings: { holdSeconds: 25 },
      'log:aaaa1111:0': '2|whatever',
      'log:aaaa1111:1': '1|not a record,,',
      'tomb:aaaa1111': '1|nope,aaaa1111.zzz',
      'agg:aaaa1111:0': 42,
      __proto__x: 'y',
    };
    const snap = readSnapshot(area);
    const view = snap.devices.get('aaaa1111')!;
    expect(view.entries).toEqual([]);
    expect(view.tombstones).toEqual(['aaaa1111.zzz']);
    expect(view.agg).toBeNull();
    expect(snap.items).toBe(6);
    expect(snap.bytes).toBe(Object.entries(area).reduce((n, [k, v]) => n + itemBytes(k, v), 0));
  });
});

describe('mergeRemote', () => {
  it("takes in other devices' breaks and deletions, and is idempotent", () => {
    const a = new Device(A);
    const b = new Device(B);
    const [e1, e2] = realisticLog(1, A, 2);
    a.add(e1!);
    a.add(e2!);
    let area = a.sync({});
    area = b.sync(area);
    expect(b.keys()).toEqual(a.keys());
    b.delete(entryKey(e1!));
    area = b.sync(area);
    area = a.sync(area);
    expect(a.keys()).toEqual([entryKey(e2!)]);
    // Once more: nothing left to do.
    const snap = readSnapshot(area);
    expect(mergeRemote(a.log, snap, NOW)).toEqual({ add: [], tombstones: [] });
    expect(mergeRemote(b.log, snap, NOW)).toEqual({ add: [], tombstones: [] });
    const plan = planWrites(a.log, snap, A);
    expect(plan.set).toEqual({});
    expect(plan.remove).toEqual([]);
  });

  it('does not bring back a break this device deleted, nor one it has under another id', () => {
    const [e] = realisticLog(2, A, 1);
    const remoteCopy = { ...e!, id: entryKey(e!), deviceId: 'aaaa1111' };
    const snap = readSnapshot(planWrites({ entries: [e!], tombstones: [] }, readSnapshot({}), A).set);
    expect(snap.devices.get('aaaa1111')!.entries[0]!.id).toBe(remoteCopy.id);
    expect(mergeRemote({ entries: [e!], tombstones: [] }, snap, NOW).add).toEqual([]);
    expect(
      mergeRemote({ entries: [], tombstones: [{ key: remoteCopy.id, deletedAt: 0, by: 'bbbb2222' }] }, snap, NOW).add,
    ).toEqual([]);
    // A fresh install (empty log) gets it back.
    expect(mergeRemote({ entries: [], tombstones: [] }, snap, NOW).add).toHaveLength(1);
  });

  it('converges for any interleaving of adds, deletes and syncs on three devices (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), dev: fc.integer({ min: 0, max: 2 }), seed: fc.integer() }),
      fc.record({ kind: fc.constant('delete' as const), dev: fc.integer({ min: 0, max: 2 }), pick: fc.nat() }),
      fc.record({ kind: fc.constant('sync' as const), dev: fc.integer({ min: 0, max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const devices = [new Device(A), new Device(B), new Device(C)];
        let area: Record<string, unknown> = { settings: { holdSeconds: 25 } };
        const added = new Set<string>();
        const deleted = new Set<string>();
        let clock = NOW;
        for (const o of ops) {
          const d = devices[o.dev]!;
          clock += 60_000;
          if (o.kind === 'add') {
            const e = realisticBreak(rng(o.seed), d.id, clock);
            d.add(e);
            added.add(entryKey(e));
          } else if (o.kind === 'delete') {
            const keys = d.keys();
            if (keys.length === 0) continue;
            const key = keys[o.pick % keys.length]!;
            d.delete(key, clock);
            deleted.add(key);
          } else area = d.sync(area, clock);
        }
        // Every device syncs twice, in turn: all agree on the union of breaks less every deletion.
        for (let round = 0; round < 2; round++) for (const d of devices) area = d.sync(area, clock);
        const expected = [...added].filter((k) => !deleted.has(k)).sort();
        for (const d of devices) expect(d.keys()).toEqual(expected);
        expect(area.settings).toEqual({ holdSeconds: 25 });
      }),
      { numRuns: 150 },
    );
  });
});

describe('planWrites', () => {
  it('writes only what changed: a new break touches the last item', () => {
    const entries = realisticLog(5, A, 1000);
    const first = planWrites({ entries, tombstones: [] }, readSnapshot({}), A);
    const area = afterWrites({}, first);
    expect(Object.keys(first.set).length).toBeGreaterThan(1);
    const more = [...entries, realisticBreak(rng(9), A, entries.at(-1)!.startedAt + 3600_000)];
    const next = planWrites({ entries: more, tombstones: [] }, readSnapshot(area), A);
    expect(Object.keys(next.set)).toEqual([Object.keys(first.set).sort().at(-1)]);
    expect(next.remove).toEqual([]);
  });

  it('keeps within its share, and reclaims a browser over its share when the account has no room', () => {
    const other = planWrites({ entries: realisticLog(6, B, 3000), tombstones: [] }, readSnapshot({ settings: { x: 1 } }), B);
    const area = afterWrites({ settings: { x: 1 } }, other);
    const mine = planWrites({ entries: realisticLog(7, A, 3000), tombstones: [] }, readSnapshot(area), A);
    // Only its own keys, the shared archive and the other browser's reclaimed keys.
    for (const key of Object.keys(mine.set)) expect(key).toMatch(/^((log|agg|tomb):aaaa1111(:|$)|arc:|del:)/);
    for (const key of mine.remove) expect(key).toMatch(/^((log|agg|tomb):(aaaa1111|bbbb2222)(:|$)|arc:|del:)/);
    expect(mine.share.reclaimed.map((r) => r.dev)).toEqual(['bbbb2222']);
    const after = readSnapshot(afterWrites(area, mine));
    expect(after.bytes).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(mine.layout.bytes).toBeLessThanOrEqual(mine.share.share.bytes);
    expect(mine.layout.folded).toBeGreaterThan(0);
    // Every break still counted once: full, folded or archived.
    expect(breaksInSync(after)).toBe(6000);
  }, 60_000);
});

describe('unseenDays', () => {
  it('gives the folded days of other devices less what is held locally', () => {
    const entries = realisticLog(8, B, 600);
    const plan = planWrites({ entries, tombstones: [] }, readSnapshot({}), B, { quotaBytes: 8000 });
    const snap = readSnapshot(afterWrites({}, plan));
    expect(plan.layout.folded).toBeGreaterThan(0);
    const none = unseenDays([], snap);
    expect(none.reduce((n, d) => n + d.count, 0)).toBe(plan.layout.folded);
    // A device that saw the first 100 in full before they were folded counts only the rest.
    const some = unseenDays(entries.slice(0, 100), snap);
    expect(some.reduce((n, d) => n + d.count, 0)).toBe(plan.layout.folded - 100);
    expect(unseenDays(entries, snap)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BreakEntry } from '../log/entry';
import type { Tombstone } from '../domain/break-key';
import { deviceShort, entryKey } from '../domain/break-key';
import type { LocalLog } from '../log/store';
import { afterWrites, applyChanges, breaksInSync, mergeRemote, planWrites, readSnapshot, unseenDays } from './merge';
import { SYNC_QUOTA, itemBytes } from './layout';
import { notesCode } from './encode';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';
import { limit } from '../../tests/unit/patience';

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

  /** The done screen's check-in on a break it logged (in place, as lib/log/store.ts's addCheckIn does). */
  checkIn(id: string, checkIn: BreakEntry['checkIn']) {
    this.log = { ...this.log, entries: this.log.entries.map((e) => (e.id === id ? { ...e, checkIn } : e)) };
  }

  /** Each break's body notes as the sync format writes them, by key. */
  notes(): Record<string, string> {
    return Object.fromEntries(this.log.entries.map((e) => [entryKey(e), notesCode(e)]));
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

  it('brings a check-in made after the break was synced to the other browsers, once, and they converge', () => {
    const a = new Device(A);
    const b = new Device(B);
    const [e] = realisticLog(3, A, 1);
    const { checkIn: _none, ...bare } = e!;
    a.add(bare);
    let area = b.sync(a.sync({}));
    expect(b.log.entries[0]!.checkIn).toBeUndefined();
    // Minutes later, on A: the first area eased.
    const first = bare.steps[0]!.area;
    a.checkIn(bare.id, [{ area: first, feel: 'eased' }]);
    area = b.sync(a.sync(area));
    expect(b.keys()).toEqual(a.keys());
    expect(b.log.entries).toHaveLength(1);
    expect(b.log.entries[0]!.checkIn).toEqual([{ area: first, feel: 'eased' }]);
    expect(b.notes()).toEqual(a.notes());
    // A changes its answer (each tap is kept at once): the browser that ran the break has the last word.
    a.checkIn(bare.id, [{ area: first, feel: 'same' }]);
    area = a.sync(b.sync(a.sync(area)));
    expect(b.log.entries[0]!.checkIn).toEqual([{ area: first, feel: 'same' }]);
    expect(a.log.entries[0]!.checkIn).toEqual([{ area: first, feel: 'same' }]);
    expect(a.log.entries[0]!.id).toBe(bare.id);
    // Nothing left to do on either.
    const snap = readSnapshot(area);
    expect(mergeRemote(a.log, snap, NOW, A)).toEqual({ add: [], tombstones: [] });
    expect(mergeRemote(b.log, snap, NOW, B)).toEqual({ add: [], tombstones: [] });
  });

  it('never lets its own published record undo a newer check-in of its own', () => {
    const a = new Device(A);
    const [e] = realisticLog(4, A, 1);
    const { checkIn: _none, ...bare } = e!;
    a.add(bare);
    const area = a.sync({});
    a.checkIn(bare.id, [{ area: bare.steps[0]!.area, feel: 'worse' }]);
    expect(mergeRemote(a.log, readSnapshot(area), NOW, A).update).toBeUndefined();
    expect(mergeRemote(a.log, readSnapshot(area), NOW).update).toBeUndefined();
  });

  it('between copies published by other browsers, takes the fuller notes, the same on every browser', () => {
    const [e] = realisticLog(5, A, 1);
    const areas = [...new Set(e!.steps.map((s) => s.area))];
    const plain = { ...e!, knots: undefined, checkIn: undefined };
    const one = { ...plain, checkIn: [{ area: areas[0]!, feel: 'same' as const }] };
    const other = { ...plain, checkIn: [{ area: areas[0]!, feel: 'worse' as const }] };
    const two = { ...plain, checkIn: [...one.checkIn, { area: areas[1]!, feel: 'eased' as const }] };
    // A browser (C or B) publishes A's break for it ("<origin>.<record>"): A itself is not in sync.
    const publish = (dev: string, entry: BreakEntry) =>
      planWrites({ entries: [{ ...entry, id: 'imported-copy' }], tombstones: [] }, readSnapshot({}), dev).set;
    const copy = { ...plain, id: entryKey(plain), deviceId: deviceShort(A) };
    const merged = (area: Record<string, unknown>) =>
      mergeRemote({ entries: [copy], tombstones: [] }, readSnapshot(area), NOW, B).update;
    expect(merged(publish(C, one))![0]!.checkIn).toEqual(one.checkIn);
    // More answers win, whichever browser published them.
    expect(merged({ ...publish(C, one), ...publish(B, two) })![0]!.checkIn).toEqual(two.checkIn);
    expect(merged({ ...publish(B, one), ...publish(C, two) })![0]!.checkIn).toEqual(two.checkIn);
    // As many: the same pick whichever way round.
    const x = merged({ ...publish(C, one), ...publish(B, other) })![0]!.checkIn;
    const y = merged({ ...publish(B, one), ...publish(C, other) })![0]!.checkIn;
    expect(x).toEqual(y);
    // Fewer notes than this browser has: nothing to take.
    expect(merged({ ...publish(C, plain) })).toBeUndefined();
  });

  it('converges for any interleaving of adds, deletes and syncs on three devices (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), dev: fc.integer({ min: 0, max: 2 }), seed: fc.integer() }),
      fc.record({ kind: fc.constant('delete' as const), dev: fc.integer({ min: 0, max: 2 }), pick: fc.nat() }),
      fc.record({ kind: fc.constant('sync' as const), dev: fc.integer({ min: 0, max: 2 }) }),
      fc.record({
        kind: fc.constant('checkIn' as const),
        dev: fc.integer({ min: 0, max: 2 }),
        pick: fc.nat(),
        feel: fc.constantFrom('eased' as const, 'same' as const, 'worse' as const),
      }),
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
          } else if (o.kind === 'checkIn') {
            // Only the browser that ran a break checks in on it.
            const own = d.log.entries.filter((e) => e.id !== entryKey(e));
            const e = own[o.pick % Math.max(1, own.length)];
            if (e) d.checkIn(e.id, [{ area: e.steps[0]!.area, feel: o.feel }]);
          } else area = d.sync(area, clock);
        }
        // Every device syncs twice, in turn: all agree on the union of breaks less every deletion.
        for (let round = 0; round < 2; round++) for (const d of devices) area = d.sync(area, clock);
        const expected = [...added].filter((k) => !deleted.has(k)).sort();
        for (const d of devices) expect(d.keys()).toEqual(expected);
        // And on the same notes for every break (no break doubled by a check-in).
        for (const d of devices) expect(d.notes()).toEqual(devices[0]!.notes());
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

  it(
    'keeps within its share, and reclaims a browser over its share when the account has no room',
    () => {
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
    },
    limit(60_000),
  );
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

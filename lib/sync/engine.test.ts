import { afterEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { addBreak, openLog } from '../log/db';
import type { RollbreakDB } from '../log/db';
import type { BreakEntry } from '../log/entry';
import { addCheckIn, deleteBreak, importBreaks, readLog, replaceBreak, syncLogStore } from '../log/store';
import type { SyncState, SyncStatus } from './engine';
import { RETRY_AFTER, classifyError, syncOnce } from './engine';
import { FakeSyncCloud } from '../../tests/doubles/fake-sync-area';
import type { FakeSyncArea } from '../../tests/doubles/fake-sync-area';
import { entryKey } from '../domain/break-key';
import { SYNC_QUOTA } from './layout';
import { readSnapshot, unseenDays } from './merge';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';
import { limit } from '../../tests/unit/patience';

const START = new Date(2026, 2, 1, 9).getTime();
let clock = START;
const now = () => clock;
const open: Array<IDBPDatabase<RollbreakDB>> = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  clock = START;
});

/** A simulated browser profile: its own IndexedDB, its own replica of sync, its own stored sync state. */
class SimDevice {
  db!: IDBPDatabase<RollbreakDB>;
  state: SyncState | null = null;
  readonly area: FakeSyncArea;
  readonly dbName: string;
  private readonly r: () => number;

  private constructor(
    readonly deviceId: string,
    cloud: FakeSyncCloud,
  ) {
    this.area = cloud.connect(now);
    this.dbName = `rollbreak-sim-${deviceId}-${Math.random().toString(36).slice(2)}`;
    this.r = rng(deviceId.charCodeAt(0));
  }

  static async create(deviceId: string, cloud: FakeSyncCloud): Promise<SimDevice> {
    const d = new SimDevice(deviceId, cloud);
    await d.restart();
    return d;
  }

  /** The browser restarts: connections close, memory is gone; IndexedDB and storage stay. */
  async restart(): Promise<void> {
    if (this.db) {
      this.db.close();
      open.splice(open.indexOf(this.db), 1);
    }
    this.db = await openLog(this.dbName);
    open.push(this.db);
  }

  sync(enabled = true): Promise<SyncStatus> {
    return syncOnce({
      db: syncLogStore(this.db),
      sync: this.area,
      deviceId: this.deviceId,
      now,
      enabled,
      state: {
        get: async () => this.state && structuredClone(this.state),
        set: async (s) => {
          this.state = structuredClone(s);
        },
      },
    });
  }

  async logBreak(): Promise<BreakEntry> {
    clock += 20 * 60_000;
    const e = realisticBreak(this.r, this.deviceId, clock - 10 * 60_000);
    await addBreak(this.db, e);
    return e;
  }

  async keys(): Promise<string[]> {
    return (await readLog(this.db)).entries.map(entryKey).sort();
  }
}

const A = 'aaaa1111-0000-4000-8000-00000000000a';
const B = 'bbbb2222-0000-4000-8000-00000000000b';
const C = 'cccc3333-0000-4000-8000-00000000000c';

async function expectConverged(devices: SimDevice[]) {
  const first = await devices[0]!.keys();
  for (const d of devices.slice(1)) expect(await d.keys()).toEqual(first);
  return first;
}

describe('syncOnce with simulated devices', () => {
  it('two devices converge after interleaved breaks, deletions, an edit and restarts', async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const a = await SimDevice.create(A, cloud);
    const b = await SimDevice.create(B, cloud);
    const a1 = await a.logBreak();
    const b1 = await b.logBreak();
    expect((await a.sync()).error).toBeUndefined();
    const a2 = await a.logBreak();
    const sb = await b.sync();
    expect(sb).toMatchObject({ added: 1, writes: 1, breaksSynced: 2 }); // a2 is not synced yet
    await b.restart();
    await deleteBreak(b.db, entryKey(a1), B, clock); // a synced copy: its id is its key
    const b2 = await b.logBreak();
    await a.sync();
    await a.restart();
    const edited = await replaceBreak(a.db, entryKey(b1), { context: 'desk' }, A, clock);
    await a.logBreak();
    for (const d of [b, a, b]) await d.sync();
    const keys = await expectConverged([a, b]);
    expect(keys).toContain(entryKey(a2));
    expect(keys).toContain(entryKey(b2));
    expect(keys).toContain(edited!.id);
    expect(keys).not.toContain(entryKey(a1));
    expect(keys).not.toContain(entryKey(b1));
    expect(keys).toHaveLength(4);
    // Nothing left to write.
    expect((await a.sync()).writes).toBe(0);
    expect((await b.sync()).writes).toBe(0);
  });

  it('a check-in made after the break was synced reaches the other browser, on the same break', async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const a = await SimDevice.create(A, cloud);
    const b = await SimDevice.create(B, cloud);
    const e = await a.logBreak();
    await a.sync();
    expect((await b.sync()).added).toBe(1);
    await a.sync();
    expect((await a.sync()).skipped).toBe(true);
    // Minutes later, A's done screen: the first area rolled feels the same (kept with the break, in place).
    const area = e.steps[0]!.area;
    expect(await addCheckIn(a.db, e.id, [{ area, feel: 'same' }])).toBe(true);
    const round = await a.sync();
    expect(round.skipped).toBeUndefined();
    expect(round.writes).toBe(1);
    await b.sync();
    const [copy] = (await readLog(b.db)).entries;
    expect(copy!.checkIn).toEqual([{ area, feel: 'same' }]);
    expect(await expectConverged([a, b])).toHaveLength(1);
    // Both settled: nothing more to write.
    expect((await a.sync()).writes).toBe(0);
    expect((await b.sync()).writes).toBe(0);
  });

  for (const seed of [42, 7, 1234]) {
    it(`three devices converge with delayed propagation, deletions and restarts (seed ${seed})`, async () => {
      const cloud = new FakeSyncCloud();
      const devices = await Promise.all([A, B, C].map((id) => SimDevice.create(id, cloud)));
      const r = rng(seed);
      for (let step = 0; step < 80; step++) {
        const d = devices[Math.floor(r() * 3)]!;
        const roll = r();
        if (roll < 0.4) await d.logBreak();
        else if (roll < 0.5) {
          const { entries } = await readLog(d.db);
          const victim = entries[Math.floor(r() * entries.length)];
          if (victim) await deleteBreak(d.db, victim.id, d.deviceId, clock);
        } else if (roll < 0.55) {
          const { entries } = await readLog(d.db);
          const victim = entries[Math.floor(r() * entries.length)];
          if (victim) await replaceBreak(d.db, victim.id, { holdCount: victim.holdCount + 1 }, d.deviceId, clock);
        } else if (roll < 0.6) await d.restart();
        else if (roll < 0.85) await d.sync();
        else cloud.propagate();
        clock += 30_000;
      }
      for (let round = 0; round < 2; round++) {
        for (const d of devices) {
          await d.sync();
          cloud.propagate();
        }
      }
      const keys = await expectConverged(devices);
      expect(keys.length).toBeGreaterThan(0);
    });
  }

  it('carries 2,000 breaks in full to another device within 100 KB', async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const a = await SimDevice.create(A, cloud);
    const b = await SimDevice.create(B, cloud);
    await importBreaks(a.db, realisticLog(21, A, 2000, new Date(2024, 0, 1).getTime()));
    const sa = await a.sync();
    expect(sa.error).toBeUndefined();
    expect(sa.folded).toBe(0);
    expect(sa.bytesUsed).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    const sb = await b.sync();
    expect(sb.added).toBe(2000);
    await expectConverged([a, b]);
    console.log(`engine: 2,000 breaks use ${sa.bytesUsed} bytes of sync in ${Object.keys(a.area.snapshot()).length} items`);
  });

  it(
    'keeps every local break when the quota runs out, folding the oldest days into aggregates',
    async () => {
      const cloud = new FakeSyncCloud();
      const a = await SimDevice.create(A, cloud);
      const b = await SimDevice.create(B, cloud);
      const from = new Date(2024, 0, 1).getTime();
      const logA = realisticLog(31, A, 3000, from);
      const logB = realisticLog(32, B, 3000, from);
      await importBreaks(a.db, logA);
      await importBreaks(b.db, logB);
      // Each writes before seeing the other: together they are over the quota once both arrive.
      expect((await a.sync()).folded).toBe(0);
      expect((await b.sync()).folded).toBe(0);
      cloud.propagate();
      expect(a.area.bytesInUse()).toBeGreaterThan(SYNC_QUOTA.QUOTA_BYTES);
      const sa = await a.sync();
      expect(sa.error).toBeUndefined();
      expect(sa.folded).toBeGreaterThan(0);
      cloud.propagate();
      const sb = await b.sync();
      expect(sb.error).toBeUndefined();
      cloud.propagate();
      await a.sync();
      cloud.propagate();
      expect(a.area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
      expect(b.area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
      // Nothing lost locally: each has all its own breaks, and the other's that were in full when it looked.
      const keysA = new Set(await a.keys());
      for (const e of logA) expect(keysA.has(entryKey(e))).toBe(true);
      const keysB = new Set(await b.keys());
      for (const e of logB) expect(keysB.has(entryKey(e))).toBe(true);
      // Sync still accounts for all 6,000: full or as day totals.
      const snap = readSnapshot(a.area.snapshot());
      expect((await a.sync()).breaksSynced).toBe(6000);
      // A new device sees the rest as day totals.
      const c = await SimDevice.create(C, cloud);
      await c.sync();
      const local = (await readLog(c.db)).entries;
      const unseen = unseenDays(local, snap).reduce((n, d) => n + d.count, 0);
      expect(local.length + unseen).toBe(6000);
    },
    limit(30_000),
  );

  it('a quota error keeps local data, reports a retry time, and the retry succeeds', async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const a = await SimDevice.create(A, cloud);
    await a.logBreak();
    a.area.failNextWrite('QUOTA_BYTES quota exceeded');
    const failed = await a.sync();
    expect(failed).toMatchObject({ error: 'quota', retryAt: clock + RETRY_AFTER.quota, lastSyncAt: null });
    expect(await a.keys()).toHaveLength(1);
    expect(a.area.snapshot()).toEqual({});
    // Too early: no write is tried.
    const early = await a.sync();
    expect(early.error).toBe('quota');
    expect(a.area.calls.set).toBe(1);
    clock = failed.retryAt!;
    const ok = await a.sync();
    expect(ok.error).toBeUndefined();
    expect(ok.lastSyncAt).toBe(clock);
    expect(readSnapshot(a.area.snapshot()).devices.get('aaaa1111')!.entries).toHaveLength(1);
  });

  it("a rate error from Chrome is retried a minute later; writes stay under Chrome's limits", async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const a = await SimDevice.create(A, cloud);
    await a.logBreak();
    // Other code used up the minute.
    for (let i = 0; i < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE; i++) await a.area.set({ settings: { n: i } });
    const limited = await a.sync();
    expect(limited).toMatchObject({ error: 'rate', retryAt: clock + RETRY_AFTER.rateMinute });
    clock = limited.retryAt!;
    expect((await a.sync()).error).toBeUndefined();

    // Now a burst: a sync after every break, many a minute. The limiter holds writes back before Chrome would.
    const statuses: SyncStatus[] = [];
    for (let i = 0; i < 160; i++) {
      await addBreak(a.db, realisticBreak(rng(i), A, clock + i * 1000));
      clock += 200;
      statuses.push(await a.sync());
    }
    expect(statuses.some((s) => s.error === 'rate')).toBe(true);
    expect(statuses.every((s) => s.error === undefined || s.error === 'rate')).toBe(true);
    const times = a.area.writeTimes;
    for (const t of times) {
      expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(
        SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE,
      );
    }
    clock += 2 * 60_000;
    expect((await a.sync()).error).toBeUndefined();
    expect(readSnapshot(a.area.snapshot()).devices.get('aaaa1111')!.entries).toHaveLength(161);
  });

  it('reports off when disabled or without storage.sync, and failed when reading fails', async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const a = await SimDevice.create(A, cloud);
    await a.logBreak();
    expect((await a.sync(false)).error).toBe('off');
    expect(a.area.calls.get).toBe(0);
    const noSync = await syncOnce({
      db: syncLogStore(a.db),
      sync: null,
      deviceId: A,
      now,
      state: { get: async () => null, set: async () => {} },
    });
    expect(noSync.error).toBe('off');
    const broken = await syncOnce({
      db: syncLogStore(a.db),
      sync: { get: () => Promise.reject(new Error('boom')), set: async () => {}, remove: async () => {} },
      deviceId: A,
      now,
      state: { get: async () => null, set: async () => {} },
    });
    expect(broken).toMatchObject({ error: 'failed', retryAt: clock + RETRY_AFTER.failed });
    expect(await a.keys()).toHaveLength(1);
  });
});

describe('classifyError', () => {
  it("knows Chrome's and Firefox's messages", () => {
    expect(classifyError(new Error('QUOTA_BYTES quota exceeded')).error).toBe('quota');
    expect(classifyError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')).error).toBe('quota');
    expect(classifyError(new Error('MAX_ITEMS quota exceeded')).error).toBe('quota');
    expect(classifyError(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.')).error).toBe(
      'quota',
    );
    expect(classifyError(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'))).toEqual({
      error: 'rate',
      retryAfter: RETRY_AFTER.rateMinute,
    });
    expect(classifyError(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.'))).toEqual({
      error: 'rate',
      retryAfter: RETRY_AFTER.rateHour,
    });
    expect(classifyError('nope').error).toBe('failed');
  });
});

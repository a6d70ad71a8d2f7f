import { afterEach, describe, expect, it } from 'vitest';
import { addBreak } from '../log/db';
import { deleteBreak, importBreaks, readLog } from '../log/store';
import { FakeSyncCloud } from '../../tests/doubles/fake-sync-area';
import { SimDevice } from '../../tests/doubles/sim-device';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';
import { entryKey } from '../domain/break-key';
import { SYNC_QUOTA } from './layout';
import { breaksInSync, readSnapshot } from './merge';
import { INACTIVE_DAYS, planShares } from './share';
import { arcKey } from './archive';
import { limit } from '../../tests/unit/patience';

/**
 * The sharing rule (share.ts) over the quota-enforcing fake: a browser that filled the account and is never
 * opened again, a reinstall, two browsers reclaiming at once, and deletions that outlive the browser that
 * made them.
 */

const DAY = 86_400_000;
const START = new Date(2026, 0, 5, 8).getTime();
let clock = START;
const now = () => clock;
const devices: SimDevice[] = [];

afterEach(() => {
  for (const d of devices.splice(0)) d.close();
  clock = START;
});

const L = 'eeee5555-0000-4000-8000-00000000000e';
const A = 'aaaa1111-0000-4000-8000-00000000000a';
const B = 'bbbb2222-0000-4000-8000-00000000000b';
const C = 'cccc3333-0000-4000-8000-00000000000c';

async function device(id: string, cloud: FakeSyncCloud): Promise<SimDevice> {
  const d = await SimDevice.create(id, cloud, now);
  devices.push(d);
  return d;
}

async function syncAll(cloud: FakeSyncCloud, online: SimDevice[], rounds = 3): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const d of online) {
      const status = await d.sync();
      expect(status.error, `${d.deviceId} sync error`).toBeUndefined();
      cloud.propagate();
    }
  }
}

describe('sharing rule', () => {
  it(
    'a browser that filled the account and is never opened again starves no one',
    async () => {
      const cloud = new FakeSyncCloud();
      const laptop = await device(L, cloud);
      // Three years of breaks: the laptop fills the account, folding its oldest days.
      await importBreaks(laptop.db, realisticLog(11, L, 4_000, START - 3 * 365 * DAY));
      await syncAll(cloud, [laptop], 2);
      expect(laptop.area.bytesInUse()).toBeGreaterThan(SYNC_QUOTA.QUOTA_BYTES * 0.85);
      const total = 4_000;

      // A new browser joins a week later: its breaks and deletions go through at once, within its share.
      clock += 7 * DAY;
      const a = await device(A, cloud);
      const b = await device(B, cloud);
      await syncAll(cloud, [a, b], 2);
      const r = rng(3);
      for (let day = 0; day < 60; day++) {
        // Ten days of use, a month and more away (both still active), ten more days.
        clock += day === 10 ? 40 * DAY : DAY;
        if (day >= 20) break;
        for (const d of [a, b]) await addBreak(d.db, realisticBreak(r, d.deviceId, clock - 2 * 3_600_000));
        for (const d of [a, b]) {
          const status = await d.sync();
          expect(status.error, `day ${day}: ${d.deviceId}`).toBeUndefined();
          cloud.propagate();
        }
      }
      // A deletes one of B's breaks: it reaches B.
      const victim = (await readLog(a.db)).entries.find((e) => e.deviceId === 'bbbb2222')!;
      await deleteBreak(a.db, victim.id, A, clock);
      await syncAll(cloud, [a, b]);
      expect(await b.keys()).not.toContain(entryKey(victim));

      // The laptop has not synced for over 45 days: its keys are gone, its breaks are in the archive.
      const all = a.area.snapshot();
      expect(Object.keys(all).filter((k) => k.includes('eeee5555'))).toEqual([]);
      expect(Object.keys(all)).toContain(arcKey(0));
      const snap = readSnapshot(all);
      expect(breaksInSync(snap)).toBe(total + 40 - 1);
      expect(a.area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
      // Both active browsers are within their share, and nothing more needs writing.
      for (const d of [a, b]) {
        const status = await d.sync();
        expect(status.writes).toBe(0);
      }
      // A third browser gets every break of A and B in full, and counts the laptop's too.
      const c = await device(C, cloud);
      await syncAll(cloud, [c]);
      expect((await c.keys()).filter((k) => !k.startsWith('eeee5555')).sort()).toEqual(
        (await a.keys()).filter((k) => !k.startsWith('eeee5555')).sort(),
      );
      expect(breaksInSync(readSnapshot(c.area.snapshot()))).toBe(total + 39);
    },
    limit(300_000),
  );

  it('two browsers reclaiming at once write the same archive, and nothing is counted twice', () => {
    const area: Record<string, unknown> = {};
    const logOf = realisticLog(12, L, 300, START - 200 * DAY);
    // The old browser's items as it wrote them.
    return (async () => {
      const cloud = new FakeSyncCloud({ instant: true });
      const old = await device(L, cloud);
      await importBreaks(old.db, logOf);
      await old.sync();
      Object.assign(area, old.area.snapshot());
      clock += (INACTIVE_DAYS + 1) * DAY;
      const snap = readSnapshot(area);
      const one = planShares(snap, 'aaaa1111', clock, [], [], () => 0);
      const two = planShares(snap, 'bbbb2222', clock, [], [], () => 0);
      expect(one.sharedItems).toEqual(two.sharedItems);
      expect(one.reclaimKeys.sort()).toEqual(two.reclaimKeys.sort());
      // Applying both (in either order) and then the old keys' removal: every break once.
      const after = { ...area, ...one.sharedItems, ...two.sharedItems };
      for (const k of one.reclaimKeys) delete after[k];
      expect(breaksInSync(readSnapshot(after))).toBe(300);
      // Half applied (archive written, keys not yet removed): still every break once.
      expect(breaksInSync(readSnapshot({ ...area, ...one.sharedItems }))).toBe(300);
    })();
  });

  it(
    "a reinstalled browser (new device id) gets the old id's room back after 45 days",
    async () => {
      const cloud = new FakeSyncCloud();
      const a = await device(A, cloud);
      await importBreaks(a.db, realisticLog(13, A, 2_500, START - 700 * DAY));
      await syncAll(cloud, [a], 2);
      const before = a.area.bytesInUse();
      await a.reinstall('ffff6666-0000-4000-8000-00000000000f');
      await syncAll(cloud, [a], 1);
      // At first the old id still holds its share; the new one takes the breaks back in.
      expect(await a.keys()).toHaveLength(2_500);
      clock += (INACTIVE_DAYS + 1) * DAY;
      await addBreak(a.db, realisticBreak(rng(1), a.deviceId, clock - 3_600_000));
      await syncAll(cloud, [a], 2);
      const keys = Object.keys(a.area.snapshot());
      expect(keys.filter((k) => k.includes('aaaa1111'))).toEqual([]);
      expect(breaksInSync(readSnapshot(a.area.snapshot()))).toBe(2_501);
      expect(a.area.bytesInUse()).toBeLessThan(before);
    },
    limit(120_000),
  );
});

describe('durable deletions', () => {
  it(
    'a deletion outlives the browser that made it removing its records, for a browser that was offline',
    async () => {
      const cloud = new FakeSyncCloud();
      const [a, b, c] = [await device(A, cloud), await device(B, cloud), await device(C, cloud)];
      await importBreaks(a.db, realisticLog(14, A, 200, START - 100 * DAY));
      await syncAll(cloud, [a, b, c], 2);
      // C goes offline. B deletes ten of A's breaks, syncs, then turns sync off and removes its records.
      const victims = (await readLog(b.db)).entries.slice(0, 10);
      for (const v of victims) await deleteBreak(b.db, v.id, B, clock);
      await syncAll(cloud, [b], 1);
      await b.removeOwnRecords();
      cloud.propagate();
      expect(Object.keys(b.area.snapshot()).filter((k) => k.includes('bbbb2222'))).toEqual([]);
      // A never synced in between; C comes back 100 days later; then a new browser joins.
      clock += 100 * DAY;
      await syncAll(cloud, [c, a]);
      const d = await device('dddd4444-0000-4000-8000-00000000000d', cloud);
      await syncAll(cloud, [d, a, c]);
      for (const dev of [a, c]) {
        const keys = new Set(await dev.keys());
        for (const v of victims) expect(keys.has(entryKey(v)), `${entryKey(v)} came back on ${dev.deviceId}`).toBe(false);
        expect(keys.size).toBe(190);
      }
      // A was away for 100 days too, so its breaks were archived meanwhile: the new browser counts 190.
      expect(breaksInSync(readSnapshot(d.area.snapshot()))).toBe(190);
    },
    limit(120_000),
  );

  it(
    "deletions of an archived browser's breaks are implied by the archive and need no tombstone",
    async () => {
      const cloud = new FakeSyncCloud();
      const [old, a, c] = [await device(L, cloud), await device(A, cloud), await device(C, cloud)];
      await importBreaks(old.db, realisticLog(15, L, 300, START - 100 * DAY));
      await syncAll(cloud, [old, a, c], 2);
      // The old browser deletes 30 of its own breaks, syncs once more and is never opened again. C is offline.
      const victims = (await readLog(old.db)).entries.slice(100, 130);
      for (const v of victims) await deleteBreak(old.db, v.id, L, clock);
      await syncAll(cloud, [old], 1);
      clock += (INACTIVE_DAYS + 1) * DAY;
      await syncAll(cloud, [a]);
      const all = a.area.snapshot();
      expect(Object.keys(all).filter((k) => k.includes('eeee5555'))).toEqual([]);
      expect(readSnapshot(all).archive.deletions.size).toBe(0);
      // C comes back: the 30 go there too, the 270 stay.
      await syncAll(cloud, [c]);
      const keys = new Set(await c.keys());
      for (const v of victims) expect(keys.has(entryKey(v))).toBe(false);
      expect(keys.size).toBe(270);
      expect(breaksInSync(readSnapshot(all))).toBe(270);
    },
    limit(120_000),
  );
});

describe('a browser that leaves the account', () => {
  it('its breaks another browser holds still reach a new browser after it removed its records and was reinstalled (soak seed 6)', async () => {
    const cloud = new FakeSyncCloud();
    const a = await device(A, cloud);
    const b = await device(B, cloud);
    const r = rng(6);
    for (const h of [1, 2]) await addBreak(a.db, realisticBreak(r, A, clock - h * 3_600_000));
    await syncAll(cloud, [a, b], 1);
    expect(await b.keys()).toHaveLength(2);
    // A removes its records from the account ("Delete all my data" does too), then is installed again.
    await a.removeOwnRecords();
    cloud.propagate();
    await a.reinstall('aaaa9999-0000-4000-8000-00000000000a');
    await addBreak(a.db, realisticBreak(r, a.deviceId, clock));
    await syncAll(cloud, [a, b], 2);
    // B's log still has the two (nobody deleted them): B publishes them, and both show the same log.
    expect(await b.keys()).toHaveLength(3);
    expect(await a.keys()).toEqual(await b.keys());
  });
});

describe("the archive's horizon", () => {
  /** A's two breaks: one published, then one earlier by the clock that A never published before B reclaims it. */
  async function unpublishedBeforeHorizon(cloud: FakeSyncCloud) {
    const a = await device(A, cloud);
    const b = await device(B, cloud);
    const r = rng(5);
    // A's clock runs two hours fast: it logs and publishes a break. Then the clock is put right, A logs
    // another (earlier by the clock) and is closed before that one is synced.
    await addBreak(a.db, realisticBreak(r, A, clock + 2 * 3_600_000));
    await syncAll(cloud, [a, b], 1);
    const late = realisticBreak(r, A, clock + 3_600_000);
    await addBreak(a.db, late);
    // Past the inactivity limit B reclaims A: its horizon lies after the unsynced break.
    clock += (INACTIVE_DAYS + 1) * DAY;
    await syncAll(cloud, [b], 1);
    expect(readSnapshot(b.area.snapshot()).archive.origins.get('aaaa1111')!.horizon).toBeGreaterThan(late.startedAt);
    return { a, b, late };
  }
  /** The key a break holds in a log: its own or, once moved, its next revision (same device, same start). */
  const keysAt = async (d: SimDevice, start: number) =>
    (await readLog(d.db)).entries.filter((e) => e.startedAt === start).map(entryKey);

  it('lets through a break its browser logged before the horizon but published only after it was archived', async () => {
    const cloud = new FakeSyncCloud();
    const { a, b, late } = await unpublishedBeforeHorizon(cloud);
    // A comes back: it keeps the break, under its next revision (the horizon deletes the old key), publishes
    // it, and B takes it in (it was never deleted).
    await syncAll(cloud, [a, b], 2);
    const moved = `${entryKey(late)}~1`;
    expect(await keysAt(a, late.startedAt)).toEqual([moved]);
    expect(await keysAt(b, late.startedAt)).toEqual([moved]);
    // A deletion of it still holds everywhere.
    await deleteBreak(b.db, moved, B, clock);
    await syncAll(cloud, [b, a], 2);
    expect(await keysAt(a, late.startedAt)).toEqual([]);
  });

  it('counts that break once everywhere when another browser imported it before its browser came back (soak seed 5)', async () => {
    const cloud = new FakeSyncCloud();
    const { a, b, late } = await unpublishedBeforeHorizon(cloud);
    // B imports A's export (A's log, the unpublished break too) while A is away: the horizon deletes B's copy.
    await importBreaks(b.db, (await readLog(a.db)).entries);
    await syncAll(cloud, [b], 1);
    expect(await keysAt(b, late.startedAt)).toEqual([]);
    // A comes back: the break reaches B again, as A's next revision of it, and both show the same log.
    await syncAll(cloud, [a, b], 2);
    expect(await b.keys()).toEqual(await a.keys());
    expect(await keysAt(a, late.startedAt)).toEqual([`${entryKey(late)}~1`]);
  });

  it.each([
    ['its first round', false],
    ['a round after one that completed', true],
  ])(
    'does not bring back a break deleted elsewhere whose browser was stopped after publishing it in %s, before it saved that it had (soak seed 6, run 52)',
    async (_, roundBefore) => {
      const cloud = new FakeSyncCloud();
      const a = await device(A, cloud);
      const c = await device(C, cloud);
      const r = rng(6);
      if (roundBefore) {
        await addBreak(a.db, realisticBreak(r, A, clock - 2 * 3_600_000));
        await syncAll(cloud, [a], 1);
      }
      const logged = realisticBreak(r, A, clock - 3_600_000);
      await addBreak(a.db, logged);
      // A's first round is stopped at its 6th await: reading its state, the account and its log, saving its
      // write count, writing its items went through; saving its state after the writes did not.
      await expect(a.sync(6)).rejects.toThrow('worker stopped');
      cloud.propagate();
      expect(readSnapshot(c.area.snapshot()).devices.get('aaaa1111')?.entries.map(entryKey)).toContain(entryKey(logged));
      // 45 days on, C takes the break in and reclaims A's keys into the archive; then C deletes the break.
      clock += (INACTIVE_DAYS + 1) * DAY;
      await syncAll(cloud, [c], 1);
      await deleteBreak(c.db, entryKey(logged), C, clock);
      await syncAll(cloud, [c], 1);
      // A comes back: the break was published (by the round that was stopped), so it was deleted, for good.
      await syncAll(cloud, [a, c], 2);
      expect(await keysAt(a, logged.startedAt)).toEqual([]);
      expect(await keysAt(c, logged.startedAt)).toEqual([]);
    },
  );

  it('keeps a break logged out of order whose round was stopped before its writes, when the horizon then covers it', async () => {
    const cloud = new FakeSyncCloud();
    const a = await device(A, cloud);
    const b = await device(B, cloud);
    const r = rng(6);
    await addBreak(a.db, realisticBreak(r, A, clock + 2 * 3_600_000));
    await syncAll(cloud, [a, b], 1);
    // An earlier break by the clock; A's round is stopped at its 5th await, the write to the account
    // (after its state, with what it was about to write, was saved).
    const late = realisticBreak(r, A, clock + 3_600_000);
    await addBreak(a.db, late);
    await expect(a.sync(5)).rejects.toThrow('worker stopped');
    cloud.propagate();
    expect(readSnapshot(b.area.snapshot()).devices.get('aaaa1111')?.entries).toHaveLength(1);
    clock += (INACTIVE_DAYS + 1) * DAY;
    await syncAll(cloud, [b], 1);
    expect(readSnapshot(b.area.snapshot()).archive.origins.get('aaaa1111')!.horizon).toBeGreaterThan(late.startedAt);
    // A comes back: the break never reached the account, so nobody deleted it; it is kept and reaches B.
    await syncAll(cloud, [a, b], 2);
    expect(await keysAt(a, late.startedAt)).toEqual([`${entryKey(late)}~1`]);
    expect(await keysAt(b, late.startedAt)).toEqual([`${entryKey(late)}~1`]);
  });

  it('does not bring back a break logged out of order, published by a round stopped before it saved so, and deleted elsewhere by name', async () => {
    const cloud = new FakeSyncCloud();
    const a = await device(A, cloud);
    const c = await device(C, cloud);
    const r = rng(6);
    await addBreak(a.db, realisticBreak(r, A, clock + 2 * 3_600_000));
    await syncAll(cloud, [a, c], 1);
    // An earlier break by the clock; A's round is stopped at its 6th await: its writes went through, the
    // state after them was not saved (and the write-ahead leaves out a break the horizon would cover anyway).
    const late = realisticBreak(r, A, clock + 3_600_000);
    await addBreak(a.db, late);
    await expect(a.sync(6)).rejects.toThrow('worker stopped');
    cloud.propagate();
    expect(readSnapshot(c.area.snapshot()).devices.get('aaaa1111')?.entries.map(entryKey)).toContain(entryKey(late));
    // C reclaims A 45 days on (the break becomes a member), then deletes it: C's deletion names it.
    clock += (INACTIVE_DAYS + 1) * DAY;
    await syncAll(cloud, [c], 1);
    await deleteBreak(c.db, entryKey(late), C, clock);
    await syncAll(cloud, [c], 1);
    // A comes back: a deletion that names the break wins over what A does not know it published.
    await syncAll(cloud, [a, c], 2);
    expect(await keysAt(a, late.startedAt)).toEqual([]);
    expect(await keysAt(c, late.startedAt)).toEqual([]);
  });

  it('keeps a break of the archived browser that another browser imported and publishes, though nobody deleted it', async () => {
    const cloud = new FakeSyncCloud();
    const a = await device(A, cloud);
    const b = await device(B, cloud);
    const c = await device(C, cloud);
    const r = rng(5);
    await addBreak(a.db, realisticBreak(r, A, clock + 2 * 3_600_000));
    await syncAll(cloud, [a, b, c], 1);
    const late = realisticBreak(r, A, clock + 3_600_000);
    await addBreak(a.db, late);
    // B imports A's export and publishes the break A never did; C takes it in.
    await importBreaks(b.db, (await readLog(a.db)).entries);
    await syncAll(cloud, [b, c], 1);
    expect(await keysAt(c, late.startedAt)).toEqual([entryKey(late)]);
    // A is reinstalled (its log gone), and its old keys are reclaimed 45 days on: the break stays everywhere.
    await a.reinstall('aaaa9999-0000-4000-8000-00000000000a');
    clock += (INACTIVE_DAYS + 1) * DAY;
    await syncAll(cloud, [b, c, a], 2);
    for (const d of [b, c]) expect(await keysAt(d, late.startedAt)).toEqual([entryKey(late)]);
  });
});

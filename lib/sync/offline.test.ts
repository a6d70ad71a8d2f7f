import { afterEach, describe, expect, it } from 'vitest';
import type { BreakEntry } from '../log/entry';
import { addBreak } from '../log/db';
import { deleteBreak, importBreaks, readLog, replaceBreak } from '../log/store';
import { FakeSyncCloud } from '../../tests/doubles/fake-sync-area';
import { entryKey } from '../domain/break-key';
import { SYNC_QUOTA } from './layout';
import { SimDevice } from '../../tests/doubles/sim-device';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';
import { limit } from '../../tests/unit/patience';

/**
 * Deletions stay deleted across devices, however long a device was away: three devices share the
 * quota-enforcing fake sync area; one goes offline for 90 days while hundreds of breaks are deleted on the
 * others (its own among them, one by one and a whole cleared stretch at once); when it syncs again, every
 * one of them is gone there too, nothing else is, and every device ends with the same log.
 */

const DAY = 86_400_000;
const START = new Date(2026, 0, 1, 8).getTime();
let clock = START;
const now = () => clock;
const devices: SimDevice[] = [];

afterEach(() => {
  for (const d of devices.splice(0)) d.close();
  clock = START;
});

const A = 'aaaa1111-0000-4000-8000-00000000000a';
const B = 'bbbb2222-0000-4000-8000-00000000000b';
const C = 'cccc3333-0000-4000-8000-00000000000c';

async function device(id: string, cloud: FakeSyncCloud): Promise<SimDevice> {
  const d = await SimDevice.create(id, cloud, now);
  devices.push(d);
  return d;
}

async function syncAll(cloud: FakeSyncCloud, online: SimDevice[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const d of online) {
      const status = await d.sync();
      expect(status.error, `${d.deviceId} sync error`).toBeUndefined();
      cloud.propagate();
    }
  }
}

describe('deletions across devices', () => {
  it(
    'reach a device that was offline for 90 days while hundreds of breaks were deleted elsewhere',
    async () => {
      const cloud = new FakeSyncCloud();
      const [a, b, c] = [await device(A, cloud), await device(B, cloud), await device(C, cloud)];
      // Half a year of history on each device, all synced everywhere.
      await importBreaks(a.db, realisticLog(1, A, 450, START - 200 * DAY));
      await importBreaks(b.db, realisticLog(2, B, 350, START - 200 * DAY));
      await importBreaks(c.db, realisticLog(3, C, 300, START - 200 * DAY));
      await syncAll(cloud, [a, b, c]);
      const before = await c.keys();
      expect(before).toHaveLength(1100);
      expect(await a.keys()).toEqual(before);

      // C goes offline. For 90 days A and B log breaks, delete old ones (any device's) and edit a few.
      const r = rng(9);
      const deleted = new Set<string>();
      const shuffled = [...before].sort(() => r() - 0.5);
      for (let day = 0; day < 90; day++) {
        clock += DAY;
        for (const d of [a, b]) {
          const e = realisticBreak(r, d.deviceId, clock - 3 * 3_600_000);
          await addBreak(d.db, e);
        }
        // Seven a day, one at a time, as the history page deletes them. Each key comes up once, so what each
        // device holds of them is read once a day (the day's new breaks are not among them).
        const held = new Map<SimDevice, Map<string, BreakEntry>>();
        for (const d of [a, b]) held.set(d, new Map((await readLog(d.db)).entries.map((e) => [entryKey(e), e])));
        for (let i = 0; i < 7; i++) {
          const key = shuffled.pop()!;
          const by = i < 5 ? a : b;
          const live = held.get(by)!.get(key);
          if (live && (await deleteBreak(by.db, live.id, by.deviceId, clock))) deleted.add(key);
        }
        if (day % 30 === 5) {
          const live = (await readLog(a.db)).entries.find((e) => !deleted.has(entryKey(e)) && e.deviceId !== A);
          if (live && (await replaceBreak(a.db, live.id, { context: 'rest' }, A, clock))) deleted.add(entryKey(live));
        }
        if (day % 3 === 2) await syncAll(cloud, [a, b]);
      }
      // And A clears its own first month in one go (a stretch of consecutive breaks: a range).
      const firstMonth = (await readLog(a.db)).entries.filter((e) => e.deviceId === A && e.startedAt < START - 170 * DAY);
      for (const e of firstMonth) if (await deleteBreak(a.db, e.id, A, clock)) deleted.add(entryKey(e));
      await syncAll(cloud, [a, b]);
      expect(deleted.size).toBeGreaterThan(650);
      for (const d of [a, b]) expect(d.area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);

      // C comes back and syncs.
      clock += DAY;
      await syncAll(cloud, [c, a, b, c]);
      const after = new Set(await c.keys());
      for (const key of deleted) expect(after.has(key), `${key} is still on C`).toBe(false);
      for (const key of before) if (!deleted.has(key)) expect(after.has(key), `${key} went missing on C`).toBe(true);
      // Every device holds the same log; C's own breaks deleted elsewhere did not come back from C.
      const keys = await a.keys();
      expect(await b.keys()).toEqual(keys);
      expect([...after].sort()).toEqual(keys);
      expect(keys.filter((k) => k.startsWith('cccc3333.') && deleted.has(k))).toEqual([]);
      console.log(
        `offline: ${deleted.size} deletions reached a device back after 90 days; sync area ${c.area.bytesInUse()} bytes, ` +
          `A's deletions ${Object.entries(c.area.snapshot())
            .filter(([k]) => k.startsWith('tomb:aaaa1111'))
            .reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0)} bytes`,
      );
    },
    limit(300_000),
  );
});

describe('imported breaks', () => {
  it('reach the other devices under their own device id, once, and can be deleted there', async () => {
    const cloud = new FakeSyncCloud({ instant: true });
    const [a, b] = [await device(A, cloud), await device(B, cloud)];
    // A file exported by a computer that is gone (its device id is in no sync key any more).
    const old = 'dddd4444-0000-4000-8000-00000000000d';
    const file: BreakEntry[] = realisticLog(4, old, 40, START - 300 * DAY);
    await importBreaks(a.db, file);
    await syncAll(cloud, [a, b]);
    const onB = (await readLog(b.db)).entries.filter((e) => e.deviceId === 'dddd4444');
    expect(onB.map(entryKey).sort()).toEqual(file.map(entryKey).sort());
    // B imports the same file too: nothing doubles anywhere.
    await importBreaks(b.db, file);
    await syncAll(cloud, [a, b]);
    expect(await a.keys()).toHaveLength(40);
    expect(await b.keys()).toHaveLength(40);
    // Deleting one on B removes it on A, and A stops publishing it.
    const victim = (await readLog(b.db)).entries[0]!;
    await deleteBreak(b.db, victim.id, B, clock);
    await syncAll(cloud, [b, a, b]);
    expect(await a.keys()).not.toContain(entryKey(victim));
    expect(await b.keys()).not.toContain(entryKey(victim));
    expect(await a.keys()).toHaveLength(39);
  });
});

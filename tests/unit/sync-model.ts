import fc from 'fast-check';
import { addBreak } from '../../lib/log/db';
import { deleteBreak, readLog } from '../../lib/log/store';
import { FakeSyncCloud } from '../doubles/fake-sync-area';
import { SimDevice } from '../doubles/sim-device';
import { realisticBreak, rng } from '../fixtures/breaks';
import { entryKey } from '../../lib/domain/break-key';
import { SYNC_QUOTA } from '../../lib/sync/layout';
import { readSnapshot } from '../../lib/sync/merge';
import { foldedHistory } from '../../lib/sync/folded';

/**
 * A model of a person's browsers over years (used by tests/unit/sync-model.test.ts in npm test and by
 * `npm run soak` for longer runs): 2–5 browsers log, delete, sync, go away for up to 200 days, turn sync off
 * and on again, and are reinstalled. After everyone syncs: every browser shows the
 * same total; nothing deleted comes back; nothing logged and never deleted is lost from the browser that
 * logged it; the account never passes its quota.
 */

export type Command =
  | { kind: 'log'; dev: number; count: number }
  | { kind: 'delete'; dev: number; pick: number }
  | { kind: 'sync'; dev: number }
  | { kind: 'away'; days: number }
  | { kind: 'unsync'; dev: number }
  | { kind: 'resync'; dev: number }
  | { kind: 'reinstall'; dev: number };

export const commandArb = (devices: number): fc.Arbitrary<Command> => {
  const dev = fc.integer({ min: 0, max: devices - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('log' as const), dev, count: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), dev, pick: fc.nat() }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), dev }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('away' as const), days: fc.integer({ min: 0, max: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unsync' as const), dev }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resync' as const), dev }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reinstall' as const), dev }) },
  );
};

export const scenarioArb = fc
  .integer({ min: 2, max: 5 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(commandArb(n), { minLength: 5, maxLength: 40 })));

const DAY = 86_400_000;

/** Runs one scenario; throws on a broken invariant. */
export async function runScenario(n: number, commands: readonly Command[], seed = 1): Promise<void> {
  let clock = new Date(2026, 0, 1, 9).getTime();
  const now = () => clock;
  const cloud = new FakeSyncCloud();
  const r = rng(seed);
  let ids = 0;
  const newId = (i: number) => `${(0xa0000000 + i * 0x1000000 + ids++).toString(16)}-0000-4000-8000-000000000000`;
  const devices: SimDevice[] = [];
  try {
    for (let i = 0; i < n; i++) devices.push(await SimDevice.create(newId(i), cloud, now));
    const deleted = new Set<string>();
    /** Breaks each browser logged and never deleted, until it is reinstalled. */
    const own = devices.map(() => new Set<string>());
    for (const c of commands) {
      clock += 3_600_000;
      if (c.kind === 'log') {
        const d = devices[c.dev]!;
        for (let i = 0; i < c.count; i++) {
          clock += 20 * 60_000;
          const e = realisticBreak(r, d.deviceId, clock);
          await addBreak(d.db, e);
          own[c.dev]!.add(entryKey(e));
        }
      } else if (c.kind === 'delete') {
        const d = devices[c.dev]!;
        if (!d.enabled) continue;
        const entries = (await readLog(d.db)).entries;
        if (entries.length === 0) continue;
        const victim = entries[c.pick % entries.length]!;
        await deleteBreak(d.db, victim.id, d.deviceId, clock);
        // The deletion reaches the account with this browser's next round.
        const status = await d.sync();
        cloud.propagate();
        if (status.error === undefined) deleted.add(entryKey(victim));
        for (const s of own) s.delete(entryKey(victim));
      } else if (c.kind === 'sync') {
        await devices[c.dev]!.sync();
        cloud.propagate();
      } else if (c.kind === 'away') {
        clock += c.days * DAY;
      } else if (c.kind === 'unsync') {
        // Sync off here (its records stay in the account; removing them is tested in lib/sync/share.test.ts:
        // other browsers keep their copies then, by design, so totals may differ).
        devices[c.dev]!.enabled = false;
      } else if (c.kind === 'resync') {
        devices[c.dev]!.enabled = true;
      } else {
        await devices[c.dev]!.reinstall(newId(c.dev));
        own[c.dev]!.clear();
      }
      if (devices[0]!.area.bytesInUse() > SYNC_QUOTA.QUOTA_BYTES) throw new Error('the account passed its quota');
    }
    // Everyone on and synced.
    for (const d of devices) d.enabled = true;
    for (let round = 0; round < 4; round++) {
      for (const d of devices) {
        await d.sync();
        cloud.propagate();
      }
    }
    const totals: number[] = [];
    for (const [i, d] of devices.entries()) {
      const local = await readLog(d.db);
      const keys = new Set(local.entries.map(entryKey));
      for (const k of deleted) if (keys.has(k)) throw new Error(`deleted ${k} came back on browser ${i}`);
      for (const k of own[i]!) if (!keys.has(k)) throw new Error(`${k} logged on browser ${i} went missing there`);
      const folded = foldedHistory(local, readSnapshot(d.area.snapshot()));
      totals.push(local.entries.length + folded.count);
    }
    if (new Set(totals).size !== 1) throw new Error(`browsers show different totals: ${totals.join(', ')}`);
  } finally {
    for (const d of devices) d.close();
  }
}

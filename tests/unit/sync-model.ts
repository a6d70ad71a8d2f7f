import fc from 'fast-check';
import { addBreak } from '../../lib/log/db';
import { deleteBreak, readLog, restoreBreak } from '../../lib/log/store';
import { exportJson, importJson } from '../../lib/log/import-export';
import type { BreakEntry } from '../../lib/log/entry';
import { FakeSyncCloud } from '../doubles/fake-sync-area';
import { SimDevice } from '../doubles/sim-device';
import { realisticBreak, rng } from '../fixtures/breaks';
import { deviceShort, entryKey, makeKey, parseKey } from '../../lib/domain/break-key';
import { SYNC_QUOTA } from '../../lib/sync/layout';
import { readSnapshot } from '../../lib/sync/merge';
import { foldedHistory } from '../../lib/sync/folded';
import { localDay } from '../../lib/sync/days';
import type { SyncStatus } from '../../lib/sync/engine';

/**
 * A model of a person's browsers over years (used by tests/unit/sync-model.test.ts in npm test and by
 * `npm run soak` for longer runs): 2–6 browsers log, delete and Undo, import another browser's export, sync,
 * go away for up to 200 days, turn sync off and on again, remove their records from the account, are
 * reinstalled, have their clock set up to a day wrong (either way), are stopped at any await of a sync round,
 * and hit the account's quota or write rates (injected, and for real in bursts of rounds). The fake account
 * (tests/doubles/fake-sync-area.ts) enforces Chrome's QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS and both
 * write rates.
 *
 * Throughout: the account never passes its quota; no browser is refused a write for a rate it went over
 * itself; after a round that wrote, no browser holds more than its share. After everyone syncs: every browser
 * shows the same log (the same breaks per day, in full or as daily totals, and the same total); nothing
 * deleted comes back; nothing logged and never deleted is lost from the browser that logged it; every
 * browser's breaks reach the others.
 */

export type Command =
  | { kind: 'log'; dev: number; count: number }
  | { kind: 'delete'; dev: number; pick: number }
  | { kind: 'undo'; dev: number }
  | { kind: 'import'; dev: number; from: number }
  | { kind: 'sync'; dev: number }
  | { kind: 'stop'; dev: number; at: number }
  | { kind: 'fail'; dev: number; error: 'quota' | 'minute' | 'hour' }
  | { kind: 'burst'; dev: number; rounds: number }
  | { kind: 'away'; days: number }
  | { kind: 'clock'; dev: number; minutes: number }
  | { kind: 'unsync'; dev: number }
  | { kind: 'resync'; dev: number }
  | { kind: 'remove'; dev: number }
  | { kind: 'reinstall'; dev: number };

export const commandArb = (devices: number): fc.Arbitrary<Command> => {
  const dev = fc.integer({ min: 0, max: devices - 1 });
  const k = <K extends Command['kind']>(kind: K) => fc.constant(kind);
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: k('log'), dev, count: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: k('delete'), dev, pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: k('undo'), dev }) },
    { weight: 1, arbitrary: fc.record({ kind: k('import'), dev, from: dev }) },
    { weight: 5, arbitrary: fc.record({ kind: k('sync'), dev }) },
    { weight: 2, arbitrary: fc.record({ kind: k('stop'), dev, at: fc.integer({ min: 1, max: 9 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: k('fail'),
        dev,
        error: fc.constantFrom('quota' as const, 'minute' as const, 'hour' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: k('burst'), dev, rounds: fc.integer({ min: 2, max: 150 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: k('away'), days: fc.integer({ min: 0, max: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: k('clock'), dev, minutes: fc.integer({ min: -1440, max: 1440 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: k('unsync'), dev }) },
    { weight: 1, arbitrary: fc.record({ kind: k('resync'), dev }) },
    { weight: 1, arbitrary: fc.record({ kind: k('remove'), dev }) },
    { weight: 1, arbitrary: fc.record({ kind: k('reinstall'), dev }) },
  );
};

export const scenarioArb = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(commandArb(n), { minLength: 5, maxLength: 40 })));

const DAY = 86_400_000;
const INJECTED = {
  quota: 'QUOTA_BYTES quota exceeded',
  minute: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  hour: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
};

/** Breaks per local day, full and folded: what History's figures are made of. */
function perDay(
  entries: readonly BreakEntry[],
  folded: { days: ReadonlyArray<{ day: string; count: number }> },
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) out.set(localDay(e.startedAt), (out.get(localDay(e.startedAt)) ?? 0) + 1);
  for (const d of folded.days) out.set(d.day, (out.get(d.day) ?? 0) + d.count);
  return out;
}

/**
 * The key a break holds in a log now: its own, or a later revision of it by the browser that logged it. That
 * browser moves a break it logged before its archive horizon and never published to its next revision
 * (lib/sync/merge.ts): the same break, as after an edit. Undo also brings a break back as a new revision
 * (the model knows those keys). Null when neither is in `keys`.
 */
function heldAs(key: string, keys: ReadonlySet<string>): string | null {
  if (keys.has(key)) return key;
  const p = parseKey(key);
  if (!p) return null;
  for (let rev = p.rev + 1; rev <= p.rev + 4; rev++)
    if (keys.has(makeKey(p.dev, p.startedAt, rev))) return makeKey(p.dev, p.startedAt, rev);
  return null;
}

/** Runs one scenario; throws on a broken invariant. */
export async function runScenario(n: number, commands: readonly Command[], seed = 1): Promise<void> {
  /** The real time; each browser's clock is it plus that browser's error. */
  let clock = new Date(2026, 0, 1, 9).getTime();
  const cloud = new FakeSyncCloud();
  const r = rng(seed);
  let ids = 0;
  const newId = (i: number) => `${(0xa0000000 + i * 0x1000000 + ids++).toString(16)}-0000-4000-8000-000000000000`;
  const offsets = Array.from({ length: n }, () => 0);
  const devices: SimDevice[] = [];
  try {
    for (let i = 0; i < n; i++)
      devices.push(
        await SimDevice.create(
          newId(i),
          cloud,
          () => clock + offsets[i]!,
          () => clock,
        ),
      );
    const deleted = new Set<string>();
    /** Keys Undo brought breaks back under (a later revision of a deleted key, which is no resurrection). */
    const undone = new Set<string>();
    /** Breaks each browser logged (or brought back with Undo) and never deleted, until it is reinstalled. */
    const own = devices.map(() => new Set<string>());
    /** Each browser's deletions, newest last, for Undo. */
    const undoable = devices.map((): BreakEntry[] => []);
    /**
     * A browser's breaks start at different seconds (the shared archive keeps a break to the second: two of
     * one browser's breaks cannot start within the same second, a break takes minutes). A clock set back
     * could otherwise give a new break an old one's second here.
     */
    const starts = new Set<string>();
    const freshBreak = (i: number, at: number): BreakEntry => {
      const d = devices[i]!;
      let t = at;
      while (starts.has(`${d.deviceId}:${Math.floor(t / 1000)}`)) t += 1000;
      starts.add(`${d.deviceId}:${Math.floor(t / 1000)}`);
      return realisticBreak(r, d.deviceId, t);
    };
    const check = (d: SimDevice, i: number, status: SyncStatus) => {
      if (d.area.bytesInUse() > SYNC_QUOTA.QUOTA_BYTES) throw new Error('the account passed its quota');
      if (d.area.refused.rate > 0) throw new Error(`browser ${i} went over a write rate`);
      if (status.error === undefined && status.writes > 0 && status.share) {
        const mine = readSnapshot(d.area.snapshot()).devices.get(deviceShort(d.deviceId));
        if (mine && mine.bytes > status.share.bytes)
          throw new Error(`browser ${i} holds ${mine.bytes} bytes, over its share of ${status.share.bytes}`);
      }
    };
    const sync = async (i: number, stopAt?: number) => {
      const d = devices[i]!;
      const status = await d.sync(stopAt).catch((err: unknown) => {
        if (stopAt === undefined) throw err;
        return null;
      });
      cloud.propagate();
      if (status) check(d, i, status);
      return status;
    };
    for (const c of commands) {
      clock += 3_600_000;
      if (c.kind === 'log') {
        const d = devices[c.dev]!;
        for (let i = 0; i < c.count; i++) {
          clock += 20 * 60_000;
          const e = freshBreak(c.dev, clock + offsets[c.dev]!);
          await addBreak(d.db, e);
          own[c.dev]!.add(entryKey(e));
        }
      } else if (c.kind === 'delete') {
        const d = devices[c.dev]!;
        if (!d.enabled) continue;
        const entries = (await readLog(d.db)).entries;
        if (entries.length === 0) continue;
        const victim = entries[c.pick % entries.length]!;
        await deleteBreak(d.db, victim.id, d.deviceId, clock + offsets[c.dev]!);
        undoable[c.dev]!.push(victim);
        // The deletion reaches the account with this browser's next round.
        const status = await sync(c.dev);
        if (status?.error === undefined) deleted.add(entryKey(victim));
        for (const s of own) s.delete(entryKey(victim));
      } else if (c.kind === 'undo') {
        const d = devices[c.dev]!;
        const victim = undoable[c.dev]!.pop();
        if (!victim) continue;
        // It comes back as this browser's break (a new revision when the deletion was recorded).
        const back = await restoreBreak(d.db, victim, d.deviceId);
        undone.add(entryKey(back));
        if (!deleted.has(entryKey(back))) own[c.dev]!.add(entryKey(back));
      } else if (c.kind === 'import') {
        // This browser imports another's export (made now: whatever that browser holds, deletions it has not
        // heard of included).
        const from = devices[c.from]!;
        const text = exportJson((await readLog(from.db)).entries, clock);
        const result = await importJson(devices[c.dev]!.db, text);
        if (!result.ok) throw new Error(`an export did not import back: ${JSON.stringify(result.error)}`);
      } else if (c.kind === 'sync') {
        await sync(c.dev);
      } else if (c.kind === 'stop') {
        await sync(c.dev, c.at);
      } else if (c.kind === 'fail') {
        // That round's first write is refused (a round with nothing to write meets no refusal).
        devices[c.dev]!.area.failNextWrite(INJECTED[c.error]);
        await sync(c.dev);
        devices[c.dev]!.area.clearFailures();
      } else if (c.kind === 'burst') {
        // A round every half second, most after something new to write (a break from an import a moment
        // ago, one every 20 minutes of yesterday): past the write rates, for real. The engine must hold back,
        // not the account refuse.
        const d = devices[c.dev]!;
        const from = clock + offsets[c.dev]! - DAY;
        for (let i = 0; i < c.rounds; i++) {
          clock += 500;
          if (i % 4 !== 3) {
            const e = freshBreak(c.dev, from + i * 20 * 60_000);
            if (await addBreak(d.db, e)) own[c.dev]!.add(entryKey(e));
          }
          await sync(c.dev);
        }
      } else if (c.kind === 'away') {
        clock += c.days * DAY;
      } else if (c.kind === 'clock') {
        offsets[c.dev] = c.minutes * 60_000;
      } else if (c.kind === 'unsync') {
        devices[c.dev]!.enabled = false;
      } else if (c.kind === 'resync') {
        devices[c.dev]!.enabled = true;
      } else if (c.kind === 'remove') {
        // Sync off here and its records out of the account (its deletions handed to the account first).
        await devices[c.dev]!.removeOwnRecords();
        cloud.propagate();
      } else {
        await devices[c.dev]!.reinstall(newId(c.dev));
        own[c.dev]!.clear();
        undoable[c.dev] = [];
      }
      if (devices[0]!.area.bytesInUse() > SYNC_QUOTA.QUOTA_BYTES) throw new Error('the account passed its quota');
    }
    // Everyone on and synced, after the retry times of any trouble.
    for (const d of devices) d.enabled = true;
    for (let round = 0; round < 4; round++) {
      clock += 3_600_000;
      for (let i = 0; i < n; i++) await sync(i);
    }
    const totals: number[] = [];
    const days: string[] = [];
    const logs = await Promise.all(devices.map((d) => readLog(d.db)));
    const byKey = new Map(logs.flatMap((l) => l.entries.map((e) => [entryKey(e), e] as const)));
    const keysOf = logs.map((l) => new Set(l.entries.map(entryKey)));
    for (const [i, d] of devices.entries()) {
      const local = logs[i]!;
      const keys = new Set(local.entries.map(entryKey));
      for (const k of deleted) {
        const back = heldAs(k, keys);
        if (back !== null && !undone.has(back)) throw new Error(`deleted ${k} came back on browser ${i} as ${back}`);
      }
      for (const k of own[i]!) if (heldAs(k, keys) === null) throw new Error(`${k} logged on browser ${i} went missing there`);
      const folded = foldedHistory(local, readSnapshot(d.area.snapshot()));
      totals.push(local.entries.length + folded.count);
      const byDay = perDay(local.entries, folded);
      days.push(JSON.stringify([...byDay].sort(([a], [b]) => (a < b ? -1 : 1))));
      // Every other browser's breaks reached this one: in full, or counted in that day's totals.
      for (const [j, theirs] of own.entries()) {
        if (j === i) continue;
        for (const k of theirs) {
          if (heldAs(k, keys) !== null) continue;
          const e = byKey.get(heldAs(k, keysOf[j]!) ?? k);
          if (!e || !byDay.get(localDay(e.startedAt))) throw new Error(`${k} of browser ${j} never reached browser ${i}`);
        }
      }
    }
    if (new Set(totals).size !== 1) throw new Error(`browsers show different totals: ${totals.join(', ')}`);
    if (new Set(days).size !== 1) throw new Error('browsers show different breaks per day');
  } finally {
    for (const d of devices) d.close();
  }
}

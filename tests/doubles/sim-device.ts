import type { IDBPDatabase } from 'idb';
import type { RollbreakDB } from '../../lib/log/db';
import { openLog } from '../../lib/log/db';
import { readLog, syncLogStore } from '../../lib/log/store';
import type { SyncState, SyncStatus } from '../../lib/sync/engine';
import { syncOnce } from '../../lib/sync/engine';
import type { FakeSyncArea, FakeSyncCloud } from './fake-sync-area';
import { entryKey } from '../../lib/domain/break-key';
import { handoverPlan } from '../../lib/sync/share';

/**
 * Test helper: a simulated browser profile with its own IndexedDB (fake-indexeddb), its own replica of the
 * quota-enforcing fake sync area, and its own stored sync state, on a shared test clock.
 */
export class SimDevice {
  db!: IDBPDatabase<RollbreakDB>;
  state: SyncState | null = null;
  readonly area: FakeSyncArea;
  dbName: string;
  /** This browser's sync switch. */
  enabled = true;

  /**
   * `now` is this browser's clock (it may be set wrong); `areaNow` the time the account's write limits count
   * in (the real time: a browser's clock setting does not move Chrome's rate windows). Both default to `now`.
   */
  private constructor(
    public deviceId: string,
    cloud: FakeSyncCloud,
    private readonly now: () => number,
    areaNow: () => number = now,
  ) {
    this.area = cloud.connect(areaNow);
    this.dbName = `rollbreak-sim-${deviceId}-${Math.random().toString(36).slice(2)}`;
  }

  static async create(deviceId: string, cloud: FakeSyncCloud, now: () => number, areaNow?: () => number): Promise<SimDevice> {
    const d = new SimDevice(deviceId, cloud, now, areaNow);
    d.db = await openLog(d.dbName);
    return d;
  }

  /**
   * One sync round. With `stopAt`, the service worker stops at the round's `stopAt`-th await (reading or
   * writing its state, the log or the account): that operation and every later one of this round throw
   * "worker stopped" before doing anything, as nothing of a stopped worker runs on (an IndexedDB write is
   * one transaction: all or nothing). The round's promise then rejects or reports a failure; the next call
   * is the next start.
   */
  async sync(stopAt = Infinity): Promise<SyncStatus> {
    let ops = 0;
    const step = () => {
      if (++ops >= stopAt) throw new Error('worker stopped');
    };
    const log = syncLogStore(this.db);
    this.area.beforeOp = stopAt === Infinity ? null : step;
    try {
      return await syncOnce({
        db: {
          read: async () => (step(), log.read()),
          apply: async (changes) => (step(), log.apply(changes)),
        },
        sync: this.area,
        deviceId: this.deviceId,
        now: this.now,
        enabled: this.enabled,
        state: {
          get: async () => (step(), this.state && structuredClone(this.state)),
          set: async (s) => {
            step();
            this.state = structuredClone(s);
          },
        },
      });
    } finally {
      this.area.beforeOp = null;
    }
  }

  /** Sync off here, and this browser's records removed from the account (its deletions handed over first). */
  async removeOwnRecords(): Promise<void> {
    this.enabled = false;
    const dead = (await readLog(this.db)).tombstones.map((t) => t.key);
    const plan = handoverPlan(await this.area.get(), this.deviceId, dead);
    if (Object.keys(plan.set).length > 0) await this.area.set(plan.set);
    if (plan.remove.length > 0) await this.area.remove(plan.remove);
  }

  /** The extension removed and installed again: a new device id, an empty log, no sync state. */
  async reinstall(newId: string): Promise<void> {
    this.db.close();
    this.deviceId = newId;
    this.dbName = `rollbreak-sim-${newId}-${Math.random().toString(36).slice(2)}`;
    this.db = await openLog(this.dbName);
    this.state = null;
    this.enabled = true;
  }

  async keys(): Promise<string[]> {
    return (await readLog(this.db)).entries.map(entryKey).sort();
  }

  close(): void {
    this.db.close();
  }
}

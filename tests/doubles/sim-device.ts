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

  private constructor(
    public deviceId: string,
    cloud: FakeSyncCloud,
    private readonly now: () => number,
  ) {
    this.area = cloud.connect(now);
    this.dbName = `rollbreak-sim-${deviceId}-${Math.random().toString(36).slice(2)}`;
  }

  static async create(deviceId: string, cloud: FakeSyncCloud, now: () => number): Promise<SimDevice> {
    const d = new SimDevice(deviceId, cloud, now);
    d.db = await openLog(d.dbName);
    return d;
  }

  sync(): Promise<SyncStatus> {
    return syncOnce({
      db: syncLogStore(this.db),
      sync: this.area,
      deviceId: this.deviceId,
      now: this.now,
      enabled: this.enabled,
      state: {
        get: async () => this.state && structuredClone(this.state),
        set: async (s) => {
          this.state = structuredClone(s);
        },
      },
    });
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

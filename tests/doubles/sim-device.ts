import type { IDBPDatabase } from 'idb';
import type { RollbreakDB } from '../../lib/log/db';
import { openLog } from '../../lib/log/db';
import { readLog, syncLogStore } from '../../lib/log/store';
import type { SyncState, SyncStatus } from '../../lib/sync/engine';
import { syncOnce } from '../../lib/sync/engine';
import type { FakeSyncArea, FakeSyncCloud } from './fake-sync-area';
import { entryKey } from '../../lib/domain/break-key';

/**
 * Test helper: a simulated browser profile with its own IndexedDB (fake-indexeddb), its own replica of the
 * quota-enforcing fake sync area, and its own stored sync state, on a shared test clock.
 */
export class SimDevice {
  db!: IDBPDatabase<RollbreakDB>;
  state: SyncState | null = null;
  readonly area: FakeSyncArea;
  readonly dbName: string;

  private constructor(
    readonly deviceId: string,
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
      state: {
        get: async () => this.state && structuredClone(this.state),
        set: async (s) => {
          this.state = structuredClone(s);
        },
      },
    });
  }

  async keys(): Promise<string[]> {
    return (await readLog(this.db)).entries.map(entryKey).sort();
  }

  close(): void {
    this.db.close();
  }
}

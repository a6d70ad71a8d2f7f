import type { SyncArea } from '../../lib/sync/engine';
import { SYNC_QUOTA, itemBytes } from '../../lib/sync/layout';

/**
 * A test double of `storage.sync` shared by simulated devices. Each device gets its own replica (as each
 * browser has) that enforces Chrome's quotas and write rates, throwing Chrome's error messages, and
 * `propagate()` plays the sync server: every key takes its latest write on every replica.
 * With `instant: true` every write reaches all replicas at once.
 */
export class FakeSyncCloud {
  private readonly replicas: FakeSyncArea[] = [];
  private seq = 0;

  constructor(readonly options: { instant?: boolean } = {}) {}

  /** A new device's view; it starts with whatever the cloud has. */
  connect(now: () => number): FakeSyncArea {
    const area = new FakeSyncArea(this, now);
    const first = this.replicas[0];
    if (first) for (const [k, v] of first.entries) area.entries.set(k, v);
    this.replicas.push(area);
    return area;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  written(): void {
    if (this.options.instant) this.propagate();
  }

  /** Spreads every replica's latest writes to all the others. */
  propagate(): void {
    const latest = new Map<string, Versioned>();
    for (const r of this.replicas) {
      for (const [k, v] of r.entries) {
        const known = latest.get(k);
        if (!known || v.seq > known.seq) latest.set(k, v);
      }
    }
    for (const r of this.replicas) for (const [k, v] of latest) r.entries.set(k, v);
  }
}

interface Versioned {
  /** undefined once removed (kept so the removal spreads). */
  value: unknown;
  seq: number;
}

export class FakeSyncArea implements SyncArea {
  readonly entries = new Map<string, Versioned>();
  /** Times of accepted write operations. */
  readonly writeTimes: number[] = [];
  /** Counts every call, accepted or not. */
  calls = { get: 0, set: 0, remove: 0 };
  /** Writes refused for a rate limit or a quota the test did not inject (the caller went over one). */
  refused = { rate: 0, quota: 0 };
  private failures: Error[] = [];
  /** Called before every operation (a test's stop point: it may throw). */
  beforeOp: ((op: 'get' | 'set' | 'remove') => void) | null = null;

  constructor(
    private readonly cloud: FakeSyncCloud,
    private readonly now: () => number,
  ) {}

  /** Makes the next write throw this error (once). */
  failNextWrite(message: string): void {
    this.failures.push(new Error(message));
  }

  /** Forgets failures made to order that no write has met yet. */
  clearFailures(): void {
    this.failures = [];
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.entries) if (v.value !== undefined) out[k] = structuredClone(v.value);
    return out;
  }

  bytesInUse(): number {
    let total = 0;
    for (const [k, v] of Object.entries(this.snapshot())) total += itemBytes(k, v);
    return total;
  }

  async get(): Promise<Record<string, unknown>> {
    this.beforeOp?.('get');
    this.calls.get++;
    return this.snapshot();
  }

  private checkRate(): void {
    const now = this.now();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const lastMinute = this.writeTimes.filter((t) => t > now - 60_000).length;
    const lastHour = this.writeTimes.filter((t) => t > now - 3_600_000).length;
    if (lastMinute >= SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE) {
      this.refused.rate++;
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    if (lastHour >= SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR) {
      this.refused.rate++;
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
  }

  private overQuota(message: string): never {
    this.refused.quota++;
    throw new Error(message);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.beforeOp?.('set');
    this.calls.set++;
    this.checkRate();
    const next = this.snapshot();
    for (const [k, v] of Object.entries(items)) {
      if (itemBytes(k, v) > SYNC_QUOTA.QUOTA_BYTES_PER_ITEM) this.overQuota('QUOTA_BYTES_PER_ITEM quota exceeded');
      next[k] = v;
    }
    if (Object.keys(next).length > SYNC_QUOTA.MAX_ITEMS) this.overQuota('MAX_ITEMS quota exceeded');
    let total = 0;
    for (const [k, v] of Object.entries(next)) total += itemBytes(k, v);
    if (total > SYNC_QUOTA.QUOTA_BYTES) this.overQuota('QUOTA_BYTES quota exceeded');
    this.writeTimes.push(this.now());
    for (const [k, v] of Object.entries(items)) this.entries.set(k, { value: structuredClone(v), seq: this.cloud.nextSeq() });
    this.cloud.written();
  }

  async remove(keys: string[]): Promise<void> {
    this.beforeOp?.('remove');
    this.calls.remove++;
    this.checkRate();
    this.writeTimes.push(this.now());
    for (const k of keys) if (this.entries.has(k)) this.entries.set(k, { value: undefined, seq: this.cloud.nextSeq() });
    this.cloud.written();
  }
}

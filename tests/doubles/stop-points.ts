import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBCursor, IDBFactory, IDBIndex, IDBObjectStore } from 'fake-indexeddb';

/**
 * Test helper: a service worker stopped at any `await`. Every operation the background waits on — each
 * storage.local / sync / session call, each alarms call, each IndexedDB open, delete and request — is a stop
 * point. Armed at N, the Nth operation throws "worker stopped", and so does every later one until the
 * restart, as nothing of a stopped worker runs on: an IndexedDB transaction it had open is aborted (a killed
 * worker's transactions never commit). The stores themselves (fakeBrowser's areas, fake-indexeddb) are kept
 * for the next start.
 *
 * `atEveryStop` runs an operation once through to count its stop points, then once for each of them from a
 * fresh setup: stop there, let the dead worker's work settle, restart (the test's start-up recovery over the
 * same stores) and check.
 */

export const STOPPED = 'worker stopped';

const AREAS = ['local', 'sync', 'session'] as const;
const AREA_METHODS = ['get', 'set', 'remove', 'clear'] as const;
const ALARM_METHODS = ['create', 'clear', 'clearAll', 'get', 'getAll'] as const;
const STORE_METHODS = [
  'add',
  'put',
  'get',
  'getAll',
  'getAllKeys',
  'getKey',
  'delete',
  'clear',
  'count',
  'openCursor',
  'openKeyCursor',
];
const INDEX_METHODS = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
const CURSOR_METHODS = ['continue', 'advance', 'update', 'delete'];
const FACTORY_METHODS = ['open', 'deleteDatabase'];

type Patch = { target: Record<string, unknown>; name: string; original: unknown };

/** The transaction an IndexedDB request object belongs to. */
function transactionOf(self: unknown): { abort(): void } | null {
  if (self instanceof IDBObjectStore) return self.transaction;
  if (self instanceof IDBIndex) return self.objectStore.transaction;
  if (self instanceof IDBCursor) {
    const source = self.source as IDBObjectStore | IDBIndex;
    return source instanceof IDBIndex ? source.objectStore.transaction : source.transaction;
  }
  return null;
}

export class StopPoints {
  /** Operations seen since the last reset. */
  count = 0;
  /** What each operation was, in order (for a failing test's message). */
  readonly trace: string[] = [];
  private stopAt = Infinity;
  private stopped = false;
  private patches: Patch[] = [];
  private rejectionListeners: NodeJS.UnhandledRejectionListener[] = [];

  /** Arms the stop at the `n`th operation from now (1-based). */
  arm(n: number): void {
    this.count = 0;
    this.trace.length = 0;
    this.stopAt = n;
    this.stopped = false;
  }

  /** Counts from zero with no stop. */
  reset(): void {
    this.arm(Infinity);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private pass(what: string, self: unknown): void {
    if (!this.stopped) {
      this.count++;
      this.trace.push(what);
      if (this.count < this.stopAt) return;
      this.stopped = true;
    }
    try {
      transactionOf(self)?.abort();
    } catch {
      // Already finished or aborted.
    }
    throw new Error(`${STOPPED} (at ${what})`);
  }

  private patch(target: Record<string, unknown>, name: string, label: string): void {
    const original = target[name];
    if (typeof original !== 'function') return;
    this.patches.push({ target, name, original });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const points = this;
    target[name] = function (this: unknown, ...args: unknown[]) {
      points.pass(label, this);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }

  /**
   * Puts the stop points in place. A stopped worker's leftovers (a transaction's `done` it never awaited, a
   * detached round) reject with nobody to hear them: those rejections are dropped; any other still fails the test.
   */
  install(): void {
    for (const area of AREAS) {
      const target = fakeBrowser.storage[area] as unknown as Record<string, unknown>;
      for (const m of AREA_METHODS) this.patch(target, m, `storage.${area}.${m}`);
    }
    for (const m of ALARM_METHODS) this.patch(fakeBrowser.alarms as unknown as Record<string, unknown>, m, `alarms.${m}`);
    for (const m of STORE_METHODS)
      this.patch(IDBObjectStore.prototype as unknown as Record<string, unknown>, m, `idb.store.${m}`);
    for (const m of INDEX_METHODS) this.patch(IDBIndex.prototype as unknown as Record<string, unknown>, m, `idb.index.${m}`);
    for (const m of CURSOR_METHODS) this.patch(IDBCursor.prototype as unknown as Record<string, unknown>, m, `idb.cursor.${m}`);
    for (const m of FACTORY_METHODS) this.patch(IDBFactory.prototype as unknown as Record<string, unknown>, m, `idb.${m}`);
    this.rejectionListeners = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', (reason, promise) => {
      const text = reason instanceof Error ? `${reason.name} ${reason.message}` : String(reason);
      if (text.includes(STOPPED) || /AbortError|InvalidStateError|TransactionInactiveError/.test(text)) return;
      for (const l of this.rejectionListeners) l(reason, promise);
    });
  }

  uninstall(): void {
    for (const { target, name, original } of this.patches.reverse()) target[name] = original;
    this.patches = [];
    process.removeAllListeners('unhandledRejection');
    for (const l of this.rejectionListeners) process.on('unhandledRejection', l);
  }
}

/** Lets a stopped worker's leftover work run out (fake-indexeddb and fakeBrowser settle on timers). */
export async function settle(points: StopPoints): Promise<void> {
  let last = -1;
  let attempts = 0;
  for (let still = 0; still < 3 && attempts < 200; attempts++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const seen = points.count + points.trace.length;
    still = seen === last ? still + 1 : 0;
    last = seen;
  }
}

export interface StopCase<T> {
  /** A fresh world: stores, this browser's data, what the test will compare with. */
  setup(): Promise<T>;
  /** The operation, as the background runs it. May reject (a stopped worker's) or resolve. */
  run(world: T): Promise<unknown>;
  /** The next start of the background over the same stores: its start-up recovery, and what a person does next. */
  restart(world: T): Promise<void>;
  /** What must hold after the restart; `stoppedAt` is null for the run that was not stopped. */
  check(world: T, stoppedAt: number | null, trace: readonly string[]): Promise<void>;
}

/**
 * Runs `c` once unstopped (counting its stop points), then stopped at each point in turn. Returns the number
 * of stop points. `teardown` runs after each pass (close connections, forget listeners).
 */
export async function atEveryStop<T>(points: StopPoints, c: StopCase<T>, teardown?: () => Promise<void>): Promise<number> {
  const pass = async (n: number | null): Promise<number> => {
    const world = await c.setup();
    points.install();
    let counted: number;
    let trace: string[];
    try {
      if (n === null) points.reset();
      else points.arm(n);
      await c.run(world).catch((err: unknown) => {
        if (n === null || !points.isStopped) throw err;
      });
      await settle(points);
      counted = points.count;
      trace = [...points.trace];
    } finally {
      points.uninstall();
    }
    await c.restart(world);
    await c.check(world, n, trace);
    await teardown?.();
    return counted;
  };
  const total = await pass(null);
  for (let n = 1; n <= total; n++) {
    try {
      await pass(n);
    } catch (err) {
      (err as Error).message = `stopped at operation ${n} of ${total}: ${(err as Error).message}`;
      throw err;
    }
  }
  return total;
}

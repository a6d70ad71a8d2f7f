import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, listBreaks, openLog } from '../log/db';
import type { Session } from '../session/types';
import { PAUSE_LIMIT_MS } from '../session/types';
import { deviceIdItem, sessionItem } from '../storage/items';
import { speakEnglish } from '../../tests/unit/english';
import { SESSION_ALARM } from './alarm';
import { logOutboxItem, retryDelay } from './log-outbox';
import { dispatch } from './session-service';
import { requestSync } from './sync-service';
import { oneMinutePlan } from '../../tests/fixtures/one-minute-plan';

/**
 * A finished break whose log write fails is not lost: the real IndexedDB write is made to fail (the database
 * was upgraded by a newer version, so this one cannot open it), and the break waits in the outbox with its
 * alarm until the store works again, then is logged exactly once.
 */

const T0 = Date.UTC(2026, 4, 4, 9);
let clock = T0;
const now = () => clock;
const plan = oneMinutePlan('forearms');

async function logged() {
  const db = await openLog();
  try {
    return await listBreaks(db);
  } finally {
    db.close();
  }
}

/** Makes the log unopenable for this version, as an upgrade by a newer one would (VersionError). */
function breakTheStore(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 99);
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}

/** Repairs it: the newer version's database goes, this version creates its own again. */
function repairTheStore(): Promise<void> {
  return new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(DB_NAME);
    del.onsuccess = () => resolve();
    del.onerror = () => reject(del.error);
  });
}

const alarmAt = async () => (await fakeBrowser.alarms.get(SESSION_ALARM))?.scheduledTime;

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  speakEnglish();
  clock = T0;
  await deviceIdItem.setValue('aaaa1111-0000-4000-8000-000000000000');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  await requestSync();
  vi.restoreAllMocks();
});

describe('a failed log write', () => {
  it('keeps the break pending, retries with backoff, and logs it exactly once when the store works', async () => {
    await dispatch({ type: 'start', id: 'break-1', plan }, now);
    clock += 20_000;
    await breakTheStore();
    const ended = (await dispatch({ type: 'end' }, now)) as Session;
    expect(ended.status).toBe('ended');
    expect(ended.saved).toBe(false);
    expect((await sessionItem.getValue()) as Session).toMatchObject({ status: 'ended', saved: false });
    expect((await logOutboxItem.getValue()).entries.map((e) => e.id)).toEqual(['break-1']);
    expect(await alarmAt()).toBe(clock + retryDelay(1));
    expect(console.error).toHaveBeenCalled();

    // Close does not lose it: the session goes, the entry waits.
    clock += 2_000;
    expect((await dispatch({ type: 'dismiss' }, now)).status).toBe('idle');
    expect((await logOutboxItem.getValue()).entries).toHaveLength(1);
    expect(await alarmAt()).toBe(T0 + 20_000 + retryDelay(1));

    // The retry fails too: the next one waits longer.
    clock = (await alarmAt())!;
    await dispatch({ type: 'tick' }, now);
    expect(await logOutboxItem.getValue()).toMatchObject({ attempts: 2, retryAt: clock + retryDelay(2) });
    expect(retryDelay(2)).toBeGreaterThan(retryDelay(1));

    // A new break meanwhile, while the store is still broken: both wait.
    await dispatch({ type: 'start', id: 'break-2', plan }, now);
    clock += 70_000;
    const second = (await dispatch({ type: 'tick' }, now)) as Session;
    expect(second).toMatchObject({ status: 'finished', saved: false });
    expect((await logOutboxItem.getValue()).entries.map((e) => e.id)).toEqual(['break-1', 'break-2']);

    // The store works again; the alarm's wake writes both, once each.
    await repairTheStore();
    clock = (await alarmAt())!;
    const after = (await dispatch({ type: 'tick' }, now)) as Session;
    expect(after.saved).toBe(true);
    expect((await logged()).map((e) => e.id).sort()).toEqual(['break-1', 'break-2']);
    expect(await logOutboxItem.getValue()).toEqual({ entries: [], attempts: 0, retryAt: null });
    // Replaying the same end (a worker that died before recording it) adds nothing.
    clock += 1_000;
    await dispatch({ type: 'tick' }, now);
    expect(await logged()).toHaveLength(2);
    expect(await alarmAt()).toBeUndefined();
  });

  it('says Saved at once when the write works', async () => {
    await dispatch({ type: 'start', id: 'break-3', plan }, now);
    clock += 61_000;
    expect(await dispatch({ type: 'tick' }, now)).toMatchObject({ status: 'finished', saved: true });
    expect(await logged()).toHaveLength(1);
    expect(console.error).not.toHaveBeenCalled();
  });
});

describe('a long pause', () => {
  it('has an alarm at the pause limit, and the wake ends and logs the break at the moment it was paused', async () => {
    await dispatch({ type: 'start', id: 'break-4', plan }, now);
    clock += 10_000;
    await dispatch({ type: 'pause' }, now);
    expect(await alarmAt()).toBe(clock + PAUSE_LIMIT_MS);
    const pausedAt = clock;
    clock += 2 * 24 * 3_600_000;
    expect(await dispatch({ type: 'tick' }, now)).toMatchObject({ status: 'ended', endedAt: pausedAt, saved: true });
    expect((await logged())[0]).toMatchObject({ id: 'break-4', endedAt: pausedAt, activeSeconds: 10, completed: false });
  });
});

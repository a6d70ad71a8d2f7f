import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUEUE_ORDER, detached, serial, watchQueues, type QueueName } from './serial';
import { deviceIdItem, sessionItem } from '../storage/items';
import { deleteAll } from './data/log-requests';
import { dispatch } from './session-service';
import { requestSync } from './sync-service';
import { oneMinutePlan } from '../../tests/fixtures/one-minute-plan';
import { speakEnglish } from '../../tests/unit/english';

/**
 * The lock order of the background's queues (QUEUE_ORDER in serial.ts), held by watching every job: the
 * queues a job runs inside of are carried along its async calls (Node's AsyncLocalStorage), so a job that
 * waits for another queue's job is seen from inside it. A job inside a queue that comes after its own in
 * the order (or inside its own queue: it would wait for itself) is an inversion.
 */
const held = new AsyncLocalStorage<QueueName[]>();
let waits: Array<{ inside: QueueName[]; queue: QueueName }> = [];

const rank = (queue: QueueName) => QUEUE_ORDER.indexOf(queue);
const inversions = () => waits.filter(({ inside, queue }) => inside.some((outer) => rank(outer) >= rank(queue)));

beforeEach(() => {
  waits = [];
  watchQueues({
    job(queue, run) {
      const inside = held.getStore() ?? [];
      waits.push({ inside, queue });
      return held.run([...inside, queue], run);
    },
    detached: (start) => held.run([], start),
  });
});
afterEach(() => watchQueues(null));

describe('the lock order of the background queues', () => {
  it('sees a job that waits for a queue before its own as an inversion', async () => {
    const sync = serial('sync');
    const session = serial('session');
    await session(() => sync(async () => 'waits the wrong way'));
    expect(inversions()).toEqual([{ inside: ['session'], queue: 'sync' }]);
  });

  it('allows waiting down the order, and work started detached holds no lock', async () => {
    const sync = serial('sync');
    const session = serial('session');
    await sync(() => session(async () => 'sync waits for session'));
    let round: Promise<unknown> = Promise.resolve();
    await session(async () => {
      round = detached(() => sync(async () => 'a round nobody waits for'));
    });
    await round;
    expect(waits).toContainEqual({ inside: ['sync'], queue: 'session' });
    expect(waits).toContainEqual({ inside: [], queue: 'sync' });
    expect(inversions()).toEqual([]);
  });

  describe('in the background', () => {
    beforeEach(async () => {
      fakeBrowser.reset();
      speakEnglish();
      globalThis.indexedDB = new IDBFactory();
      await deviceIdItem.setValue('aaaa1111-0000-4000-8000-000000000000');
    });

    it('Delete all runs in the sync queue and waits for the session queue', async () => {
      await dispatch({ type: 'start', id: 'b1', plan: oneMinutePlan() });
      expect(await deleteAll()).toEqual({});
      await requestSync();
      expect(waits).toContainEqual({ inside: ['sync'], queue: 'session' });
      expect((await sessionItem.getValue()).status).toBe('idle');
      expect(inversions()).toEqual([]);
    });

    it('a finished break starts its sync round without waiting for it inside the session queue', async () => {
      const t0 = Date.now();
      await dispatch({ type: 'start', id: 'b2', plan: oneMinutePlan() }, () => t0);
      await dispatch({ type: 'tick' }, () => t0 + 61_000);
      expect((await sessionItem.getValue()).status).toBe('finished');
      await requestSync();
      // The round the logged break started, and the one this test waits for (which joins it or follows it).
      expect(waits.filter((w) => w.queue === 'sync').length).toBeGreaterThan(0);
      expect(inversions()).toEqual([]);
    });
  });
});

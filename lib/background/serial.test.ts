import { describe, expect, it } from 'vitest';
import { serial } from './serial';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('serial', () => {
  it('runs jobs started together one after another, in order', async () => {
    const run = serial();
    const log: string[] = [];
    const gateA = deferred();
    const gateB = deferred();

    const a = run(async () => {
      log.push('a start');
      await gateA.promise;
      log.push('a end');
      return 'a';
    });
    const b = run(async () => {
      log.push('b start');
      await gateB.promise;
      log.push('b end');
      return 'b';
    });
    const c = run(async () => {
      log.push('c start');
      return 'c';
    });

    await settle();
    expect(log).toEqual(['a start']);
    gateB.resolve(); // b is ready first, but must still wait for a
    await settle();
    expect(log).toEqual(['a start']);
    gateA.resolve();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start']);
  });

  it('a read-modify-write queue does not lose updates', async () => {
    const run = serial();
    let stored = 0;
    const increment = () =>
      run(async () => {
        const read = stored;
        await settle();
        stored = read + 1;
      });
    await Promise.all([increment(), increment(), increment()]);
    expect(stored).toBe(3);
  });

  it('a rejected job passes its error to its caller and does not block later jobs', async () => {
    const run = serial();
    const gate = deferred();
    const failing = run(async () => {
      await gate.promise;
      throw new Error('boom');
    });
    const thrownSync = run(() => {
      throw new Error('sync boom');
    });
    const later = run(async () => 'ran');
    gate.resolve();
    await expect(failing).rejects.toThrow('boom');
    await expect(thrownSync).rejects.toThrow('sync boom');
    await expect(later).resolves.toBe('ran');
  });

  it('keeps separate queues independent', async () => {
    const first = serial();
    const second = serial();
    const gate = deferred();
    const blocked = first(() => gate.promise);
    await expect(second(async () => 'free')).resolves.toBe('free');
    gate.resolve();
    await blocked;
  });
});

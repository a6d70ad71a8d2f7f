/**
 * Runs async jobs one after another. Two messages arriving together (a click in the popup while an alarm
 * fires) must not both read the old session and both write: each read-modify-write waits for the last.
 */
export function serial() {
  let last: Promise<unknown> = Promise.resolve();
  return function run<T>(job: () => Promise<T>): Promise<T> {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}

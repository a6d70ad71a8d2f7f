/**
 * The background's queues, in LOCK ORDER: a job running in one queue may wait for a job of a queue after it
 * in this list, never for one before it, so two queues can never wait for each other. Today one job waits
 * across queues: "Delete all my data" runs in the sync queue (no round may publish records halfway through)
 * and waits for the session queue to stop the break in progress (data/log-requests.ts → resetSession).
 * A job that only starts work in another queue without waiting for it (a sync round after a break is
 * logged) starts it `detached`, and holds no lock there. serial.test.ts holds this order.
 */
export const QUEUE_ORDER = ['sync', 'session', 'settings', 'reminders', 'e2e'] as const;
export type QueueName = (typeof QUEUE_ORDER)[number];

/** Tests only: sees each named queue's jobs run, and work started detached (to check the lock order). */
export interface QueueWatch {
  job<T>(queue: QueueName, run: () => Promise<T>): Promise<T>;
  detached<T>(run: () => T): T;
}
let watch: QueueWatch | null = null;
export function watchQueues(next: QueueWatch | null): void {
  watch = next;
}

/**
 * Runs async jobs one after another. Two messages arriving together (a click in the popup while an alarm
 * fires) must not both read the old session and both write: each read-modify-write waits for the last.
 */
export function serial(name?: QueueName) {
  let last: Promise<unknown> = Promise.resolve();
  return function run<T>(job: () => Promise<T>): Promise<T> {
    const watched = watch && name ? () => watch!.job(name, job) : job;
    const next = last.then(watched, watched);
    last = next.catch(() => undefined);
    return next;
  };
}

/** Starts work in another queue that the current job does not wait for (see QUEUE_ORDER). */
export function detached<T>(start: () => T): T {
  return watch ? watch.detached(start) : start();
}

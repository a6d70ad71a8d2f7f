/**
 * A pure limiter for storage.sync writes. Chrome allows 120 write operations (each set/remove/clear call,
 * however many items) a minute and 1,800 an hour, and rejects the call past either. The log keeps under
 * both with a margin for the extension's other sync writes (settings): by default 100 a minute and 1,500
 * an hour. The history is the list of recent write times, kept in storage between service-worker wakes.
 */

export interface RateLimits {
  perMinute: number;
  perHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 100, perHour: 1_500 };

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Drops write times older than an hour (and any from the future, after a clock change), oldest first. */
export function pruneWrites(history: readonly number[], now: number): number[] {
  return history.filter((t) => Number.isFinite(t) && t > now - HOUR && t <= now).sort((a, b) => a - b);
}

/**
 * The earliest time at or after `now` when `ops` more writes keep within both limits.
 * Infinity when `ops` alone exceeds a limit.
 */
export function nextWriteAt(history: readonly number[], now: number, ops = 1, limits: RateLimits = DEFAULT_RATE_LIMITS): number {
  if (ops <= 0) return now;
  if (ops > limits.perMinute || ops > limits.perHour) return Infinity;
  const recent = pruneWrites(history, now);
  let at = now;
  for (const [window, limit] of [
    [MINUTE, limits.perMinute],
    [HOUR, limits.perHour],
  ] as const) {
    const inWindow = recent.filter((t) => t > now - window);
    const excess = inWindow.length + ops - limit;
    // The window frees up when its `excess`-th oldest write leaves it.
    if (excess > 0) at = Math.max(at, inWindow[excess - 1]! + window);
  }
  return at;
}

/** The history after `ops` writes at `now`, pruned. */
export function recordWrites(history: readonly number[], now: number, ops: number): number[] {
  return [...pruneWrites(history, now), ...Array.from({ length: Math.max(0, ops) }, () => now)];
}

import { describe, expect, it } from 'vitest';
import { DEFER_RETRY_MS, MAX_DEFER_MS, deferredRetryAt, shouldDeferReminder } from './defer';

const T0 = 1_774_000_000_000;

describe('shouldDeferReminder', () => {
  it('holds a reminder back in fullscreen or on an audible tab, fullscreen first', () => {
    expect(shouldDeferReminder({ fullscreen: false, audible: false })).toBeNull();
    expect(shouldDeferReminder({ fullscreen: true, audible: false })).toBe('fullscreen');
    expect(shouldDeferReminder({ fullscreen: false, audible: true })).toBe('audible');
    expect(shouldDeferReminder({ fullscreen: true, audible: true })).toBe('fullscreen');
  });

  it('stops holding it back after the maximum wait', () => {
    const moment = { fullscreen: true, audible: true, deferredSince: T0 };
    expect(shouldDeferReminder({ ...moment, now: T0 + MAX_DEFER_MS - 1 })).toBe('fullscreen');
    expect(shouldDeferReminder({ ...moment, now: T0 + MAX_DEFER_MS })).toBeNull();
    expect(shouldDeferReminder({ ...moment, deferredSince: null, now: T0 + MAX_DEFER_MS })).toBe('fullscreen');
  });
});

describe('deferredRetryAt', () => {
  it('retries a minute later, but not past the end of the maximum wait', () => {
    expect(deferredRetryAt(T0)).toBe(T0 + DEFER_RETRY_MS);
    expect(deferredRetryAt(T0 + MAX_DEFER_MS - 10_000, T0)).toBe(T0 + MAX_DEFER_MS);
    expect(deferredRetryAt(T0 + 60_000, T0)).toBe(T0 + 60_000 + DEFER_RETRY_MS);
  });
});

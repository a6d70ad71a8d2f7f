import { describe, expect, it } from 'vitest';
import { DEFER_RETRY_MS, MAX_DEFER_MS, deferredRetryAt, holdBack, shouldDeferReminder } from './defer';
import { initialReminderState } from './state';
import { MINUTE_MS } from './types';

const T0 = 1_774_000_000_000;

describe('shouldDeferReminder', () => {
  it('holds a reminder back in fullscreen or on an audible tab, fullscreen first', () => {
    expect(shouldDeferReminder({ fullscreen: false, audible: false })).toBeNull();
    expect(shouldDeferReminder({ fullscreen: true, audible: false })).toBe('fullscreen');
    expect(shouldDeferReminder({ fullscreen: false, audible: true })).toBe('audible');
    expect(shouldDeferReminder({ fullscreen: true, audible: true })).toBe('fullscreen');
  });

  it('stops holding it back for sound after the maximum wait', () => {
    const moment = { fullscreen: false, audible: true, deferredSince: T0 };
    expect(shouldDeferReminder({ ...moment, now: T0 + MAX_DEFER_MS - 1 })).toBe('audible');
    expect(shouldDeferReminder({ ...moment, now: T0 + MAX_DEFER_MS })).toBeNull();
    expect(shouldDeferReminder({ ...moment, deferredSince: null, now: T0 + MAX_DEFER_MS })).toBe('audible');
  });

  it('holds it back for fullscreen however long that lasts', () => {
    const moment = { fullscreen: true, audible: true, deferredSince: T0 };
    expect(shouldDeferReminder({ ...moment, now: T0 + MAX_DEFER_MS })).toBe('fullscreen');
    expect(shouldDeferReminder({ ...moment, now: T0 + 5 * 60 * MINUTE_MS })).toBe('fullscreen');
  });
});

describe('deferredRetryAt', () => {
  it('retries sound a minute later, but not past the end of the maximum wait', () => {
    expect(deferredRetryAt(T0)).toBe(T0 + DEFER_RETRY_MS);
    expect(deferredRetryAt(T0 + MAX_DEFER_MS - 10_000, T0)).toBe(T0 + MAX_DEFER_MS);
    expect(deferredRetryAt(T0 + 60_000, T0)).toBe(T0 + 60_000 + DEFER_RETRY_MS);
  });

  it('retries fullscreen every minute, with no end', () => {
    expect(deferredRetryAt(T0 + MAX_DEFER_MS - 10_000, T0, 'fullscreen')).toBe(T0 + MAX_DEFER_MS - 10_000 + DEFER_RETRY_MS);
    expect(deferredRetryAt(T0 + 3 * MAX_DEFER_MS, T0, 'fullscreen')).toBe(T0 + 3 * MAX_DEFER_MS + DEFER_RETRY_MS);
  });
});

describe('holdBack', () => {
  const due = initialReminderState(T0 - 60 * MINUTE_MS);

  it('shows a reminder at a good moment and leaves the state alone', () => {
    expect(holdBack(due, { fullscreen: false, audible: false }, T0)).toEqual({ reason: null });
  });

  it('keeps a reminder back through 95 minutes of fullscreen, looking again every minute, then lets it through', () => {
    let state = due;
    for (let minute = 0; minute <= 95; minute++) {
      const now = T0 + minute * MINUTE_MS;
      const decision = holdBack(state, { fullscreen: true, audible: false }, now);
      expect(decision.reason).toBe('fullscreen');
      if (decision.reason === null) return;
      // Fullscreen does not start the sound cap's clock.
      expect(decision.state.deferredSince).toBeNull();
      expect(decision.retryAt).toBe(now + MINUTE_MS);
      state = decision.state;
    }
    expect(holdBack(state, { fullscreen: false, audible: false }, T0 + 96 * MINUTE_MS)).toEqual({ reason: null });
  });

  it('keeps sound in the active tab to 20 minutes, counted from when sound began to hold it', () => {
    const first = holdBack(due, { fullscreen: false, audible: true }, T0);
    expect(first).toMatchObject({ reason: 'audible', retryAt: T0 + MINUTE_MS });
    if (first.reason === null) return;
    expect(first.state.deferredSince).toBe(T0);
    const later = holdBack(first.state, { fullscreen: false, audible: true }, T0 + 19.5 * MINUTE_MS);
    expect(later).toMatchObject({ reason: 'audible', retryAt: T0 + MAX_DEFER_MS });
    expect(holdBack(first.state, { fullscreen: false, audible: true }, T0 + MAX_DEFER_MS)).toEqual({ reason: null });
  });

  it('gives a call after a long fullscreen its own 20 minutes', () => {
    const film = holdBack(due, { fullscreen: true, audible: false }, T0);
    if (film.reason === null) throw new Error('not held back');
    const call = holdBack(film.state, { fullscreen: false, audible: true }, T0 + 120 * MINUTE_MS);
    expect(call).toMatchObject({ reason: 'audible', state: { deferredSince: T0 + 120 * MINUTE_MS } });
  });

  it('fullscreen holds a reminder back even after sound used up its 20 minutes', () => {
    const sound = holdBack(due, { fullscreen: false, audible: true }, T0);
    if (sound.reason === null) throw new Error('not held back');
    expect(holdBack(sound.state, { fullscreen: true, audible: true }, T0 + 45 * MINUTE_MS)).toMatchObject({
      reason: 'fullscreen',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { nextReminder } from './schedule';
import {
  MAX_ACTIVITY_RECORDS,
  compact,
  deferReminder,
  initialReminderState,
  normalizeReminderState,
  pauseFor,
  pausedUntil,
  recordActivity,
  recordBreak,
  reminderShown,
  snooze,
} from './state';
import type { ActivityRecord, ReminderSettings, ReminderState } from './types';
import { DEFAULT_REMINDER_SETTINGS } from './types';

const t = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const BERLIN = 'Europe/Berlin';
const tue = (hhmm: string) => t(`2026-03-24T${hhmm}+01:00`);
const D: ReminderSettings = DEFAULT_REMINDER_SETTINGS;

/** Freezes deeply, so a reducer that mutates its input throws (test modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('recordActivity', () => {
  it('keeps the history alternating, each away run starting at its first record', () => {
    let st = deepFreeze(initialReminderState(tue('10:00')));
    st = recordActivity(st, { at: tue('10:31'), state: 'idle' }, D, 60);
    const same = recordActivity(st, { at: tue('10:32'), state: 'locked' }, D, 60);
    expect(same).toBe(st);
    st = recordActivity(st, { at: tue('10:33'), state: 'active' }, D, 60);
    expect(st.activity).toEqual([
      { at: tue('10:30'), state: 'idle' },
      { at: tue('10:33'), state: 'active' },
    ]);
  });

  it('never back-dates an idle record past the previous record', () => {
    let st = recordActivity(initialReminderState(tue('10:00')), { at: tue('10:30') + 20_000, state: 'active' }, D);
    st = recordActivity(st, { at: tue('10:31'), state: 'idle' }, D, 60);
    expect(st.activity[1]).toEqual({ at: tue('10:30') + 20_000, state: 'idle' });
  });

  it('folds a completed natural break into countingSince and drops the history before it', () => {
    let st = initialReminderState(tue('10:00'));
    st = recordActivity(st, { at: tue('10:10'), state: 'locked' }, D);
    st = recordActivity(st, { at: tue('10:12'), state: 'active' }, D);
    st = recordActivity(st, { at: tue('10:20'), state: 'locked' }, D);
    expect(st.activity).toHaveLength(3);
    st = recordActivity(st, { at: tue('10:40'), state: 'active' }, D);
    expect(st.countingSince).toBe(tue('10:40'));
    expect(st.activity).toEqual([{ at: tue('10:40'), state: 'active' }]);
  });

  it('starts the count at the first record when there was none', () => {
    const st = recordActivity({ ...initialReminderState(0), countingSince: null }, { at: tue('10:00'), state: 'active' }, D);
    expect(st.countingSince).toBe(tue('10:00'));
  });
});

describe('reducers', () => {
  it('recordBreak and reminderShown restart the count and clear the snooze and deferral, never moving back', () => {
    const st = deepFreeze({ ...initialReminderState(tue('10:00')), snoozedUntil: tue('10:20'), deferredSince: tue('10:05') });
    expect(recordBreak(st, tue('10:30'))).toMatchObject({ countingSince: tue('10:30'), snoozedUntil: null, deferredSince: null });
    expect(recordBreak(st, tue('09:00')).countingSince).toBe(tue('10:00'));
    expect(reminderShown(st, tue('11:00'))).toMatchObject({ countingSince: tue('11:00'), lastReminderAt: tue('11:00') });
  });

  it('snooze keeps its minutes sane', () => {
    const st = initialReminderState(tue('10:00'));
    expect(snooze(st, 0, tue('11:00')).snoozedUntil).toBe(tue('11:01'));
    expect(snooze(st, 9.6, tue('11:00')).snoozedUntil).toBe(tue('11:10'));
    expect(snooze(st, Number.NaN, tue('11:00')).snoozedUntil).toBe(tue('11:01'));
  });

  it('pauseFor replaces a running pause and keeps past ones within the stretch', () => {
    let st = deepFreeze(initialReminderState(tue('09:00')));
    st = pauseFor(st, tue('10:00'), tue('09:30'));
    st = pauseFor(st, tue('11:00'), tue('10:30'));
    expect(st.pauses).toEqual([
      { from: tue('09:30'), until: tue('10:00') },
      { from: tue('10:30'), until: tue('11:00') },
    ]);
    expect(pausedUntil(st, tue('10:45'))).toBe(tue('11:00'));
    st = pauseFor(st, tue('12:00'), tue('10:45'));
    expect(st.pauses[1]).toEqual({ from: tue('10:30'), until: tue('12:00') });
    st = pauseFor(st, tue('10:50'), tue('10:50'));
    expect(st.pauses[1]).toEqual({ from: tue('10:30'), until: tue('10:50') });
    expect(pausedUntil(st, tue('10:55'))).toBeNull();
    expect(nextReminder(D, st, tue('11:00'), BERLIN).activeMinutesCounted).toBe(120 - 30 - 20);
  });

  it('deferReminder remembers the first deferral only', () => {
    const once = deferReminder(initialReminderState(tue('10:00')), tue('11:00'));
    expect(deferReminder(once, tue('11:01'))).toBe(once);
    expect(once.deferredSince).toBe(tue('11:00'));
  });
});

/** A deterministic pseudo-random generator, so the history below is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Four days of alternating activity: short idles, natural breaks, and nights away. */
function randomHistory(seed: number): ActivityRecord[] {
  const rnd = lcg(seed);
  const out: ActivityRecord[] = [];
  let at = tue('08:00');
  let away = false;
  while (at < t('2026-03-27T20:00+01:00')) {
    out.push({ at, state: away ? (rnd() < 0.5 ? 'idle' : 'locked') : 'active' });
    const minutes = away ? (rnd() < 0.1 ? 14 * 60 : 1 + rnd() * 9) : 3 + rnd() * 80;
    at += Math.round(minutes * MINUTE);
    away = !away;
  }
  return out;
}

describe('compaction keeps results identical', () => {
  const base: ReminderState = deepFreeze({
    ...initialReminderState(tue('09:00')),
    snoozedUntil: tue('09:10'),
    pauses: [{ from: t('2026-03-25T10:00+01:00'), until: t('2026-03-25T11:30+01:00') }],
    checkpoint: { at: tue('09:30'), countedMs: 25 * MINUTE },
  });

  for (const seed of [1, 7, 42]) {
    it(`for a random four-day history (seed ${seed}), whether compacted at once or folded as recorded`, () => {
      const records = randomHistory(seed);
      let incremental: ReminderState = base;
      let shrank = false;
      for (let i = 0; i < records.length; i++) {
        const rec = records[i]!;
        const raw: ReminderState = { ...base, activity: records.slice(0, i + 1) };
        const compacted = compact(raw, rec.at, D);
        incremental = recordActivity(incremental, rec, D, 0);
        if (compacted.activity.length < raw.activity.length) shrank = true;
        const until = records[i + 1]?.at ?? rec.at + 60 * MINUTE;
        for (const now of [rec.at, rec.at + 1000, Math.floor((rec.at + until) / 2), until - 1]) {
          const expected = nextReminder(D, raw, now, BERLIN);
          expect(nextReminder(D, compacted, now, BERLIN)).toEqual(expected);
          expect(nextReminder(D, incremental, now, BERLIN)).toEqual(expected);
        }
      }
      expect(shrank).toBe(true);
      expect(incremental.activity.length).toBeLessThan(records.length / 4);
    });
  }

  it('returns the same object when there is nothing to drop', () => {
    const st = initialReminderState(tue('10:00'));
    expect(compact(st, tue('11:00'), D)).toBe(st);
  });

  it('bounds a very long stretch without breaks by forgetting the oldest short idles', () => {
    let st = initialReminderState(tue('09:00'));
    for (let i = 0; i < 300; i++) {
      st = recordActivity(st, { at: tue('09:00') + i * 2 * MINUTE, state: 'idle' }, D, 0);
      st = recordActivity(st, { at: tue('09:00') + (i * 2 + 1) * MINUTE, state: 'active' }, D, 0);
    }
    expect(st.activity.length).toBeLessThanOrEqual(MAX_ACTIVITY_RECORDS);
    expect(st.activity.at(-1)!.state).toBe('active');
  });
});

describe('normalizeReminderState', () => {
  it('gives a fresh state for nothing or garbage', () => {
    expect(normalizeReminderState(undefined, tue('10:00'))).toEqual(initialReminderState(tue('10:00')));
    expect(normalizeReminderState('x', tue('10:00'))).toEqual(initialReminderState(tue('10:00')));
  });

  it('sorts and de-duplicates activity, drops bad entries and takes an old pausedUntil', () => {
    const st = normalizeReminderState(
      {
        countingSince: tue('09:00'),
        activity: [
          { at: tue('10:05'), state: 'active' },
          { at: tue('10:00'), state: 'idle' },
          { at: tue('10:02'), state: 'locked' },
          { at: 'soon', state: 'idle' },
          { at: tue('10:06'), state: 'asleep' },
        ],
        pausedUntil: tue('12:00'),
        snoozedUntil: Number.NaN,
        checkpoint: { at: tue('09:30'), countedMs: -5 },
      },
      tue('11:00'),
    );
    expect(st).toEqual({
      countingSince: tue('09:00'),
      activity: [
        { at: tue('10:00'), state: 'idle' },
        { at: tue('10:05'), state: 'active' },
      ],
      pauses: [{ from: tue('11:00'), until: tue('12:00') }],
      snoozedUntil: null,
      lastReminderAt: null,
      deferredSince: null,
      checkpoint: null,
    });
  });

  it('round-trips a state through JSON', () => {
    const st = pauseFor(snooze(initialReminderState(tue('09:00')), 10, tue('10:00')), tue('12:00'), tue('11:00'));
    expect(normalizeReminderState(JSON.parse(JSON.stringify(st)), tue('11:00'))).toEqual(st);
  });
});

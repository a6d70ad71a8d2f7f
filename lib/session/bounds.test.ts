import { describe, expect, it } from 'vitest';
import { reduce } from './machine';
import { activeMs, nextDueAt } from './derive';
import type { Session, SessionEvent, SessionState } from './types';
import { HOLD_DEFAULT_SECONDS, MAX_HOLDS_PER_BREAK, PAUSE_LIMIT_MS } from './types';
import { toBreakEntry } from '../log/entry';
import { checkBreak } from '../log/schema';
import { oneMinutePlan } from '../../tests/fixtures/one-minute-plan';

/** The rules that keep every break the engine logs inside the log's own rules. */

const SECOND = 1000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 4, 4, 9);

const plan = oneMinutePlan('forearms');

function run(...events: Array<[SessionEvent, number]>): Session {
  let s: SessionState = reduce({ status: 'idle' }, { type: 'start', id: 'b-1', plan }, T0);
  for (const [event, at] of events) s = reduce(s, event, at);
  if (s.status === 'idle') throw new Error('expected a session');
  return s;
}

describe('a break paused past the limit', () => {
  it('ends by itself at the moment it was paused, logged as ended', () => {
    const pausedAt = T0 + 10 * SECOND;
    const paused = run([{ type: 'pause' }, pausedAt]);
    expect(nextDueAt(paused)).toBe(pausedAt + PAUSE_LIMIT_MS);
    expect(reduce(paused, { type: 'tick' }, pausedAt + PAUSE_LIMIT_MS - 1)).toBe(paused);
    // The alarm at the due time ends it; so does any later wake, a day or a week on.
    for (const wake of [pausedAt + PAUSE_LIMIT_MS, pausedAt + 26 * HOUR, pausedAt + 7 * 24 * HOUR]) {
      const ended = reduce(paused, { type: 'tick' }, wake) as Session;
      expect(ended.status).toBe('ended');
      expect(ended.endedAt).toBe(pausedAt);
      expect(ended.pauses).toEqual([{ from: pausedAt, to: pausedAt }]);
      expect(activeMs(ended, wake)).toBe(10 * SECOND);
      const entry = toBreakEntry(ended, 'device-a')!;
      expect(entry).toMatchObject({ completed: false, activeSeconds: 10, endedAt: pausedAt });
      expect(checkBreak(entry).ok).toBe(true);
    }
  });

  it('ends rather than resumes when Resume comes after the limit', () => {
    const pausedAt = T0 + 5 * SECOND;
    const s = reduce(run([{ type: 'pause' }, pausedAt]), { type: 'resume' }, pausedAt + 30 * HOUR) as Session;
    expect(s.status).toBe('ended');
    expect(s.endedAt).toBe(pausedAt);
  });

  it('counts earlier pauses towards the limit', () => {
    const s = run(
      [{ type: 'pause' }, T0 + SECOND],
      [{ type: 'resume' }, T0 + SECOND + 3 * HOUR],
      [{ type: 'pause' }, T0 + 2 * SECOND + 3 * HOUR],
    );
    const due = nextDueAt(s)!;
    expect(due).toBe(T0 + 2 * SECOND + 3 * HOUR + PAUSE_LIMIT_MS - 3 * HOUR);
    const ended = reduce(s, { type: 'tick' }, due) as Session;
    expect(ended.status).toBe('ended');
    expect(ended.endedAt).toBe(T0 + 2 * SECOND + 3 * HOUR);
  });

  it('leaves a shorter pause alone: resume picks up where it was', () => {
    const s = reduce(run([{ type: 'pause' }, T0 + SECOND]), { type: 'resume' }, T0 + SECOND + 3 * HOUR) as Session;
    expect(s.status).toBe('running');
    expect(s.stepDeadline).toBe(T0 + 30 * SECOND + 3 * HOUR);
  });
});

describe('a clock set back', () => {
  it('never moves the break before a moment it recorded', () => {
    const s = run([{ type: 'skip' }, T0 + 10 * SECOND], [{ type: 'end' }, T0 - HOUR]);
    expect(s.status).toBe('ended');
    expect(s.endedAt).toBe(T0 + 10 * SECOND);
    expect(s.stepStarts).toEqual([T0, T0 + 10 * SECOND]);
    expect(checkBreak(toBreakEntry(s, 'device-a')).ok).toBe(true);
  });

  it('pauses and resumes at the last recorded moment at the earliest', () => {
    const s = run([{ type: 'pause' }, T0 + 20 * SECOND], [{ type: 'resume' }, T0 - 5 * HOUR]);
    expect(s.pauses).toEqual([{ from: T0 + 20 * SECOND, to: T0 + 20 * SECOND }]);
    expect(s.status).toBe('running');
  });
});

describe('knot holds', () => {
  it('take the default length for a length that is not a number', () => {
    for (const seconds of [NaN, Infinity, -Infinity]) {
      const s = reduce(run(), { type: 'holdStart', seconds }, T0 + SECOND) as Session;
      expect(s.hold?.deadline).toBe(T0 + SECOND + HOLD_DEFAULT_SECONDS * SECOND);
    }
  });

  it(`stop counting at ${MAX_HOLDS_PER_BREAK} a break`, () => {
    let s: SessionState = run();
    for (let i = 0; i < MAX_HOLDS_PER_BREAK + 5; i++) s = reduce(s, { type: 'holdRestart', seconds: 20 }, T0 + i * 100);
    expect((s as Session).holdCount).toBe(MAX_HOLDS_PER_BREAK);
  });
});

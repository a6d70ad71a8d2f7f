import { describe, expect, it } from 'vitest';
import {
  activeMs,
  breakRemainingMs,
  freshSummary,
  SUMMARY_KEEP_MS,
  holdRemainingMs,
  nextDueAt,
  pausedMsBetween,
  plannedSeconds,
  stepActiveMs,
  stepRemainingMs,
} from './derive';
import { reduce } from './machine';
import type { Plan, Session, SessionEvent, SessionState } from './types';
import { PAUSE_LIMIT_MS } from './types';
import { defaultPlan } from '../../tests/fixtures/default-plan';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = 1_700_000_000_000;
const STEP = 30 * SECOND;
const HOLD = 25 * SECOND;

/** Three 30 s steps: 90 s in all. */
function smallPlan(): Plan {
  return {
    moment: 'post',
    tool: 'roller',
    minutes: 1,
    steps: [
      { kind: 'roll', area: 'calves', side: 'left', seconds: 30 },
      { kind: 'roll', area: 'calves', side: 'right', seconds: 30 },
      { kind: 'roll', area: 'upper-back', side: null, seconds: 30 },
    ],
  };
}

function asSession(state: SessionState): Session {
  if (state.status === 'idle') throw new Error('expected a session, got idle');
  return state;
}

/** Starts `plan` at T0, then applies each [event, at] in turn. */
function run(plan: Plan, ...events: Array<[SessionEvent, number]>): Session {
  let s: SessionState = reduce({ status: 'idle' }, { type: 'start', id: 'b', plan }, T0);
  for (const [event, at] of events) s = reduce(s, event, at);
  return asSession(s);
}

describe('stepRemainingMs and holdRemainingMs', () => {
  it('count down to the deadlines while running', () => {
    const s = run(smallPlan(), [{ type: 'holdStart', seconds: 25 }, T0 + 2 * SECOND]);
    expect(stepRemainingMs(s, T0 + 10 * SECOND)).toBe(20 * SECOND);
    expect(holdRemainingMs(s, T0 + 10 * SECOND)).toBe(17 * SECOND);
  });

  it('never go below zero', () => {
    const s = run(smallPlan(), [{ type: 'holdStart', seconds: 25 }, T0 + 2 * SECOND]);
    expect(stepRemainingMs(s, T0 + HOUR)).toBe(0);
    expect(holdRemainingMs(s, T0 + HOUR)).toBe(0);
  });

  it('hold is zero without a hold, and both are zero once done', () => {
    const s = run(smallPlan());
    expect(holdRemainingMs(s, T0)).toBe(0);
    const ended = run(smallPlan(), [{ type: 'end' }, T0 + 10 * SECOND]);
    expect(stepRemainingMs(ended, T0 + 10 * SECOND)).toBe(0);
    expect(breakRemainingMs(ended, T0 + 10 * SECOND)).toBe(0);
  });
});

describe('breakRemainingMs', () => {
  it('is the whole plan at the start', () => {
    expect(breakRemainingMs(run(smallPlan()), T0)).toBe(3 * STEP);
    expect(breakRemainingMs(run(defaultPlan()), T0)).toBe(300 * SECOND);
  });

  it("is this step's remainder plus every later step", () => {
    const s = run(smallPlan(), [{ type: 'tick' }, T0 + 40 * SECOND]);
    expect(s.stepIndex).toBe(1);
    expect(breakRemainingMs(s, T0 + 40 * SECOND)).toBe(20 * SECOND + STEP);
  });

  it('is frozen while paused', () => {
    const s = run(smallPlan(), [{ type: 'pause' }, T0 + 10 * SECOND]);
    expect(breakRemainingMs(s, T0 + 10 * SECOND)).toBe(80 * SECOND);
    expect(breakRemainingMs(s, T0 + HOUR)).toBe(80 * SECOND);
  });

  it('holds still while a hold keeps a step open past its deadline', () => {
    const s = run(smallPlan(), [{ type: 'holdStart', seconds: 25 }, T0 + 20 * SECOND]);
    expect(breakRemainingMs(s, T0 + 35 * SECOND)).toBe(2 * STEP);
    expect(breakRemainingMs(s, T0 + 44 * SECOND)).toBe(2 * STEP);
  });

  it('is zero once finished', () => {
    expect(breakRemainingMs(run(smallPlan(), [{ type: 'tick' }, T0 + HOUR]), T0 + HOUR)).toBe(0);
  });
});

describe('nextDueAt', () => {
  it('is the step deadline while running without a hold', () => {
    expect(nextDueAt(run(smallPlan()))).toBe(T0 + STEP);
  });

  it('is the hold deadline while holding, even past the step deadline', () => {
    expect(nextDueAt(run(smallPlan(), [{ type: 'holdStart', seconds: 25 }, T0 + 2 * SECOND]))).toBe(T0 + 2 * SECOND + HOLD);
    expect(nextDueAt(run(smallPlan(), [{ type: 'holdStart', seconds: 25 }, T0 + 20 * SECOND]))).toBe(T0 + 20 * SECOND + HOLD);
  });

  it('is the end of the pause limit while paused, even during a hold, less the earlier pauses', () => {
    expect(nextDueAt(run(smallPlan(), [{ type: 'pause' }, T0 + SECOND]))).toBe(T0 + SECOND + PAUSE_LIMIT_MS);
    expect(nextDueAt(run(smallPlan(), [{ type: 'holdStart', seconds: 25 }, T0], [{ type: 'pause' }, T0 + SECOND]))).toBe(
      T0 + SECOND + PAUSE_LIMIT_MS,
    );
    const twice = run(
      smallPlan(),
      [{ type: 'pause' }, T0 + SECOND],
      [{ type: 'resume' }, T0 + SECOND + HOUR],
      [{ type: 'pause' }, T0 + 2 * SECOND + HOUR],
    );
    expect(nextDueAt(twice)).toBe(T0 + 2 * SECOND + HOUR + PAUSE_LIMIT_MS - HOUR);
  });

  it('is null once finished or ended', () => {
    expect(nextDueAt(run(smallPlan(), [{ type: 'tick' }, T0 + HOUR]))).toBeNull();
    expect(nextDueAt(run(smallPlan(), [{ type: 'end' }, T0 + SECOND]))).toBeNull();
  });
});

describe('plannedSeconds', () => {
  it('sums the plan', () => {
    expect(plannedSeconds(run(smallPlan()))).toBe(90);
    expect(plannedSeconds(run(defaultPlan()))).toBe(300);
  });
});

describe('pausedMsBetween', () => {
  const s = run(
    smallPlan(),
    [{ type: 'pause' }, T0 + 10 * SECOND],
    [{ type: 'resume' }, T0 + 20 * SECOND],
    [{ type: 'pause' }, T0 + 30 * SECOND],
  );

  it('counts closed and open pauses that overlap the window', () => {
    expect(pausedMsBetween(s, T0, T0 + 50 * SECOND)).toBe(10 * SECOND + 20 * SECOND);
  });

  it('counts only the overlapping part', () => {
    expect(pausedMsBetween(s, T0 + 15 * SECOND, T0 + 35 * SECOND)).toBe(5 * SECOND + 5 * SECOND);
    expect(pausedMsBetween(s, T0 + 20 * SECOND, T0 + 30 * SECOND)).toBe(0);
  });
});

describe('activeMs and stepActiveMs', () => {
  it('grow with time while running', () => {
    const s = run(smallPlan(), [{ type: 'tick' }, T0 + 40 * SECOND]);
    expect(activeMs(s, T0 + 40 * SECOND)).toBe(40 * SECOND);
    expect(stepActiveMs(s, T0 + 40 * SECOND)).toEqual([STEP, 10 * SECOND]);
  });

  it('stop growing while paused', () => {
    const s = run(smallPlan(), [{ type: 'pause' }, T0 + 12 * SECOND]);
    expect(activeMs(s, T0 + HOUR)).toBe(12 * SECOND);
    expect(stepActiveMs(s, T0 + HOUR)).toEqual([12 * SECOND]);
  });

  it('stop at the end and leave out every pause; per-step times sum to the total', () => {
    const s = run(
      smallPlan(),
      [{ type: 'pause' }, T0 + 10 * SECOND],
      [{ type: 'resume' }, T0 + 25 * SECOND], // 15 s paused in step 1, whose deadline moves to 45 s
      [{ type: 'skip' }, T0 + 50 * SECOND], // step 1 had already ended at 45 s; skips step 2 at 50 s
      [{ type: 'pause' }, T0 + 60 * SECOND],
      [{ type: 'end' }, T0 + 70 * SECOND],
    );
    expect(s.status).toBe('ended');
    expect(s.stepStarts).toEqual([T0, T0 + 45 * SECOND, T0 + 50 * SECOND]);
    expect(activeMs(s, T0 + HOUR)).toBe(70 * SECOND - 15 * SECOND - 10 * SECOND);
    const perStep = stepActiveMs(s, T0 + HOUR);
    expect(perStep).toEqual([30 * SECOND, 5 * SECOND, 10 * SECOND]);
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(activeMs(s, T0 + HOUR));
  });
});

describe('freshSummary', () => {
  it("keeps a done break's summary for a few minutes, then clears it", () => {
    const ended = run(smallPlan(), [{ type: 'end' }, T0 + 10 * SECOND]);
    expect(freshSummary(ended, T0 + 10 * SECOND)).toBe(ended);
    expect(freshSummary(ended, T0 + 10 * SECOND + SUMMARY_KEEP_MS - 1)).toBe(ended);
    expect(freshSummary(ended, T0 + 10 * SECOND + SUMMARY_KEEP_MS)).toBeNull();
  });

  it('counts from the scheduled end of a break that finished while nobody looked', () => {
    const finished = run(smallPlan(), [{ type: 'tick' }, T0 + 2 * HOUR]);
    expect(finished.status).toBe('finished');
    expect(finished.endedAt).toBe(T0 + 90 * SECOND);
    expect(freshSummary(finished, T0 + 2 * HOUR)).toBeNull();
    expect(freshSummary(finished, T0 + 100 * SECOND)).toBe(finished);
  });

  it('has no summary for a running, paused or idle break', () => {
    expect(freshSummary({ status: 'idle' }, T0)).toBeNull();
    expect(freshSummary(run(smallPlan()), T0)).toBeNull();
    expect(freshSummary(run(smallPlan(), [{ type: 'pause' }, T0 + SECOND]), T0 + 2 * SECOND)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { reduce } from './machine';
import { activeMs, breakRemainingMs, holdRemainingMs, nextDueAt, stepActiveMs, stepRemainingMs } from './derive';
import type { Plan, Session, SessionEvent, SessionState } from './types';
import { HOLD_DEFAULT_SECONDS, HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from './types';
import { defaultPlan } from '../../tests/fixtures/default-plan';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = 1_700_000_000_000;
const STEP = 30 * SECOND;
const HOLD = HOLD_DEFAULT_SECONDS * SECOND;

const IDLE: SessionState = Object.freeze({ status: 'idle' });

/** Three 30 s steps: glutes left, glutes right (a side pair), then the unsided upper back. */
function smallPlan(): Plan {
  return {
    moment: 'desk',
    tool: 'ball',
    minutes: 1,
    steps: [
      { kind: 'roll', area: 'glutes', side: 'left', seconds: 30 },
      { kind: 'roll', area: 'glutes', side: 'right', seconds: 30 },
      { kind: 'roll', area: 'upper-back', side: null, seconds: 30 },
    ],
  };
}

function asSession(state: SessionState): Session {
  if (state.status === 'idle') throw new Error('expected a session, got idle');
  return state;
}

/** Freezes a state deeply, so any mutation inside `reduce` throws (test modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Applies `event` at `at` to a frozen copy of `state`. */
function apply(state: SessionState, event: SessionEvent, at: number): SessionState {
  return reduce(deepFreeze(state), event, at);
}

function start(plan: Plan = smallPlan(), at = T0, id = 'break-1'): Session {
  return asSession(apply(IDLE, { type: 'start', id, plan }, at));
}

const tick: SessionEvent = { type: 'tick' };
const pause: SessionEvent = { type: 'pause' };
const resume: SessionEvent = { type: 'resume' };
const skip: SessionEvent = { type: 'skip' };
const end: SessionEvent = { type: 'end' };
const dismiss: SessionEvent = { type: 'dismiss' };
const holdCancel: SessionEvent = { type: 'holdCancel' };
const switchSide: SessionEvent = { type: 'switchSide' };
const holdStart = (seconds = HOLD_DEFAULT_SECONDS): SessionEvent => ({ type: 'holdStart', seconds });
const holdRestart = (seconds = HOLD_DEFAULT_SECONDS): SessionEvent => ({ type: 'holdRestart', seconds });

describe('start', () => {
  it('starts a running session on the first step', () => {
    const plan = smallPlan();
    const s = start(plan);
    expect(s).toEqual({
      id: 'break-1',
      plan,
      status: 'running',
      startedAt: T0,
      stepIndex: 0,
      stepStarts: [T0],
      stepDeadline: T0 + STEP,
      hold: null,
      holdCount: 0,
      knots: [],
      pauses: [],
      endedAt: null,
    });
  });

  it('is pure: the same inputs give equal results and the input is left alone', () => {
    const s = start();
    const snapshot = structuredClone(s);
    const a = apply(s, holdStart(), T0 + 5 * SECOND);
    const b = apply(s, holdStart(), T0 + 5 * SECOND);
    expect(a).toEqual(b);
    expect(a).not.toBe(s);
    expect(s).toEqual(snapshot);
  });

  it('is a no-op while running or paused', () => {
    const running = start();
    expect(apply(running, { type: 'start', id: 'other', plan: defaultPlan() }, T0 + SECOND)).toBe(running);
    const paused = apply(running, pause, T0 + SECOND);
    expect(apply(paused, { type: 'start', id: 'other', plan: defaultPlan() }, T0 + 2 * SECOND)).toBe(paused);
  });

  it('ignores an empty plan', () => {
    expect(apply(IDLE, { type: 'start', id: 'x', plan: { ...smallPlan(), steps: [] } }, T0)).toBe(IDLE);
  });

  it('starts a fresh session after a finished one', () => {
    const finished = asSession(apply(start(), tick, T0 + 10 * MINUTE));
    expect(finished.status).toBe('finished');
    const later = T0 + HOUR;
    const fresh = asSession(apply(finished, { type: 'start', id: 'break-2', plan: defaultPlan() }, later));
    expect(fresh).toMatchObject({
      id: 'break-2',
      status: 'running',
      startedAt: later,
      stepIndex: 0,
      stepStarts: [later],
      holdCount: 0,
      pauses: [],
      endedAt: null,
    });
    expect(fresh.plan).toEqual(defaultPlan());
  });

  it('starts a fresh session after an ended one', () => {
    const ended = apply(start(), end, T0 + 10 * SECOND);
    const fresh = asSession(apply(ended, { type: 'start', id: 'break-2', plan: smallPlan() }, T0 + MINUTE));
    expect(fresh).toMatchObject({ id: 'break-2', status: 'running', startedAt: T0 + MINUTE, endedAt: null });
  });
});

describe('events that do not fit the state return the same object', () => {
  const everyEvent: SessionEvent[] = [
    tick,
    pause,
    resume,
    skip,
    end,
    dismiss,
    holdStart(),
    holdCancel,
    holdRestart(),
    switchSide,
  ];

  it.each(everyEvent.map((e) => [e.type, e] as const))('idle ignores %s', (_, event) => {
    expect(apply(IDLE, event, T0)).toBe(IDLE);
  });

  it('running ignores resume, dismiss, holdCancel without a hold, and a tick before any deadline', () => {
    const s = start();
    const at = T0 + 10 * SECOND;
    for (const event of [resume, dismiss, holdCancel, tick]) expect(apply(s, event, at)).toBe(s);
  });

  it('paused ignores pause, dismiss, holdStart, holdRestart and ticks', () => {
    const paused = apply(start(), pause, T0 + 10 * SECOND);
    const at = T0 + 20 * SECOND;
    for (const event of [pause, dismiss, holdStart(), holdRestart(), tick]) expect(apply(paused, event, at)).toBe(paused);
  });

  it.each([
    ['finished', (s: Session) => apply(s, tick, T0 + 10 * MINUTE)],
    ['ended', (s: Session) => apply(s, end, T0 + 10 * SECOND)],
  ] as const)('%s ignores everything but dismiss and start', (status, finish) => {
    const done = finish(start());
    expect(done.status).toBe(status);
    const at = T0 + HOUR;
    for (const event of everyEvent.filter((e) => e.type !== 'dismiss')) expect(apply(done, event, at)).toBe(done);
  });
});

describe('pause, resume, end and dismiss', () => {
  it('pause opens a pause interval', () => {
    const paused = asSession(apply(start(), pause, T0 + 10 * SECOND));
    expect(paused.status).toBe('paused');
    expect(paused.pauses).toEqual([{ from: T0 + 10 * SECOND, to: null }]);
    expect(paused.stepDeadline).toBe(T0 + STEP);
  });

  it('resume closes the pause and shifts the step deadline by its length', () => {
    const paused = apply(start(), pause, T0 + 10 * SECOND);
    const resumed = asSession(apply(paused, resume, T0 + 10 * SECOND + MINUTE));
    expect(resumed.status).toBe('running');
    expect(resumed.pauses).toEqual([{ from: T0 + 10 * SECOND, to: T0 + 10 * SECOND + MINUTE }]);
    expect(resumed.stepDeadline).toBe(T0 + STEP + MINUTE);
  });

  it('pause first catches up to now, so steps that ended before the pause have advanced', () => {
    const paused = asSession(apply(start(), pause, T0 + STEP + 5 * SECOND));
    expect(paused.stepIndex).toBe(1);
    expect(paused.stepStarts).toEqual([T0, T0 + STEP]);
    expect(stepRemainingMs(paused, T0 + HOUR)).toBe(25 * SECOND);
  });

  it('can pause and resume repeatedly', () => {
    let s: SessionState = start();
    s = apply(s, pause, T0 + 5 * SECOND);
    s = apply(s, resume, T0 + 15 * SECOND);
    s = apply(s, pause, T0 + 20 * SECOND);
    s = apply(s, resume, T0 + 40 * SECOND);
    const session = asSession(s);
    expect(session.pauses).toEqual([
      { from: T0 + 5 * SECOND, to: T0 + 15 * SECOND },
      { from: T0 + 20 * SECOND, to: T0 + 40 * SECOND },
    ]);
    expect(session.stepDeadline).toBe(T0 + STEP + 30 * SECOND);
    expect(activeMs(session, T0 + 40 * SECOND)).toBe(10 * SECOND);
  });

  it('end while running ends the break now', () => {
    const ended = asSession(apply(start(), end, T0 + 40 * SECOND));
    expect(ended).toMatchObject({ status: 'ended', endedAt: T0 + 40 * SECOND, stepIndex: 1, hold: null });
  });

  it('end during a hold drops the hold', () => {
    const holding = apply(start(), holdStart(), T0 + 5 * SECOND);
    const ended = asSession(apply(holding, end, T0 + 10 * SECOND));
    expect(ended).toMatchObject({ status: 'ended', hold: null, holdCount: 1, endedAt: T0 + 10 * SECOND });
  });

  it('end while paused closes the pause, and active time leaves the pause out', () => {
    const paused = apply(start(), pause, T0 + 10 * SECOND);
    const ended = asSession(apply(paused, end, T0 + 40 * SECOND));
    expect(ended.status).toBe('ended');
    expect(ended.endedAt).toBe(T0 + 40 * SECOND);
    expect(ended.pauses).toEqual([{ from: T0 + 10 * SECOND, to: T0 + 40 * SECOND }]);
    expect(activeMs(ended, T0 + HOUR)).toBe(10 * SECOND);
  });

  it('activeMs excludes paused time and the per-step times add up to it', () => {
    let s: SessionState = start();
    s = apply(s, pause, T0 + 10 * SECOND);
    s = apply(s, resume, T0 + 70 * SECOND); // a one-minute pause in the first step
    s = apply(s, tick, T0 + 95 * SECOND); // the first step ends at 30 s + 60 s of pause
    const running = asSession(s);
    expect(running.stepStarts).toEqual([T0, T0 + 90 * SECOND]);
    const ended = asSession(apply(running, end, T0 + 100 * SECOND));
    expect(activeMs(ended, T0 + HOUR)).toBe(40 * SECOND);
    const perStep = stepActiveMs(ended, T0 + HOUR);
    expect(perStep).toEqual([30 * SECOND, 10 * SECOND]);
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(activeMs(ended, T0 + HOUR));
  });

  it.each([
    ['finished', (s: Session) => apply(s, tick, T0 + 10 * MINUTE)],
    ['ended', (s: Session) => apply(s, end, T0 + 10 * SECOND)],
  ] as const)('dismiss returns a %s break to idle', (_, finish) => {
    expect(apply(finish(start()), dismiss, T0 + HOUR)).toEqual({ status: 'idle' });
  });
});

describe('steps advance at their deadlines', () => {
  it('does not advance a millisecond early', () => {
    const s = start();
    expect(apply(s, tick, T0 + STEP - 1)).toBe(s);
  });

  it('advances exactly at the deadline', () => {
    const s = asSession(apply(start(), tick, T0 + STEP));
    expect(s.stepIndex).toBe(1);
    expect(s.stepStarts).toEqual([T0, T0 + STEP]);
    expect(s.stepDeadline).toBe(T0 + 2 * STEP);
  });

  it('starts the next step at the deadline, not at the late tick', () => {
    const s = asSession(apply(start(), tick, T0 + STEP + 7 * SECOND));
    expect(s.stepIndex).toBe(1);
    expect(s.stepStarts).toEqual([T0, T0 + STEP]);
    expect(s.stepDeadline).toBe(T0 + 2 * STEP);
    expect(stepRemainingMs(s, T0 + STEP + 7 * SECOND)).toBe(23 * SECOND);
  });

  it('passes several steps in one tick and finishes at the planned end', () => {
    const s = asSession(apply(start(), tick, T0 + 3 * STEP + 5 * SECOND));
    expect(s.status).toBe('finished');
    expect(s.stepStarts).toEqual([T0, T0 + STEP, T0 + 2 * STEP]);
    expect(s.endedAt).toBe(T0 + 3 * STEP);
    expect(activeMs(s, T0 + HOUR)).toBe(3 * STEP);
  });

  it('walks the default plan step by step and finishes at 300 s', () => {
    const plan = defaultPlan();
    let s: SessionState = start(plan);
    let elapsed = 0;
    for (const [i, step] of plan.steps.entries()) {
      const session = asSession(s);
      expect(session.stepIndex).toBe(i);
      expect(session.stepStarts[i]).toBe(T0 + elapsed);
      expect(session.stepDeadline).toBe(T0 + elapsed + step.seconds * SECOND);
      elapsed += step.seconds * SECOND;
      s = apply(s, tick, T0 + elapsed);
    }
    const done = asSession(s);
    expect(elapsed).toBe(300 * SECOND);
    expect(done.status).toBe('finished');
    expect(done.endedAt).toBe(T0 + 300 * SECOND);
  });
});

describe('knot holds', () => {
  it('holdStart starts a hold from now and counts it', () => {
    const s = asSession(apply(start(), holdStart(), T0 + 2 * SECOND));
    expect(s.hold).toEqual({ startedAt: T0 + 2 * SECOND, deadline: T0 + 2 * SECOND + HOLD });
    expect(s.holdCount).toBe(1);
    expect(s.stepDeadline).toBe(T0 + STEP);
  });

  it.each([
    [5, HOLD_MIN_SECONDS],
    [0, HOLD_MIN_SECONDS],
    [60, HOLD_MAX_SECONDS],
    [HOLD_MIN_SECONDS, HOLD_MIN_SECONDS],
    [HOLD_MAX_SECONDS, HOLD_MAX_SECONDS],
    [22, 22],
    [22.6, 23],
  ])('clamps %s s to %s s', (asked, held) => {
    const s = asSession(apply(start(), holdStart(asked), T0));
    expect(s.hold!.deadline - s.hold!.startedAt).toBe(held * SECOND);
  });

  it('has a 25 s default between the bounds', () => {
    expect([HOLD_MIN_SECONDS, HOLD_DEFAULT_SECONDS, HOLD_MAX_SECONDS]).toEqual([20, 25, 30]);
  });

  it('finishes by time: a tick before the deadline keeps it, a tick after clears it', () => {
    const holding = apply(start(), holdStart(), T0 + 2 * SECOND); // hold ends at 27 s, step at 30 s
    expect(apply(holding, tick, T0 + 2 * SECOND + HOLD - 1)).toBe(holding);
    const after = asSession(apply(holding, tick, T0 + 2 * SECOND + HOLD));
    expect(after.hold).toBeNull();
    expect(after.stepIndex).toBe(0);
    expect(after.holdCount).toBe(1);
  });

  it('holdCancel drops the hold and keeps the count', () => {
    const holding = apply(start(), holdStart(), T0 + 2 * SECOND);
    const s = asSession(apply(holding, holdCancel, T0 + 5 * SECOND));
    expect(s.hold).toBeNull();
    expect(s.holdCount).toBe(1);
    expect(s.stepIndex).toBe(0);
    expect(s.stepDeadline).toBe(T0 + STEP);
  });

  it('holdCancel works while paused and the break stays paused', () => {
    let s: SessionState = apply(start(), holdStart(), T0 + 2 * SECOND);
    s = apply(s, pause, T0 + 5 * SECOND);
    const cancelled = asSession(apply(s, holdCancel, T0 + 8 * SECOND));
    expect(cancelled).toMatchObject({ status: 'paused', hold: null, holdCount: 1 });
  });

  it('holdRestart ("found another knot") starts a new hold from now and counts it', () => {
    const holding = apply(start(), holdStart(), T0 + 2 * SECOND);
    const s = asSession(apply(holding, holdRestart(), T0 + 12 * SECOND));
    expect(s.hold).toEqual({ startedAt: T0 + 12 * SECOND, deadline: T0 + 12 * SECOND + HOLD });
    expect(s.holdCount).toBe(2);
  });

  it('holdRestart clamps like holdStart', () => {
    const holding = apply(start(), holdStart(), T0);
    const s = asSession(apply(holding, holdRestart(99), T0 + SECOND));
    expect(s.hold!.deadline).toBe(T0 + SECOND + HOLD_MAX_SECONDS * SECOND);
  });

  it('holdStart while a hold runs is a no-op', () => {
    const holding = apply(start(), holdStart(), T0 + 2 * SECOND);
    expect(apply(holding, holdStart(), T0 + 3 * SECOND)).toBe(holding);
  });

  it('holdStart and holdRestart while paused are no-ops', () => {
    const paused = apply(start(), pause, T0 + 2 * SECOND);
    expect(apply(paused, holdStart(), T0 + 3 * SECOND)).toBe(paused);
    const pausedHolding = apply(apply(start(), holdStart(), T0), pause, T0 + 2 * SECOND);
    expect(apply(pausedHolding, holdRestart(), T0 + 3 * SECOND)).toBe(pausedHolding);
  });

  it("a hold that outlasts its step keeps the step open, and the next step starts at the hold's end", () => {
    const holdAt = T0 + 20 * SECOND;
    const holdEnd = holdAt + HOLD; // 45 s, past the step's 30 s
    const holding = asSession(apply(start(), holdStart(), holdAt));
    const overtime = apply(holding, tick, T0 + 40 * SECOND);
    expect(overtime).toBe(holding);
    expect(stepRemainingMs(holding, T0 + 40 * SECOND)).toBe(0);
    expect(holdRemainingMs(holding, T0 + 40 * SECOND)).toBe(holdEnd - (T0 + 40 * SECOND));

    const after = asSession(apply(holding, tick, T0 + 50 * SECOND));
    expect(after.hold).toBeNull();
    expect(after.stepIndex).toBe(1);
    expect(after.stepStarts).toEqual([T0, holdEnd]);
    expect(after.stepDeadline).toBe(holdEnd + STEP);
  });

  it("a hold that outlasts the last step finishes the break at the hold's end", () => {
    const lastStep = T0 + 2 * STEP;
    let s: SessionState = apply(start(), tick, lastStep + 20 * SECOND);
    s = apply(s, holdStart(), lastStep + 20 * SECOND);
    s = apply(s, tick, lastStep + MINUTE);
    expect(asSession(s)).toMatchObject({ status: 'finished', endedAt: lastStep + 20 * SECOND + HOLD, hold: null });
  });

  it('cancelling a hold that outlasted its step moves on from the cancel, not from the old deadline', () => {
    const holding = apply(start(), holdStart(), T0 + 20 * SECOND); // step due at 30 s, hold at 45 s
    const cancelAt = T0 + 40 * SECOND;
    const cancelled = asSession(apply(holding, holdCancel, cancelAt));
    // The result is caught up to now: the next step begins at the cancel, with its full time.
    expect(cancelled.hold).toBeNull();
    expect(cancelled.stepIndex).toBe(1);
    expect(cancelled.stepStarts).toEqual([T0, cancelAt]);
    expect(cancelled.stepDeadline).toBe(cancelAt + STEP);
    expect(apply(cancelled, tick, cancelAt)).toBe(cancelled);
  });

  it('cancelling a hold that outlasted the last step finishes the break at the cancel', () => {
    const lastStep = T0 + 2 * STEP;
    let s: SessionState = apply(start(), tick, lastStep + 20 * SECOND);
    s = apply(s, holdStart(), lastStep + 20 * SECOND);
    const done = asSession(apply(s, holdCancel, lastStep + 40 * SECOND));
    expect(done).toMatchObject({ status: 'finished', endedAt: lastStep + 40 * SECOND, hold: null });
  });

  it('cancelling an overrunning hold while paused leaves the step to end on resume', () => {
    let s: SessionState = apply(start(), holdStart(), T0 + 20 * SECOND);
    s = apply(s, pause, T0 + 40 * SECOND);
    s = apply(s, holdCancel, T0 + 50 * SECOND);
    expect(asSession(s)).toMatchObject({ status: 'paused', hold: null, stepIndex: 0 });
    const resumeAt = T0 + 2 * MINUTE;
    s = apply(s, resume, resumeAt);
    s = apply(s, tick, resumeAt);
    const after = asSession(s);
    expect(after.stepIndex).toBe(1);
    expect(after.stepStarts).toEqual([T0, resumeAt]);
    expect(after.stepDeadline).toBe(resumeAt + STEP);
    // The first step was active from 0 s to the pause at 40 s.
    expect(stepActiveMs(after, resumeAt)).toEqual([40 * SECOND, 0]);
  });
});

describe('switchSide', () => {
  it('moves from the left side to the right side now, dropping any hold', () => {
    const holding = apply(start(), holdStart(), T0 + 5 * SECOND);
    const s = asSession(apply(holding, switchSide, T0 + 10 * SECOND));
    expect(s.stepIndex).toBe(1);
    expect(s.plan.steps[s.stepIndex]).toMatchObject({ kind: 'roll', area: 'glutes', side: 'right' });
    expect(s.stepStarts).toEqual([T0, T0 + 10 * SECOND]);
    expect(s.stepDeadline).toBe(T0 + 10 * SECOND + STEP);
    expect(s.hold).toBeNull();
  });

  it('also pairs a right side followed by the left side', () => {
    const plan: Plan = {
      ...smallPlan(),
      steps: [
        { kind: 'roll', area: 'calves', side: 'right', seconds: 30 },
        { kind: 'roll', area: 'calves', side: 'left', seconds: 30 },
      ],
    };
    expect(asSession(apply(start(plan), switchSide, T0 + SECOND)).stepIndex).toBe(1);
  });

  it('is a no-op when the next step is another area', () => {
    const onRight = apply(start(), tick, T0 + STEP); // glutes right, then upper back
    expect(asSession(onRight).stepIndex).toBe(1);
    expect(apply(onRight, switchSide, T0 + STEP + SECOND)).toBe(onRight);
  });

  it('is a no-op on an unsided step and on the last step', () => {
    const onUpperBack = apply(start(), tick, T0 + 2 * STEP);
    expect(asSession(onUpperBack).stepIndex).toBe(2);
    expect(apply(onUpperBack, switchSide, T0 + 2 * STEP + SECOND)).toBe(onUpperBack);

    const unsidedFirst: Plan = {
      ...smallPlan(),
      steps: [
        { kind: 'roll', area: 'upper-back', side: null, seconds: 30 },
        { kind: 'roll', area: 'upper-back', side: null, seconds: 30 },
      ],
    };
    const s = start(unsidedFirst);
    expect(apply(s, switchSide, T0 + SECOND)).toBe(s);
  });

  it('is a no-op when the next step is the same area on the same side', () => {
    const plan: Plan = {
      ...smallPlan(),
      steps: [
        { kind: 'roll', area: 'quads', side: 'left', seconds: 30 },
        { kind: 'roll', area: 'quads', side: 'left', seconds: 30 },
      ],
    };
    const s = start(plan);
    expect(apply(s, switchSide, T0 + SECOND)).toBe(s);
  });

  it('while paused moves to the other side and stays paused with its full time', () => {
    const paused = apply(start(), pause, T0 + 10 * SECOND);
    const s = asSession(apply(paused, switchSide, T0 + 20 * SECOND));
    expect(s.status).toBe('paused');
    expect(s.stepIndex).toBe(1);
    expect(stepRemainingMs(s, T0 + HOUR)).toBe(STEP);
  });
});

describe('pausing during a hold', () => {
  const holdAt = T0 + 2 * SECOND; // hold ends at 27 s, step at 30 s
  const pauseAt = T0 + 12 * SECOND;
  const pauseLength = 3 * MINUTE;

  function pausedDuringHold(): Session {
    return asSession(apply(apply(start(), holdStart(), holdAt), pause, pauseAt));
  }

  it('freezes the hold and the step while paused', () => {
    const paused = pausedDuringHold();
    const holdLeft = holdRemainingMs(paused, pauseAt);
    const stepLeft = stepRemainingMs(paused, pauseAt);
    expect(holdLeft).toBe(15 * SECOND);
    expect(stepLeft).toBe(18 * SECOND);
    for (const later of [pauseAt + SECOND, pauseAt + 20 * SECOND, pauseAt + pauseLength, pauseAt + 5 * HOUR]) {
      expect(holdRemainingMs(paused, later)).toBe(holdLeft);
      expect(stepRemainingMs(paused, later)).toBe(stepLeft);
    }
  });

  it('does not let a hold or step finish while paused, up to the pause limit', () => {
    const paused = pausedDuringHold();
    expect(apply(paused, tick, pauseAt + 3 * HOUR)).toBe(paused);
  });

  it('resume shifts both deadlines by the pause length', () => {
    const paused = pausedDuringHold();
    const resumeAt = pauseAt + pauseLength;
    const resumed = asSession(apply(paused, resume, resumeAt));
    expect(resumed.status).toBe('running');
    expect(resumed.hold).toEqual({ startedAt: holdAt, deadline: holdAt + HOLD + pauseLength });
    expect(resumed.stepDeadline).toBe(T0 + STEP + pauseLength);
    expect(holdRemainingMs(resumed, resumeAt)).toBe(15 * SECOND);
    expect(stepRemainingMs(resumed, resumeAt)).toBe(18 * SECOND);
  });

  it('after resuming, the hold and the step finish at their shifted deadlines', () => {
    const resumed = apply(pausedDuringHold(), resume, pauseAt + pauseLength);
    const holdDone = asSession(apply(resumed, tick, holdAt + HOLD + pauseLength));
    expect(holdDone.hold).toBeNull();
    expect(holdDone.stepIndex).toBe(0);
    const stepDone = asSession(apply(holdDone, tick, T0 + STEP + pauseLength));
    expect(stepDone.stepIndex).toBe(1);
    expect(stepDone.stepStarts).toEqual([T0, T0 + STEP + pauseLength]);
  });
});

describe('a jump in now (the laptop slept mid-break)', () => {
  const plan = defaultPlan();
  const planned = 300 * SECOND;
  const midBreak = T0 + 100 * SECOND;

  it('finishes the break at its scheduled end, not at the wake-up', () => {
    const running = apply(start(plan), tick, midBreak);
    const woke = asSession(apply(running, tick, midBreak + 2 * HOUR));
    expect(woke.status).toBe('finished');
    expect(woke.endedAt).toBe(T0 + planned);
    expect(activeMs(woke, midBreak + 2 * HOUR)).toBe(planned);
    expect(woke.stepStarts).toHaveLength(plan.steps.length);
  });

  it('leaves a paused break paused with the same time left', () => {
    const paused = asSession(apply(start(plan), pause, midBreak));
    const stepLeft = stepRemainingMs(paused, midBreak);
    const breakLeft = breakRemainingMs(paused, midBreak);
    expect(breakLeft).toBe(planned - 100 * SECOND);
    const woke = asSession(apply(paused, tick, midBreak + 2 * HOUR));
    expect(woke.status).toBe('paused');
    expect(stepRemainingMs(woke, midBreak + 2 * HOUR)).toBe(stepLeft);
    expect(breakRemainingMs(woke, midBreak + 2 * HOUR)).toBe(breakLeft);
    const resumed = asSession(apply(woke, resume, midBreak + 2 * HOUR));
    expect(breakRemainingMs(resumed, midBreak + 2 * HOUR)).toBe(breakLeft);
  });

  it('during a hold finishes the hold, then the rest of the plan, on schedule', () => {
    // At 100 s the fourth step (glutes right, 90–120 s) runs; a 25 s hold ends at 125 s, 5 s past it.
    const holding = apply(apply(start(plan), tick, midBreak), holdStart(), midBreak);
    const woke = asSession(apply(holding, tick, midBreak + 2 * HOUR));
    expect(woke.status).toBe('finished');
    expect(woke.hold).toBeNull();
    expect(woke.stepStarts[4]).toBe(midBreak + HOLD);
    expect(woke.endedAt).toBe(T0 + planned + 5 * SECOND);
    expect(activeMs(woke, midBreak + 2 * HOUR)).toBe(planned + 5 * SECOND);
  });
});

describe('skip', () => {
  it('while running moves to the next step now and drops any hold', () => {
    const holding = apply(start(), holdStart(), T0 + 5 * SECOND);
    const s = asSession(apply(holding, skip, T0 + 10 * SECOND));
    expect(s).toMatchObject({ status: 'running', stepIndex: 1, hold: null, stepDeadline: T0 + 10 * SECOND + STEP });
    expect(s.stepStarts).toEqual([T0, T0 + 10 * SECOND]);
  });

  it('while paused stays paused, and the new step has its full time left', () => {
    const pauseAt = T0 + 10 * SECOND;
    const paused = apply(start(), pause, pauseAt);
    const skipped = asSession(apply(paused, skip, T0 + 20 * SECOND));
    expect(skipped.status).toBe('paused');
    expect(skipped.stepIndex).toBe(1);
    expect(skipped.pauses).toEqual([{ from: pauseAt, to: null }]);
    expect(stepRemainingMs(skipped, T0 + 20 * SECOND)).toBe(STEP);
    expect(stepRemainingMs(skipped, T0 + HOUR)).toBe(STEP);

    const resumeAt = T0 + MINUTE;
    const resumed = asSession(apply(skipped, resume, resumeAt));
    expect(resumed.stepDeadline).toBe(resumeAt + STEP);
    expect(stepActiveMs(resumed, resumeAt)).toEqual([10 * SECOND, 0]);
  });

  it('on the last step finishes the break now', () => {
    const last = apply(start(), tick, T0 + 2 * STEP);
    const done = asSession(apply(last, skip, T0 + 2 * STEP + 5 * SECOND));
    expect(done).toMatchObject({ status: 'finished', endedAt: T0 + 2 * STEP + 5 * SECOND, hold: null });
  });

  it('on the last step while paused finishes and closes the pause', () => {
    let s: SessionState = apply(start(), tick, T0 + 2 * STEP);
    s = apply(s, pause, T0 + 2 * STEP + 5 * SECOND);
    const done = asSession(apply(s, skip, T0 + 2 * STEP + 20 * SECOND));
    expect(done.status).toBe('finished');
    expect(done.endedAt).toBe(T0 + 2 * STEP + 20 * SECOND);
    expect(done.pauses).toEqual([{ from: T0 + 2 * STEP + 5 * SECOND, to: T0 + 2 * STEP + 20 * SECOND }]);
    expect(activeMs(done, T0 + HOUR)).toBe(2 * STEP + 5 * SECOND);
  });
});

describe('nextDueAt follows the machine', () => {
  it('is the hold deadline while holding and the step deadline otherwise', () => {
    const s = start();
    expect(nextDueAt(s)).toBe(T0 + STEP);
    const holding = asSession(apply(s, holdStart(), T0 + 2 * SECOND));
    expect(nextDueAt(holding)).toBe(T0 + 2 * SECOND + HOLD);
    // Ticking at the due time changes the state: the alarm never fires for nothing.
    expect(apply(holding, tick, nextDueAt(holding)!)).not.toBe(holding);
  });
});

describe('Knot presses (the knot map)', () => {
  it("records each press on its step, with the hold's full length when it runs out", () => {
    let s = asSession(apply(start(), holdStart(25), T0 + 2 * SECOND));
    s = asSession(apply(s, tick, T0 + 28 * SECOND));
    expect(s.knots).toEqual([{ step: 0, seconds: 25 }]);
    s = asSession(apply(s, holdStart(20), T0 + 31 * SECOND));
    expect(s.knots).toEqual([
      { step: 0, seconds: 25 },
      { step: 1, seconds: 20 },
    ]);
  });

  it('keeps what a hold lasted when it is cancelled, restarted, skipped or the break ends', () => {
    let s = asSession(apply(start(), holdStart(30), T0));
    s = asSession(apply(s, holdCancel, T0 + 12 * SECOND));
    expect(s.knots).toEqual([{ step: 0, seconds: 12 }]);
    s = asSession(apply(s, holdStart(30), T0 + 13 * SECOND));
    s = asSession(apply(s, holdRestart(30), T0 + 20 * SECOND));
    s = asSession(apply(s, skip, T0 + 24 * SECOND));
    s = asSession(apply(s, holdStart(20), T0 + 31 * SECOND));
    s = asSession(apply(s, end, T0 + 36 * SECOND));
    expect(s.knots).toEqual([
      { step: 0, seconds: 12 },
      { step: 0, seconds: 7 },
      { step: 0, seconds: 4 },
      { step: 1, seconds: 5 },
    ]);
  });

  it("leaves paused time out of a hold's length", () => {
    let s = asSession(apply(start(), holdStart(30), T0));
    s = asSession(apply(s, pause, T0 + 10 * SECOND));
    s = asSession(apply(s, resume, T0 + 10 * MINUTE));
    s = asSession(apply(s, holdCancel, T0 + 10 * MINUTE + 5 * SECOND));
    expect(s.knots).toEqual([{ step: 0, seconds: 15 }]);
  });

  it('reads a session stored by an older version (no knots) and records from there', () => {
    const { knots: _, ...old } = start();
    const s = asSession(apply(old as Session, holdStart(20), T0 + SECOND));
    expect(s.knots).toEqual([{ step: 0, seconds: 20 }]);
  });
});

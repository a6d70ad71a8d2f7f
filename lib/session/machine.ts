import type { Session, SessionEvent, SessionState } from './types';
import { HOLD_DEFAULT_SECONDS, HOLD_MAX_SECONDS, HOLD_MIN_SECONDS, MAX_HOLDS_PER_BREAK, PAUSE_LIMIT_MS } from './types';

/**
 * The break's state machine: a pure function of (state, event, now).
 * Every event first catches the session up to `now` (steps whose deadlines passed advance, at their
 * deadlines rather than at `now`, so a laptop that slept mid-break does not inflate the break), then applies.
 * Events that do not fit the current state return the state unchanged (the same object).
 * Two rules keep every break the log's rules accept (lib/log/schema.ts): a clock set back never moves the
 * break back before a moment it already recorded, and a break paused for PAUSE_LIMIT_MS in all ends by
 * itself at the moment it was paused.
 */
export function reduce(state: SessionState, event: SessionEvent, clock: number): SessionState {
  const now = state.status === 'idle' || event.type === 'start' ? clock : Math.max(clock, lastMoment(state));
  if (event.type === 'start') {
    if (state.status === 'running' || state.status === 'paused') return state;
    if (event.plan.steps.length === 0) return state;
    const first = event.plan.steps[0]!;
    return {
      id: event.id,
      plan: event.plan,
      status: 'running',
      startedAt: now,
      stepIndex: 0,
      stepStarts: [now],
      stepDeadline: now + first.seconds * 1000,
      hold: null,
      holdCount: 0,
      knots: [],
      pauses: [],
      endedAt: null,
      ...(event.checkIn ? { checkIn: 'ask' as const } : {}),
    };
  }
  if (state.status === 'idle') return state;
  const s = endLongPause(advance(state, now), now);

  switch (event.type) {
    case 'tick':
      return s;
    case 'checkIn':
      if ((s.status !== 'finished' && s.status !== 'ended') || s.checkIn !== 'ask') return s;
      return { ...s, checkIn: event.answered ? 'answered' : 'skipped' };
    case 'dismiss':
      return s.status === 'finished' || s.status === 'ended' ? { status: 'idle' } : s;
    case 'pause':
      if (s.status !== 'running') return s;
      return { ...s, status: 'paused', pauses: [...s.pauses, { from: now, to: null }] };
    case 'resume':
      return s.status === 'paused' ? resume(s, now) : s;
    case 'end':
      if (s.status !== 'running' && s.status !== 'paused') return s;
      return { ...closePause(cutHold(s, now), now), status: 'ended', endedAt: now };
    case 'skip':
      if (s.status !== 'running' && s.status !== 'paused') return s;
      return nextStep(cutHold(s, now), now);
    case 'switchSide': {
      if (s.status !== 'running' && s.status !== 'paused') return s;
      const here = s.plan.steps[s.stepIndex]!;
      const next = s.plan.steps[s.stepIndex + 1];
      const pairs = here.side !== null && next?.area === here.area && next.side !== null && next.side !== here.side;
      return pairs ? nextStep(cutHold(s, now), now) : s;
    }
    case 'holdStart':
      if (s.status !== 'running' || s.hold || s.holdCount >= MAX_HOLDS_PER_BREAK) return s;
      return startHold(s, event.seconds, now);
    case 'holdRestart':
      if (s.status !== 'running' || s.holdCount >= MAX_HOLDS_PER_BREAK) return s;
      return startHold(cutHold(s, now), event.seconds, now);
    case 'holdCancel': {
      if (!s.hold || (s.status !== 'running' && s.status !== 'paused')) return s;
      // A hold that outran its step kept the step open: cancelling it ends the step now (or, while paused,
      // at the pause), as the hold's own end would have, rather than back at the step's passed deadline.
      const at = s.status === 'paused' ? (currentPause(s)?.from ?? now) : now;
      return advance({ ...cutHold(s, now), stepDeadline: Math.max(s.stepDeadline, at) }, now);
    }
  }
}

/** Catches a running session up to `now`: finishes holds and steps whose deadlines have passed. */
export function advance(state: Session, now: number): Session {
  let s = state;
  while (s.status === 'running') {
    if (s.hold) {
      // A hold in progress keeps its step open, even past the step's own deadline.
      if (s.hold.deadline > now) break;
      const stepEnd = Math.max(s.stepDeadline, s.hold.deadline);
      s = { ...s, hold: null };
      if (stepEnd > now) break;
      s = nextStep(s, stepEnd);
    } else if (s.stepDeadline <= now) {
      s = nextStep(s, s.stepDeadline);
    } else {
      break;
    }
  }
  return s;
}

/**
 * While paused: when the pause passes PAUSE_LIMIT_MS, counting the break's earlier pauses too, and the break
 * ends by itself. Null when not paused.
 */
export function pauseExpiresAt(s: Session): number | null {
  if (s.status !== 'paused') return null;
  const from = currentPause(s)?.from;
  if (from === undefined) return null;
  const earlier = s.pauses.reduce((sum, p) => sum + (p.to === null ? 0 : Math.max(0, p.to - p.from)), 0);
  return from + Math.max(0, PAUSE_LIMIT_MS - earlier);
}

/** The latest moment the session has recorded; time never runs back before it. */
function lastMoment(s: Session): number {
  const pause = s.pauses[s.pauses.length - 1];
  return Math.max(
    s.startedAt,
    s.stepStarts[s.stepStarts.length - 1] ?? 0,
    pause?.to ?? pause?.from ?? 0,
    s.hold?.startedAt ?? 0,
    s.endedAt ?? 0,
  );
}

/** A break paused past its limit ends, logged as ended, at the moment its last pause began. */
function endLongPause(s: Session, now: number): Session {
  const expires = pauseExpiresAt(s);
  if (expires === null || now < expires) return s;
  const from = currentPause(s)!.from;
  return { ...closePause(cutHold(s, from), from), status: 'ended', endedAt: from };
}

/** Moves to the next step at time `at`, or finishes the break after the last one. */
function nextStep(s: Session, at: number): Session {
  const index = s.stepIndex + 1;
  const step = s.plan.steps[index];
  if (!step) return { ...closePause(s, at), status: 'finished', hold: null, endedAt: at };
  // While paused, deadlines count from the pause's start (see the invariant on Session).
  const base = s.status === 'paused' ? currentPause(s)!.from : at;
  return { ...s, stepIndex: index, stepStarts: [...s.stepStarts, at], stepDeadline: base + step.seconds * 1000 };
}

function startHold(s: Session, seconds: number, now: number): Session {
  // A length that is not a number (settings from elsewhere) takes the default rather than a NaN deadline.
  const wanted = Number.isFinite(seconds) ? Math.round(seconds) : HOLD_DEFAULT_SECONDS;
  const clamped = Math.min(HOLD_MAX_SECONDS, Math.max(HOLD_MIN_SECONDS, wanted));
  const knots = [...(s.knots ?? []), { step: s.stepIndex, seconds: clamped }];
  return { ...s, hold: { startedAt: now, deadline: now + clamped * 1000 }, holdCount: s.holdCount + 1, knots };
}

/**
 * Ends a hold early (cancelled, restarted, its step skipped, the break ended): its knot press keeps the
 * seconds it lasted, what the hold's full length minus what was left of it (frozen while paused).
 */
function cutHold(s: Session, now: number): Session {
  if (!s.hold) return s;
  const knots = s.knots ?? [];
  const last = knots[knots.length - 1];
  if (!last) return { ...s, hold: null };
  const at = s.status === 'paused' ? (currentPause(s)?.from ?? now) : now;
  const left = Math.max(0, s.hold.deadline - at) / 1000;
  const seconds = Math.max(0, Math.min(last.seconds, Math.round(last.seconds - left)));
  return { ...s, hold: null, knots: [...knots.slice(0, -1), { ...last, seconds }] };
}

function resume(s: Session, now: number): Session {
  const pause = currentPause(s);
  if (!pause) return { ...s, status: 'running' };
  const shift = Math.max(0, now - pause.from);
  return {
    ...closePause(s, now),
    status: 'running',
    stepDeadline: s.stepDeadline + shift,
    hold: s.hold ? { ...s.hold, deadline: s.hold.deadline + shift } : null,
  };
}

function currentPause(s: Session) {
  const last = s.pauses[s.pauses.length - 1];
  return last && last.to === null ? last : undefined;
}

function closePause(s: Session, at: number): Session {
  const pause = currentPause(s);
  if (!pause) return s;
  return { ...s, pauses: [...s.pauses.slice(0, -1), { from: pause.from, to: Math.max(pause.from, at) }] };
}

import type { Session, SessionState } from './types';
import { pauseExpiresAt } from './machine';

/** Figures the UI and the log read off a session; nothing here is stored. */

function pauseStart(s: Session): number | null {
  const last = s.pauses[s.pauses.length - 1];
  return last && last.to === null ? last.from : null;
}

/** The clock the countdowns run on: frozen at the pause's start while paused. */
function effectiveNow(s: Session, now: number): number {
  if (s.status === 'paused') return pauseStart(s) ?? now;
  if (s.status === 'finished' || s.status === 'ended') return s.endedAt ?? now;
  return now;
}

export function stepRemainingMs(s: Session, now: number): number {
  if (s.status === 'finished' || s.status === 'ended') return 0;
  return Math.max(0, s.stepDeadline - effectiveNow(s, now));
}

export function holdRemainingMs(s: Session, now: number): number {
  if (!s.hold) return 0;
  return Math.max(0, s.hold.deadline - effectiveNow(s, now));
}

export function plannedSeconds(s: Session): number {
  return s.plan.steps.reduce((sum, step) => sum + step.seconds, 0);
}

/** Time left in the whole break: this step's remainder plus every later step. */
export function breakRemainingMs(s: Session, now: number): number {
  if (s.status === 'finished' || s.status === 'ended') return 0;
  const later = s.plan.steps.slice(s.stepIndex + 1).reduce((sum, step) => sum + step.seconds * 1000, 0);
  return stepRemainingMs(s, now) + later;
}

/** Milliseconds of pause that overlap [from, to). */
export function pausedMsBetween(s: Session, from: number, to: number): number {
  let total = 0;
  for (const p of s.pauses) {
    const end = p.to ?? to;
    total += Math.max(0, Math.min(end, to) - Math.max(p.from, from));
  }
  return total;
}

/** Time actually spent rolling between the start and `now` (or the end), pauses excluded. */
export function activeMs(s: Session, now: number): number {
  const until = s.endedAt ?? now;
  return Math.max(0, until - s.startedAt - pausedMsBetween(s, s.startedAt, until));
}

/** Active seconds spent in each step reached so far. */
export function stepActiveMs(s: Session, now: number): number[] {
  const until = s.endedAt ?? now;
  return s.stepStarts.map((start, i) => {
    const end = s.stepStarts[i + 1] ?? until;
    return Math.max(0, end - start - pausedMsBetween(s, start, end));
  });
}

/** The next moment the session changes by itself, for the background's alarm; null when nothing is due. */
export function nextDueAt(s: Session): number | null {
  if (s.status === 'paused') return pauseExpiresAt(s);
  if (s.status !== 'running') return null;
  return s.hold ? s.hold.deadline : s.stepDeadline;
}

/** How long a finished or ended break's summary stays in the popup next to Start. */
export const SUMMARY_KEEP_MS = 5 * 60_000;

/**
 * The done summary worth showing at `now`: a break that finished or was ended in the last few minutes.
 * Older ones clear themselves (nothing is written: the next start replaces the session anyway).
 */
export function freshSummary(state: SessionState, now: number): Session | null {
  if (state.status !== 'finished' && state.status !== 'ended') return null;
  return state.endedAt !== null && now - state.endedAt < SUMMARY_KEEP_MS ? state : null;
}

import type { AreaId } from '../domain/areas';

export type Side = 'left' | 'right';
import type { Moment, Tool } from '../domain/lists';

export type { Moment, Tool };

/**
 * 'roll' is time on an area. 'move' (getting into position for a new area) and 'switch' (changing
 * sides, or with no side a breath between two sets of a both-legs roll) are short get-ready moments;
 * their `area` and `side` are those of the roll that follows.
 */
export type StepKind = 'roll' | 'move' | 'switch';

/** Where a technique is done; a desk break never uses 'floor'. */
export type Position = 'floor' | 'wall' | 'seated' | 'standing' | 'table';

export interface PlanStep {
  kind: StepKind;
  area: AreaId;
  side: Side | null;
  seconds: number;
  /** On 'move' steps: where the next technique is done, so the timer can say "Against a wall". */
  position?: Position;
  /**
   * The technique's cautions and the general ones (ids of `caution_*` messages), shown for the whole
   * step. Plans stored by older versions have them on 'move' steps only.
   */
  cautions?: readonly string[];
}

export interface Plan {
  moment: Moment;
  tool: Tool;
  /** The break's length as chosen; the steps' seconds add up to exactly this many minutes. */
  minutes: number;
  steps: PlanStep[];
}

/** A knot hold. `deadline` is absolute; while the break is paused it is frozen (see `Pause`). */
export interface Hold {
  startedAt: number;
  deadline: number;
}

/**
 * One press of Knot: on which step (its area and side are the step's), and how many seconds the hold
 * lasted; the hold's full length while it runs, cut to what it lasted when it ends early.
 */
export interface KnotPress {
  step: number;
  seconds: number;
}

/** A pause interval in absolute time; `to` is null while the pause is ongoing. */
export interface Pause {
  from: number;
  to: number | null;
}

export type ActiveStatus = 'running' | 'paused';
export type DoneStatus = 'finished' | 'ended';

/**
 * A break in progress or just done. Only absolute timestamps are stored; every remaining time is derived.
 * Invariant while paused: the time left in the step is `stepDeadline - currentPause.from`
 * (and the same for the hold); resuming shifts both deadlines by the pause's length.
 */
export interface Session {
  id: string;
  plan: Plan;
  status: ActiveStatus | DoneStatus;
  startedAt: number;
  stepIndex: number;
  /** When each step reached so far started; `stepStarts[i]` belongs to `plan.steps[i]`. */
  stepStarts: number[];
  stepDeadline: number;
  hold: Hold | null;
  holdCount: number;
  /** Every Knot press, in order (at most MAX_HOLDS_PER_BREAK). Absent in sessions stored by older versions. */
  knots?: KnotPress[];
  pauses: Pause[];
  endedAt: number | null;
  /**
   * The check-in at the end of the break ("how does each area feel now?"): 'ask' while the done screen
   * should offer it, then 'answered' or 'skipped'. Absent when switched off (and in older sessions).
   */
  checkIn?: 'ask' | 'answered' | 'skipped';
  /**
   * Set by the background with the log entry, once the break is done and asks for the check-in: the areas
   * it asks about (rolled at least CHECK_IN_MIN_SECONDS, in the order rolled). The done screen shows them
   * as they are, so the part injected into pages carries no session arithmetic.
   */
  checkInAreas?: AreaId[];
  /**
   * Set by the background, not by the reducer, once the break is done: whether its log entry is written.
   * False while a failed write waits for its retry, so the pages say "Saving…" rather than "Saved".
   */
  saved?: boolean;
}

export type SessionState = { status: 'idle' } | Session;

export type SessionEvent =
  | { type: 'start'; id: string; plan: Plan; checkIn?: boolean }
  /** The done screen's check-in was answered (stored with the break) or skipped. */
  | { type: 'checkIn'; answered: boolean }
  | { type: 'tick' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'skip' }
  | { type: 'end' }
  | { type: 'dismiss' }
  | { type: 'holdStart'; seconds: number }
  | { type: 'holdCancel' }
  | { type: 'holdRestart'; seconds: number }
  | { type: 'switchSide' };

/** What a person can press on the timer; the background fills in the hold length from settings. */
export type UserSessionEvent =
  | Exclude<SessionEvent, { type: 'start' } | { type: 'holdStart' } | { type: 'holdRestart' }>
  | { type: 'holdStart' }
  | { type: 'holdRestart' };

export const HOLD_MIN_SECONDS = 20;
export const HOLD_MAX_SECONDS = 30;
export const HOLD_DEFAULT_SECONDS = 25;

/**
 * A break paused for this long in all ends by itself, at the moment its last pause began, and is logged as
 * ended: someone who paused and walked away for the evening finds the break they actually did in the log,
 * not one that lasted until the next morning (which the log's rules refuse, see lib/log/schema.ts).
 */
export const PAUSE_LIMIT_MS = 4 * 3_600_000;
/** Knot holds per break; past this, Knot does nothing (a person does not hold 200 knots in ten minutes). */
export const MAX_HOLDS_PER_BREAK = 200;

/**
 * The desk-break reminder's stored shapes. Everything is absolute epoch milliseconds so the whole state can
 * sit in extension storage and be re-read by a background that was killed in between; nothing derived (the
 * count, the due time) is stored. See schedule.ts for what the count means.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export const INTERVAL_MIN_MINUTES = 20;
export const INTERVAL_MAX_MINUTES = 180;
export const IDLE_BREAK_MIN_MINUTES = 1;
export const IDLE_BREAK_MAX_MINUTES = 60;

/** What the background passes to `idle.setDetectionInterval`; 'idle' records are back-dated by it. */
export const IDLE_DETECTION_SECONDS = 60;

export interface ActiveHours {
  /** 'HH:MM', 24-hour, local wall-clock time in the user's zone. */
  start: string;
  /** 'HH:MM'. At or before `start` means the hours run past midnight (22:00–02:00); equal means all day. */
  end: string;
}

export interface ReminderSettings {
  enabled: boolean;
  /** Active minutes between reminders, 20–180. */
  intervalMinutes: number;
  activeHours: ActiveHours;
  /** Days whose active hours START on them: 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Idle or locked time at least this long counts as a natural break and restarts the count. */
  idleBreakMinutes: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = Object.freeze({
  enabled: true,
  intervalMinutes: 60,
  activeHours: Object.freeze({ start: '09:00', end: '18:00' }),
  days: Object.freeze([1, 2, 3, 4, 5]) as number[],
  idleBreakMinutes: 5,
});

export type ActivityState = 'active' | 'idle' | 'locked';

/**
 * One `idle.onStateChanged` transition. Stored 'idle' records are already back-dated to when the user was
 * last active (see recordActivity); 'idle' and 'locked' both mean "away" for the count.
 */
export interface ActivityRecord {
  at: number;
  state: ActivityState;
}

/** A pause of the reminders, [from, until). */
export interface PauseSpan {
  from: number;
  until: number;
}

/**
 * The count so far, frozen when the settings that decide what counts (hours, days, idle break) changed:
 * `countedMs` had been counted by `at` under the old settings. Later time counts under the new ones, so a
 * settings change neither loses nor re-judges time already counted.
 */
export interface CountCheckpoint {
  at: number;
  countedMs: number;
}

export interface ReminderState {
  /**
   * Start of the current stretch: the last break, reminder or snooze. Natural breaks found in `activity`
   * can start the stretch later than this without it being rewritten (compaction folds them in).
   */
  countingSince: number | null;
  /** Alternating active/away transitions, oldest first; bounded by compact(). */
  activity: ActivityRecord[];
  /**
   * Pauses of the reminders, merged and sorted. A list rather than one `pausedUntil`, because time inside a
   * pause must stay uncounted after the pause is over, and an end alone cannot say where the pause began.
   * pausedUntil() reads the current one.
   */
  pauses: PauseSpan[];
  /** "Remind me again at": replaces the count's due time until a break, natural break or reminder. */
  snoozedUntil: number | null;
  lastReminderAt: number | null;
  /** When sound first held a due reminder back (the start of its cap, see defer.ts); null when not. */
  deferredSince: number | null;
  checkpoint: CountCheckpoint | null;
}

export type ReminderReason = 'off' | 'paused' | 'snoozed' | 'outside-hours' | 'counting' | 'due';

export interface NextReminder {
  /** When to show the reminder; at or before `now` when reason is 'due'; null when nothing will be due. */
  dueAt: number | null;
  reason: ReminderReason;
  /** Active minutes counted in the current stretch (fractional). */
  activeMinutesCounted: number;
  /** Countable minutes (inside hours, not paused) from now until dueAt; 0 when due, null without dueAt. */
  minutesLeft: number | null;
}

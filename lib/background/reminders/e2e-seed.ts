import type { ReminderState } from '../../reminders/types';
import { updateReminders } from './reminders';
import { addE2eHooks } from '../e2e-hooks';

/** The reminder state's moments a test may place in the past (or, negative, the future). */
export type ReminderSeed = Partial<Record<'countingSince' | 'snoozedUntil' | 'deferredSince' | 'lastReminderAt', number>>;

/**
 * E2E builds only: puts the reminder state where it would be after a stretch of time the test need not
 * wait through ("the snooze ran out 95 minutes ago"). Each field is how many milliseconds before the
 * background's now it lies, read off the background's own clock (a faked one in the accelerated-clock
 * tests, which the test's clock is not). It runs as one more change in the reminder queue, so the real
 * scheduler decides at once: shows the reminder, holds it back, or sets its one alarm.
 */
export function seedReminderState(ago: ReminderSeed): Promise<void> {
  return updateReminders((state, _settings, now) => {
    const seeded: Partial<ReminderState> = {};
    for (const [key, ms] of Object.entries(ago)) seeded[key as keyof ReminderSeed] = now - ms;
    return { ...state, ...seeded };
  });
}

/** E2E builds only (the feature calls this behind ROLLBREAK_E2E, so production builds drop it). */
export function registerReminderSeed(): void {
  addE2eHooks({ seedReminderState });
}

import { HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from '../session/types';
import { DEFAULT_SETTINGS } from './defaults';
import { normalizeChoice } from './choice';
import { normalizeReminderSettings } from '../reminders/settings';
import { asTrained } from '../domain/trained';
import { int, record } from './validators';
import { THEMES, type Theme } from '../domain/theme';
import type { Settings } from './settings';
import { normalizeAvoid } from './avoid';

export { normalizeChoice };

/**
 * Settings as read from storage, whoever wrote them (this version, an older one, a newer one on another
 * device through sync, a bug) → settings every part of Rollbreak can trust. Each field that is missing, of
 * the wrong type, out of range or an unknown value (a moment or tool a newer version added) falls back on
 * its own default, so one odd field never resets the others and nothing can make Start, the shortcut or the
 * reminders throw. Fields this version does not know are passed through untouched: a writer that changes
 * one field at a time keeps them for the newer version that wrote them. Pure; never throws.
 */

export const GOAL_MIN_MINUTES = 5;
export const GOAL_MAX_MINUTES = 1000;
export const SNOOZE_MIN_MINUTES = 1;
export const SNOOZE_MAX_MINUTES = 180;

// The defaults come from the one place that defines them (the migrations' output), so they cannot drift.
const DEFAULTS = {
  holdSeconds: DEFAULT_SETTINGS.holdSeconds,
  sound: DEFAULT_SETTINGS.sound,
  weeklyGoalMinutes: DEFAULT_SETTINGS.weeklyGoalMinutes,
  syncEnabled: DEFAULT_SETTINGS.syncEnabled,
  firstRunAsked: DEFAULT_SETTINGS.reminders.firstRunAsked,
  snoozeMinutes: DEFAULT_SETTINGS.reminders.snoozeMinutes,
};

const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);

export function normalizeSettings(raw: unknown): Settings {
  const r = record(raw);
  const reminders = record(r.reminders);
  return {
    ...r,
    ...normalizeChoice(r),
    holdSeconds: int(r.holdSeconds, HOLD_MIN_SECONDS, HOLD_MAX_SECONDS, DEFAULTS.holdSeconds),
    sound: bool(r.sound, DEFAULTS.sound),
    weeklyGoalMinutes: int(r.weeklyGoalMinutes, GOAL_MIN_MINUTES, GOAL_MAX_MINUTES, DEFAULTS.weeklyGoalMinutes),
    syncEnabled: bool(r.syncEnabled, DEFAULTS.syncEnabled),
    theme: (THEMES as readonly unknown[]).includes(r.theme) ? (r.theme as Theme) : DEFAULT_SETTINGS.theme,
    voice: bool(r.voice, DEFAULT_SETTINGS.voice),
    trained: asTrained(r.trained) ?? DEFAULT_SETTINGS.trained,
    checkIn: bool(r.checkIn, DEFAULT_SETTINGS.checkIn),
    avoid: normalizeAvoid(r.avoid),
    reminders: {
      ...reminders,
      ...normalizeReminderSettings(r.reminders ?? DEFAULT_SETTINGS.reminders),
      firstRunAsked: bool(reminders.firstRunAsked, DEFAULTS.firstRunAsked),
      snoozeMinutes: int(reminders.snoozeMinutes, SNOOZE_MIN_MINUTES, SNOOZE_MAX_MINUTES, DEFAULTS.snoozeMinutes),
    },
  };
}

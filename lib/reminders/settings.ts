import type { ReminderSettings } from './types';
import {
  DEFAULT_REMINDER_SETTINGS,
  IDLE_BREAK_MAX_MINUTES,
  IDLE_BREAK_MIN_MINUTES,
  INTERVAL_MAX_MINUTES,
  INTERVAL_MIN_MINUTES,
} from './types';
import { formatClock, parseClock } from './zoned';

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

function clock(value: unknown, fallback: string): string {
  const minutes = typeof value === 'string' ? parseClock(value) : null;
  return minutes === null ? fallback : formatClock(minutes);
}

/**
 * Settings as stored (possibly older, partial or hand-edited) → settings every function here can trust.
 * Each bad field falls back on its own default so one typo does not reset the rest. An empty `days` list
 * is kept: it is a legitimate "never", which nextReminder reports as 'off'.
 */
export function normalizeReminderSettings(raw: unknown): ReminderSettings {
  const d = DEFAULT_REMINDER_SETTINGS;
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ReminderSettings, unknown>>;
  const hours = (r.activeHours && typeof r.activeHours === 'object' ? r.activeHours : {}) as Record<string, unknown>;
  const days = Array.isArray(r.days)
    ? [...new Set(r.days.filter((x): x is number => Number.isInteger(x) && x >= 0 && x <= 6))].sort((a, b) => a - b)
    : [...d.days];
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : d.enabled,
    intervalMinutes: clampInt(r.intervalMinutes, INTERVAL_MIN_MINUTES, INTERVAL_MAX_MINUTES, d.intervalMinutes),
    activeHours: { start: clock(hours.start, d.activeHours.start), end: clock(hours.end, d.activeHours.end) },
    days,
    idleBreakMinutes: clampInt(r.idleBreakMinutes, IDLE_BREAK_MIN_MINUTES, IDLE_BREAK_MAX_MINUTES, d.idleBreakMinutes),
  };
}

/** Whether two settings judge past time the same way (the interval and the on/off switch do not). */
export function sameCountingRules(a: ReminderSettings, b: ReminderSettings): boolean {
  return (
    a.activeHours.start === b.activeHours.start &&
    a.activeHours.end === b.activeHours.end &&
    a.idleBreakMinutes === b.idleBreakMinutes &&
    a.days.length === b.days.length &&
    a.days.every((day, i) => b.days[i] === day)
  );
}

import type { BreakChoice } from '../choice/choice';
import { DEFAULT_CHOICE } from '../choice/choice';
import type { Moment, Tool } from '../session/types';

/**
 * A stored choice (moment, tool, length) checked field by field, for normalize.ts and for the popup's first
 * paint, which must not load the plan generator: hence the generator's limits repeated here (a test keeps
 * them equal to MIN_MINUTES and MAX_MINUTES in generate-plan.ts).
 */

export const MOMENT_VALUES: readonly Moment[] = ['pre', 'post', 'rest', 'desk'];
export const TOOL_VALUES: readonly Tool[] = ['roller', 'ball', 'gun'];
export const CHOICE_MIN_MINUTES = 3;
export const CHOICE_MAX_MINUTES = 10;

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function int(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The moment, tool and length of a stored choice, each checked on its own. */
export function normalizeChoice(raw: unknown): Omit<BreakChoice, 'focus'> {
  const r = record(raw);
  return {
    moment: oneOf(r.moment, MOMENT_VALUES, DEFAULT_CHOICE.moment),
    tool: oneOf(r.tool, TOOL_VALUES, DEFAULT_CHOICE.tool),
    minutes: int(r.minutes, CHOICE_MIN_MINUTES, CHOICE_MAX_MINUTES, DEFAULT_CHOICE.minutes),
  };
}

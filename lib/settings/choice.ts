import type { BreakChoice } from '../popup/choice-cache';
import { DEFAULT_CHOICE } from '../popup/choice-cache';
import { BREAK_MINUTES, MOMENT_IDS, TOOLS } from '../domain/lists';

/**
 * A stored choice (moment, tool, length) checked field by field, for normalize.ts and for the popup's first
 * paint, which must not load the plan generator: the domain lists are light, the generator is not.
 */

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
    moment: oneOf(r.moment, MOMENT_IDS, DEFAULT_CHOICE.moment),
    tool: oneOf(r.tool, TOOLS, DEFAULT_CHOICE.tool),
    minutes: int(r.minutes, BREAK_MINUTES.min, BREAK_MINUTES.max, DEFAULT_CHOICE.minutes),
  };
}

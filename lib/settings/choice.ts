import type { BreakChoice } from '../domain/choice';
import { DEFAULT_CHOICE } from '../domain/choice';
import { BREAK_MINUTES, MOMENT_IDS, TOOLS } from '../domain/lists';
import { int, oneOf, record } from './validators';

/**
 * A stored choice (moment, tool, length) checked field by field, for normalize.ts and for the popup's first
 * paint, which must not load the plan generator: the domain lists are light, the generator is not.
 */

/** The moment, tool and length of a stored choice, each checked on its own. */
export function normalizeChoice(raw: unknown): Omit<BreakChoice, 'focus'> {
  const r = record(raw);
  return {
    moment: oneOf(r.moment, MOMENT_IDS, DEFAULT_CHOICE.moment),
    tool: oneOf(r.tool, TOOLS, DEFAULT_CHOICE.tool),
    minutes: int(r.minutes, BREAK_MINUTES.min, BREAK_MINUTES.max, DEFAULT_CHOICE.minutes),
  };
}

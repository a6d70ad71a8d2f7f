import type { Moment, Tool } from '../domain/lists';
import { BREAK_MINUTES } from '../domain/lists';
import { CHOICE_CACHE_KEY } from '../storage/keys';
import { normalizeChoice } from '../settings/choice';
import type { AreaId } from '../domain/areas';
import type { Trained } from '../domain/trained';
import { asTrained } from '../domain/trained';

/** What the user picks in the popup before a break. Focus areas apply to one break only. */
export interface BreakChoice {
  moment: Moment;
  tool: Tool;
  minutes: number;
  focus: AreaId[];
  /** Before and after a workout: what was trained. Absent (or from another version): the default kind. */
  trained?: Trained;
}

/** First run: a desk break with a massage ball needs no floor and no gear beyond a ball. */
export const DEFAULT_CHOICE: Omit<BreakChoice, 'focus'> = { moment: 'desk', tool: 'ball', minutes: BREAK_MINUTES.default };

const CACHE_KEY = CHOICE_CACHE_KEY;

/**
 * The last choice, kept in the extension's own localStorage as well as in synced settings: localStorage
 * answers synchronously, so the popup's very first paint already says "Start 7-minute roll" if that is
 * what the user picked last, with the last "what did you train" answer ticked. The synced settings stay
 * the source of truth and win once read.
 */
export function readCachedChoice(fallback: Omit<BreakChoice, 'focus'>): Omit<BreakChoice, 'focus'> {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<BreakChoice>;
    // Whatever an older version or a broken write left here falls back field by field.
    const { moment, tool, minutes } = normalizeChoice({ ...fallback, ...parsed });
    return { moment, tool, minutes, trained: asTrained(parsed.trained) ?? fallback.trained };
  } catch {
    return fallback;
  }
}

export function cacheChoice(choice: Omit<BreakChoice, 'focus'>): void {
  try {
    localStorage.setItem(
      CACHE_KEY,
      JSON.stringify({ moment: choice.moment, tool: choice.tool, minutes: choice.minutes, trained: choice.trained }),
    );
  } catch {
    // Storage full or disabled: the synced settings still hold the choice.
  }
}

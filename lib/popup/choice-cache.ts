import type { BreakChoice } from '../domain/choice';
import { CHOICE_CACHE_KEY } from '../storage/keys';
import { normalizeChoice } from '../settings/choice';
import { asTrained } from '../domain/trained';

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

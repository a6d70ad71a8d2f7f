import { useMemo } from 'preact/hooks';
import { computeStats } from '../../lib/stats/stats';
import { localDay } from '../../lib/domain/days';
import { uiLanguage } from '../../lib/i18n';
import { firstDayOfWeek } from '../../lib/i18n/week';
import type { LogView } from '../../lib/log/read';

/** The history's figures, in one pass over the breaks loaded, recomputed only when they change. */
export function useHistoryStats(view: LogView | null) {
  return useMemo(() => {
    if (!view) return null;
    const now = Date.now();
    const s = computeStats(view.entries, now, undefined, firstDayOfWeek(uiLanguage()));
    const today = localDay(now);
    const last = view.entries[view.entries.length - 1];
    const rolledToday = last !== undefined && localDay(last.startedAt) === today;
    // Before the whole log is in, a streak that reaches back to the start of the loaded window may be longer.
    const firstCounted = (rolledToday ? today : today - 1) - s.streak + 1;
    const streakAtLeast = !view.complete && s.streak > 0 && firstCounted <= localDay(view.windowStart);
    return { ...s, totalBreaks: view.total, rolledToday, streakAtLeast };
  }, [view]);
}

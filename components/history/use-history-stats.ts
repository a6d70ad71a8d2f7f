import { useMemo } from 'preact/hooks';
import { computeStats } from '../../lib/stats/stats';
import { localDay } from '../../lib/domain/days';
import { uiLanguage } from '../../lib/i18n';
import { firstDayOfWeek } from '../../lib/i18n/week';
import type { LogView } from '../../lib/log/read';
import type { FoldedHistory } from '../../lib/sync/folded';
import { NO_FOLDED_HISTORY } from '../../lib/sync/folded';

/**
 * The history's figures, in one pass over the breaks loaded, recomputed only when they change. Breaks known
 * here only as day totals (`folded`, from the sync) count like the others.
 */
export function useHistoryStats(view: LogView | null, folded: FoldedHistory = NO_FOLDED_HISTORY) {
  return useMemo(() => {
    if (!view) return null;
    // `npm run bench` reads this measure (e2e builds only): the stats as the page computes them.
    const started = import.meta.env.ROLLBREAK_E2E ? performance.now() : 0;
    const now = Date.now();
    const s = computeStats(view.entries, now, undefined, firstDayOfWeek(uiLanguage()), folded.days);
    const today = localDay(now);
    const last = view.entries[view.entries.length - 1];
    const rolledToday = (last !== undefined && localDay(last.startedAt) === today) || folded.through === isoDay(now);
    // Before the whole log is in, a streak that reaches back to the start of the loaded window may be longer.
    const firstCounted = (rolledToday ? today : today - 1) - s.streak + 1;
    const streakAtLeast = !view.complete && s.streak > 0 && firstCounted <= localDay(view.windowStart);
    if (import.meta.env.ROLLBREAK_E2E) performance.measure('rollbreak:stats', { start: started });
    return { ...s, totalBreaks: view.total + folded.count, rolledToday, streakAtLeast };
  }, [view, folded]);
}

function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

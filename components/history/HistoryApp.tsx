import { useRef } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '../../lib/storage/items';
import { t } from '../../lib/i18n';
import { useSettings } from '../shared/use-settings';
import { useLog } from './use-log';
import { useHistoryStats } from './use-history-stats';
import { useLogMarks } from './use-log-marks';
import { useDeleteUndo } from './use-delete-undo';
import { UndoToast } from './UndoToast';
import { Summary } from './Summary';
import { WeekChart } from './WeekChart';
import { Coverage } from './Coverage';
import { RecentBreaks } from './RecentBreaks';
import { DataPanel } from './DataPanel';
import { SyncPanel } from './SyncPanel';
import { KnotMap } from './KnotMap';
import { useFoldedHistory } from './use-folded-history';
import { FoldedNote } from './FoldedNote';

/** How long "Break deleted. Undo" stays, unless the pointer or focus is on it. */
export const UNDO_MS = 10_000;

/**
 * The history page: streak, this week against the goal, 8 weeks, body coverage, recent breaks (delete with
 * undo), export and import, and sync status. It reads IndexedDB itself and asks the background for writes;
 * the weekly goal follows the settings wherever they change.
 */
export function HistoryApp({ undoMs = UNDO_MS }: { undoMs?: number } = {}) {
  const log = useLog();
  const { view } = log;
  const goal = useSettings().settings?.weeklyGoalMinutes ?? DEFAULT_SETTINGS.weeklyGoalMinutes;
  const folded = useFoldedHistory();
  const stats = useHistoryStats(view, folded);
  useLogMarks(view);
  const recentRef = useRef<HTMLHeadingElement>(null);
  const { notice, busyId, remove, undo, dismiss } = useDeleteUndo(log, recentRef);

  return (
    <main class="rb-root rb-page rb-history">
      <header class="rb-history__head">
        <h1>{t('historyTitle')}</h1>
      </header>
      {log.error ? (
        <p role="alert" class="rb-message rb-message--error">
          {t('historyError')}
        </p>
      ) : null}
      {!view && !log.error ? <p class="rb-muted">{t('history_loading')}</p> : null}
      {view && stats ? (
        <>
          {view.total === 0 && folded.count === 0 ? <p class="rb-card rb-empty">{t('historyEmpty')}</p> : null}
          <FoldedNote folded={folded} />
          <Summary
            streak={stats.streak}
            minutesThisWeek={stats.minutesThisWeek}
            goal={goal}
            streakAtLeast={stats.streakAtLeast}
            totalBreaks={stats.totalBreaks}
            rolledToday={stats.rolledToday}
          />
          <WeekChart weeks={stats.weeks} goal={goal} />
          <Coverage coverage7={stats.coverage7} coverage30={stats.coverage30} />
          <KnotMap entries={view.entries} />
          {view.total > 0 ? (
            <RecentBreaks
              entries={view.entries}
              total={view.total}
              complete={view.complete}
              onDelete={(e) => void remove(e)}
              busyId={busyId}
              headingRef={recentRef}
            />
          ) : null}
          <div class="rb-history__grid">
            <DataPanel
              entries={view.entries}
              complete={view.complete}
              onImported={(written) => void (written ? log.imported(written) : log.reload())}
            />
            <SyncPanel />
          </div>
        </>
      ) : null}
      <UndoToast notice={notice} ms={undoMs} onUndo={(e) => void undo(e)} onClose={dismiss} returnFocus={recentRef} />
    </main>
  );
}

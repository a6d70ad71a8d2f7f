import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BreakEntry } from '../lib/log/entry';
import { send } from '../lib/messaging/send';
import { computeStats } from '../lib/stats/stats';
import { localDay } from '../lib/stats/days';
import { DEFAULT_SETTINGS, settingsItem } from '../lib/storage-items';
import { t, uiLanguage } from '../lib/i18n';
import { firstDayOfWeek } from '../lib/i18n/week';
import { describeImportProblem } from '../lib/log/import-problem';
import { normalizeSettings } from '../lib/settings/normalize';
import { useLog } from './history/use-log';
import { Summary } from './history/Summary';
import { WeekChart } from './history/WeekChart';
import { Coverage } from './history/Coverage';
import { RecentBreaks } from './history/RecentBreaks';
import { DataPanel } from './history/DataPanel';
import { SyncPanel } from './history/SyncPanel';

/** How long "Break deleted. Undo" stays, unless the pointer or focus is on it. */
export const UNDO_MS = 10_000;

type Notice = { kind: 'deleted'; entry: BreakEntry } | { kind: 'text'; text: string; error?: boolean };

/**
 * The history page: streak, this week against the goal, 8 weeks, body coverage, recent breaks (delete with
 * undo), export and import, and sync status. It reads IndexedDB itself and asks the background for writes.
 */
export function HistoryApp({ undoMs = UNDO_MS }: { undoMs?: number } = {}) {
  const log = useLog();
  const { view } = log;
  const [goal, setGoal] = useState(DEFAULT_SETTINGS.weeklyGoalMinutes);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [paused, setPaused] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const recentRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void settingsItem.getValue().then((s) => setGoal(normalizeSettings(s).weeklyGoalMinutes));
    return settingsItem.watch((s) => setGoal(normalizeSettings(s).weeklyGoalMinutes));
  }, []);

  // One pass over the breaks loaded; only when they change.
  const stats = useMemo(() => {
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

  // `npm run bench` reads these marks: the first render with the log in it (handlers attached), and the
  // first render with the whole log (filters, Show more and exports available).
  const marked = useRef({ interactive: false, complete: false });
  useLayoutEffect(() => {
    if (view && !marked.current.interactive) {
      marked.current.interactive = true;
      performance.mark('rollbreak:history-interactive');
    }
    if (view?.complete && !marked.current.complete) {
      marked.current.complete = true;
      performance.mark('rollbreak:history-complete');
    }
  }, [view]);

  // The undo notice goes after UNDO_MS, but waits while the pointer is on it or the user moves focus to it.
  useEffect(() => {
    if (!notice || paused) return;
    const timer = setTimeout(() => {
      const hadFocus = noticeRef.current?.contains(document.activeElement) ?? false;
      setNotice(null);
      if (hadFocus) recentRef.current?.focus();
    }, undoMs);
    return () => clearTimeout(timer);
  }, [notice, paused, undoMs]);

  // Focus goes to Undo, so Enter undoes at once; that focus alone does not hold the notice (the user's does).
  const focusing = useRef(false);
  useEffect(() => {
    if (notice?.kind !== 'deleted') return;
    focusing.current = true;
    undoRef.current?.focus();
    focusing.current = false;
  }, [notice]);

  const remove = async (entry: BreakEntry) => {
    setBusyId(entry.id);
    try {
      const { ok } = await send({ type: 'log:delete', id: entry.id });
      if (ok) {
        log.removed(entry.id);
        setPaused(false);
        setNotice({ kind: 'deleted', entry });
      } else {
        await log.reload();
        setNotice({ kind: 'text', text: t('history_delete_failed'), error: true });
      }
    } catch {
      setNotice({ kind: 'text', text: t('history_delete_failed'), error: true });
    } finally {
      setBusyId(null);
    }
  };

  const undo = async (entry: BreakEntry) => {
    setPaused(false);
    try {
      const answer = await send({ type: 'log:undo', entry });
      if (answer.ok) {
        log.restored(answer.entry);
        setNotice({ kind: 'text', text: t('history_restored') });
      } else {
        setNotice({ kind: 'text', text: t('history_undo_failed', describeImportProblem(answer.error)), error: true });
      }
    } catch (err) {
      setNotice({ kind: 'text', text: t('history_undo_failed', err instanceof Error ? err.message : String(err)), error: true });
    }
    recentRef.current?.focus();
  };

  return (
    <main class="rb-root rb-page rb-history">
      <header class="rb-history__head">
        <h1>{t('historyTitle')}</h1>
      </header>
      {log.error ? <p role="alert" class="rb-message rb-message--error">{t('historyError')}</p> : null}
      {!view && !log.error ? <p class="rb-muted">{t('history_loading')}</p> : null}
      {view && stats ? (
        <>
          {view.total === 0 ? <p class="rb-card rb-empty">{t('historyEmpty')}</p> : null}
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
            <DataPanel entries={view.entries} complete={view.complete} onImported={() => void log.reload()} />
            <SyncPanel />
          </div>
        </>
      ) : null}
      <div
        ref={noticeRef}
        class={`rb-toast${notice ? ' rb-toast--on' : ''}${notice?.kind === 'text' && notice.error ? ' rb-toast--error' : ''}`}
        role="status"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocusIn={() => {
          if (!focusing.current) setPaused(true);
        }}
        onFocusOut={() => setPaused(false)}
      >
        {notice?.kind === 'deleted' ? (
          <>
            <span>{t('history_deleted')}</span>
            <button type="button" ref={undoRef} onClick={() => void undo(notice.entry)}>
              {t('history_undo')}
            </button>
          </>
        ) : notice ? (
          <span>{notice.text}</span>
        ) : null}
        {notice ? (
          <button type="button" class="rb-toast__close" aria-label={t('close')} onClick={() => setNotice(null)}>
            ×
          </button>
        ) : null}
      </div>
    </main>
  );
}

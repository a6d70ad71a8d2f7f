import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionState } from '../../lib/session/types';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import { ext } from '../../lib/browser/ext-lite';
import { readCachedChoice } from '../../lib/popup/choice-cache';
import { persistChoice, readSyncedChoice } from '../../lib/popup/persist-choice';
import { formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';
import { ChoicePicker } from './ChoicePicker';
import { SafetyNote } from './SafetyNote';
import { markSafetyNoteSeen, safetyNoteSeen } from '../../lib/popup/safety-note';
import { normalizeMinutes } from '../../lib/routines/lengths';
import type { PlanPreviewComponent } from './PlanPreview';
import type { ReminderStatusComponent } from './ReminderStatus';
import { useLiveSession } from '../timer/use-live-session';
import { freshSummary } from '../../lib/session/derive';
import type { PopupRunningComponent } from './PopupRunning';
import type { ShortcutsComponent } from '../shared/Shortcuts';
import type { BreakChoice } from '../../lib/domain/choice';
import { DEFAULT_CHOICE } from '../../lib/domain/choice';
import type { WhatsNewComponent } from './WhatsNew';
import { afterFirstPaint } from '../../lib/popup/after-first-paint';
import { fitWindowHeight } from '../../lib/popup/window-height';
import { breakHinted, hintBreak } from '../../lib/popup/break-hint';

export const loadPopupRunning = () => import('./PopupRunning').then((m) => m.PopupRunning);

interface Props {
  /** The session read, started before the first render. */
  initial: Promise<SessionState>;
}

/**
 * The toolbar popup: one click starts a break; while one runs it shows the timer. A break that just ended
 * keeps its summary for a few minutes, above a Start that is one click as always.
 * The start view paints at once, before the session is read: the browser shows the popup when its
 * document has loaded, and an empty popup that grows a moment later looks broken. If a break turns out
 * to be running, the timer replaces it; Start would only have shown that break's timer anyway.
 */
export function PopupApp({ initial }: Props) {
  const { view, now, act } = useLiveSession(initial);
  // A failed request: what the person reads, and what Retry does again.
  const [error, setError] = useState<{ text: string; retry(): void } | null>(null);
  const [Running, setRunning] = useState<PopupRunningComponent | null>(null);
  const [Reminder, setReminder] = useState<ReminderStatusComponent | null>(null);
  const [Keys, setKeys] = useState<ShortcutsComponent | null>(null);
  const [News, setNews] = useState<WhatsNewComponent | null>(null);
  useEffect(() => {
    // After the first paint: a line after an update (or nothing), the reminder status, the shortcuts.
    void afterFirstPaint().then(() => {
      void import('./WhatsNew').then((m) => setNews(() => m.WhatsNew));
      void import('./ReminderStatus').then((m) => setReminder(() => m.ReminderStatus));
      void import('../shared/Shortcuts').then((m) => setKeys(() => m.Shortcuts));
    });
  }, []);
  const active = view?.status === 'running' || view?.status === 'paused';
  const summary = view ? freshSummary(view, now) : null;
  // Opened during a break, the popup shows neither view until the session is read, rather than the start
  // view for a frame (lib/popup/break-hint.ts).
  const [hinted] = useState(breakHinted);
  const waiting = view === null && hinted;
  useEffect(() => {
    if (view) hintBreak(active);
  }, [view === null, active]);

  // The view that fills the popup. The window was fitted to the start view at the first frame (main.tsx);
  // when a break's timer or summary replaces it, the window is fitted to that instead.
  const shown = waiting ? null : active ? (Running ? 'running' : null) : summary && Running ? 'summary' : 'start';
  const fitted = useRef(shown);
  useLayoutEffect(() => {
    if (shown === null || shown === fitted.current) return;
    fitted.current = shown;
    fitWindowHeight();
  }, [shown]);

  useEffect(() => {
    if ((active || summary || waiting) && !Running) void loadPopupRunning().then((component) => setRunning(() => component));
  }, [active, Boolean(summary), waiting, Running]);

  const run = async (type: 'start' | 'showTimer' | 'showWindow', choice?: BreakChoice) => {
    setError(null);
    try {
      const answer = await (type === 'start' ? send({ type, choice }) : send({ type }));
      if (type === 'start') hintBreak(true);
      // The timer now lives on the page (or in its window): get out of the way.
      if (answer.timer === 'page') window.close();
    } catch (err) {
      setError({
        text: failedText(type === 'start' ? 'startFailed' : 'showTimerFailed', err),
        retry: () => void run(type, choice),
      });
    }
  };

  const openPage = (path: '/log.html' | '/why.html') => {
    void ext.tabs.create({ url: ext.runtime.getURL(path) });
    window.close();
  };
  // The browser's own way to Settings: it brings an open Settings tab forward instead of opening another.
  const openSettings = () => {
    void ext.runtime.openOptionsPage().finally(() => window.close());
  };

  return (
    <main class="rb-root rb-popup">
      <header class="rb-popup__head">
        <h1>{t('extName')}</h1>
      </header>
      {/* At the top, where the pressed button was: a failure is seen without scrolling. */}
      {error ? (
        <div class="rb-error" role="alert">
          <p>{error.text}</p>
          <button type="button" onClick={error.retry}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {News ? <News /> : null}
      {waiting ? null : active ? (
        Running ? (
          <Running
            session={view}
            now={now}
            act={act}
            onShowTimer={() => void run('showTimer')}
            onShowWindow={() => void run('showWindow')}
          />
        ) : null
      ) : (
        <>
          {summary && Running ? <Running session={summary} now={now} act={act} /> : null}
          <StartView onStart={(choice) => void run('start', choice)} />
        </>
      )}
      {Reminder ? <Reminder /> : null}
      {Keys ? (
        <details>
          <summary>{t('shortcutsHeading')}</summary>
          <Keys />
        </details>
      ) : null}
      <nav class="rb-popup__links">
        <button type="button" class="rb-link" onClick={() => openPage('/log.html')}>
          {t('history')}
        </button>
        <button type="button" class="rb-link" onClick={openSettings}>
          {t('settings')}
        </button>
        <button type="button" class="rb-link" onClick={() => openPage('/why.html')}>
          {t('whyLink')}
        </button>
      </nav>
    </main>
  );
}

/** A remembered choice with its length brought into its moment's range (a pre-workout roll is at most 8 min). */
function inRange(choice: Omit<BreakChoice, 'focus'>): Omit<BreakChoice, 'focus'> {
  return { ...choice, minutes: normalizeMinutes(choice.minutes, choice.moment) };
}

function StartView({ onStart }: { onStart: (choice: BreakChoice) => void }) {
  const [choice, setChoice] = useState<BreakChoice>(() => ({ ...inRange(readCachedChoice(DEFAULT_CHOICE)), focus: [] }));
  const [Preview, setPreview] = useState<PlanPreviewComponent | null>(null);
  const [safetySeen, setSafetySeen] = useState(safetyNoteSeen);
  const closeSafety = () => {
    markSafetyNoteSeen();
    setSafetySeen(true);
  };
  // `npm run bench` reads this mark: the moment the popup can be used (rendered, handlers attached).
  useLayoutEffect(() => {
    performance.mark('rollbreak:interactive');
  }, []);
  useEffect(() => {
    void afterFirstPaint().then(() => {
      void import('./PlanPreview').then((m) => setPreview(() => m.PlanPreview));
      // Another device may have changed the synced choice since this browser cached it.
      void readSyncedChoice().then((synced) => {
        if (synced) setChoice((c) => ({ ...c, ...inRange(synced) }));
      });
    });
  }, []);
  const change = (next: BreakChoice) => {
    setChoice(next);
    // The cache is written at once; if the background cannot be reached, the next start remembers it.
    void persistChoice(next).catch(() => undefined);
  };
  return (
    <section class="rb-start">
      {safetySeen ? null : <SafetyNote onClose={closeSafety} />}
      <button
        type="button"
        class="rb-primary rb-big"
        onClick={() => {
          // The note was on screen above this button: starting counts as having seen it.
          markSafetyNoteSeen();
          onStart(choice);
        }}
        autoFocus
      >
        {tp('startRollMinutes', choice.minutes, formatNumber(choice.minutes))}
      </button>
      <ChoicePicker choice={choice} onChange={change} />
      {Preview ? <Preview choice={choice} onChange={change} /> : <p class="rb-cue">{t('loadingPlan')}</p>}
    </section>
  );
}

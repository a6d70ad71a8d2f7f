import { useEffect } from 'preact/hooks';
import type { SessionState } from '../lib/session/types';
import { holdRemainingMs, stepRemainingMs } from '../lib/session/derive';
import { formatClock, t } from '../lib/i18n';
import { TimerPanel } from './TimerPanel';
import { useLiveSession } from './use-live-session';

/** The timer in its own small window, for pages the overlay cannot reach. */
export function TimerWindowApp({ initial }: { initial: SessionState }) {
  const { view, now, act } = useLiveSession(initial);
  // Closing the done screen closes the window; the break itself is already logged.
  useEffect(() => {
    if (view?.status === 'idle') window.close();
  }, [view?.status]);
  // The title carries the ring's countdown, so the taskbar tells the time while the window is behind others.
  const running = view?.status === 'running' || view?.status === 'paused';
  document.title = running ? t('timerWindowTitle', formatClock(view.hold ? holdRemainingMs(view, now) : stepRemainingMs(view, now))) : t('timerTitle');
  if (!view || view.status === 'idle') return <main class="rb-root rb-window" aria-busy="true" />;
  return (
    <main class="rb-root rb-window">
      <h1 class="rb-sr">{t('extName')}</h1>
      <TimerPanel session={view} now={now} act={act} />
    </main>
  );
}

import { useEffect } from 'preact/hooks';
import type { SessionState } from '../lib/session/types';
import { t } from '../lib/i18n';
import { TimerPanel } from './TimerPanel';
import { useLiveSession } from './use-live-session';

/** The timer in its own small window, for pages the overlay cannot reach. */
export function TimerWindowApp({ initial }: { initial: SessionState }) {
  const { view, now, act } = useLiveSession(initial);
  // Closing the done screen closes the window; the break itself is already logged.
  useEffect(() => {
    if (view?.status === 'idle') window.close();
  }, [view?.status]);
  if (!view || view.status === 'idle') return <main class="rb-root rb-window" aria-busy="true" />;
  return (
    <main class="rb-root rb-window">
      <h1 class="rb-sr">{t('extName')}</h1>
      <TimerPanel session={view} now={now} act={act} />
    </main>
  );
}

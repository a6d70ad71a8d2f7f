import { useEffect, useRef } from 'preact/hooks';
import type { SessionState } from '../../lib/session/types';
import { holdRemainingMs, stepRemainingMs } from '../../lib/session/derive';
import { formatClock, t } from '../../lib/i18n';
import { TimerPanel } from './TimerPanel';
import { PageStepPicture } from '../pictures/PageStepPicture';
import { DonePanel } from './DonePanel';
import { LiveRegion } from './LiveRegion';
import { useLiveSession } from './use-live-session';
import { useKeepFocus } from './keep-focus';

/** The timer in its own small window, for pages the overlay cannot reach. */
export function TimerWindowApp({ initial }: { initial: SessionState }) {
  const { view, now, act } = useLiveSession(initial);
  // A replaced control (Knot by Stop hold, End by Close) hands focus on instead of dropping it.
  useKeepFocus(document, useRef<string>());
  // Closing the done screen closes the window; the break itself is already logged.
  useEffect(() => {
    if (view?.status === 'idle') window.close();
  }, [view?.status]);
  // The title carries the ring's countdown, so the taskbar tells the time while the window is behind others.
  const running = view?.status === 'running' || view?.status === 'paused';
  document.title = running
    ? t('timerWindowTitle', formatClock(view.hold ? holdRemainingMs(view, now) : stepRemainingMs(view, now)))
    : t('timerTitle');
  const shown = view && view.status !== 'idle' ? view : null;
  return (
    <main class="rb-root rb-window" aria-busy={shown ? undefined : 'true'}>
      <h1 class="rb-sr">{t('extName')}</h1>
      {!shown ? null : shown.status === 'running' || shown.status === 'paused' ? (
        <TimerPanel session={shown} now={now} act={act} Picture={PageStepPicture} />
      ) : (
        <DonePanel session={shown} act={act} />
      )}
      <LiveRegion session={shown} />
    </main>
  );
}

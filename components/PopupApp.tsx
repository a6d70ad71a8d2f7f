import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { SessionState } from '../lib/session/types';
import { send } from '../lib/messages';
import { ext } from '../lib/ext-lite';
import { defaultPlan } from '../lib/routines/default-plan';
import { areaMessageKey } from '../lib/routines/areas';
import { formatClock, t } from '../lib/i18n';
import { useLiveSession } from './use-live-session';
import type { PopupRunningComponent } from './PopupRunning';

export const loadPopupRunning = () => import('./PopupRunning').then((m) => m.PopupRunning);

interface Props {
  /** The session read, started before the first render. */
  initial: Promise<SessionState>;
}

/**
 * The toolbar popup: one click starts a break; while one runs it shows the timer.
 * The start view paints at once, before the session is read: the browser shows the popup when its
 * document has loaded, and an empty popup that grows a moment later looks broken. If a break turns out
 * to be running, the timer replaces it; Start would only have shown that break's timer anyway.
 */
export function PopupApp({ initial }: Props) {
  const { view, now, act } = useLiveSession(initial);
  const [error, setError] = useState<string | null>(null);
  const [Running, setRunning] = useState<PopupRunningComponent | null>(null);
  const idle = !view || view.status === 'idle';

  useEffect(() => {
    if (!idle && !Running) void loadPopupRunning().then((component) => setRunning(() => component));
  }, [idle, Running]);

  const run = async (type: 'start' | 'showTimer') => {
    setError(null);
    try {
      const answer = await send({ type });
      // The timer now lives on the page (or in its window): get out of the way.
      if (answer.timer === 'page') window.close();
    } catch {
      setError(t('startFailed'));
    }
  };

  const openPage = (path: '/log.html' | '/options.html' | '/why.html') => {
    void ext.tabs.create({ url: ext.runtime.getURL(path) });
    window.close();
  };

  return (
    <main class="rb-root rb-popup">
      <header class="rb-popup__head">
        <h1>{t('extName')}</h1>
      </header>
      {idle ? (
        <StartView onStart={() => void run('start')} />
      ) : Running ? (
        <Running session={view} now={now} act={act} onShowTimer={() => void run('showTimer')} />
      ) : null}
      {error ? (
        <p class="rb-error" role="alert">
          {error}
        </p>
      ) : null}
      <nav class="rb-popup__links">
        <button type="button" class="rb-link" onClick={() => openPage('/log.html')}>
          {t('history')}
        </button>
        <button type="button" class="rb-link" onClick={() => openPage('/options.html')}>
          {t('settings')}
        </button>
        <button type="button" class="rb-link" onClick={() => openPage('/why.html')}>
          {t('whyLink')}
        </button>
      </nav>
    </main>
  );
}

function StartView({ onStart }: { onStart: () => void }) {
  const plan = defaultPlan();
  // `npm run bench` reads this mark: the moment the popup can be used (rendered, handlers attached).
  useLayoutEffect(() => {
    performance.mark('rollbreak:interactive');
  }, []);
  // Sided areas appear once, with their per-side time.
  const areas = plan.steps.filter((step, i) => plan.steps[i - 1]?.area !== step.area);
  return (
    <section class="rb-start">
      <button type="button" class="rb-primary rb-big" onClick={onStart} autoFocus>
        {t('startRoll')}
      </button>
      <p class="rb-cue">{t('planIntro')}</p>
      <ol class="rb-plan" aria-label={t('planLabel')}>
        {areas.map((step) => (
          <li key={step.area}>
            <span>{t(areaMessageKey(step.area))}</span>
            <span class="rb-plan__time">
              {step.side ? t('perSide', formatClock(step.seconds * 1000)) : formatClock(step.seconds * 1000)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../lib/session/types';
import { TIMER_TAB_KEY, type TimerTab } from '../../lib/storage/keys';
import { localValue } from '../../lib/storage/local-value';
import { t } from '../../lib/i18n';
import { TimerPanel } from '../timer/TimerPanel';
import { DonePanel } from '../timer/DonePanel';
import { LiveRegion } from '../timer/LiveRegion';
import type { UserSessionEvent } from '../../lib/session/types';

interface Props {
  session: Session;
  now: number;
  act: (event: UserSessionEvent) => void;
  /** While the break runs: put the timer on this page, or open it in its window. */
  onShowTimer?: () => void;
  onShowWindow?: () => void;
}

/** Whether the timer could not follow the break to the next page in its tab (no access to that site). */
function useTimerLost(): boolean {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    void localValue<TimerTab | null>(TIMER_TAB_KEY, null, 'session')
      .get()
      .then((tab) => setLost(Boolean(tab?.lost)));
  }, []);
  return lost;
}

/**
 * The popup during (or just after) a break. Loaded on demand: most popup opens are to start a break,
 * and the start view's first paint should not wait for the timer's code.
 */
export function PopupRunning({ session, now, act, onShowTimer, onShowWindow }: Props) {
  const active = session.status === 'running' || session.status === 'paused';
  const lost = useTimerLost();
  return (
    <>
      {active ? <TimerPanel session={session} now={now} act={act} /> : <DonePanel session={session} act={act} />}
      <LiveRegion session={session} />
      {active && lost ? <p class="rb-cue">{t('timerLost')}</p> : null}
      {active ? (
        <div class="rb-row">
          <button type="button" onClick={onShowTimer}>
            {t('showTimerOnPage')}
          </button>
          {lost ? (
            <button type="button" onClick={onShowWindow}>
              {t('openTimerWindow')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export type PopupRunningComponent = typeof PopupRunning;

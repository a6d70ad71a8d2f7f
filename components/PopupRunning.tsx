import type { Session } from '../lib/session/types';
import type { UserSessionEvent } from '../lib/messaging/protocol';
import { t } from '../lib/i18n';
import { TimerPanel } from './TimerPanel';

interface Props {
  session: Session;
  now: number;
  act: (event: UserSessionEvent) => void;
  onShowTimer: () => void;
}

/**
 * The popup during (or just after) a break. Loaded on demand: most popup opens are to start a break,
 * and the start view's first paint should not wait for the timer's code.
 */
export function PopupRunning({ session, now, act, onShowTimer }: Props) {
  const active = session.status === 'running' || session.status === 'paused';
  return (
    <>
      <TimerPanel session={session} now={now} act={act} />
      {active ? (
        <div class="rb-row">
          <button type="button" onClick={onShowTimer}>
            {t('showTimerOnPage')}
          </button>
        </div>
      ) : null}
    </>
  );
}

export type PopupRunningComponent = typeof PopupRunning;

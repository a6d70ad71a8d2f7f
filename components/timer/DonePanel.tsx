import { useState } from 'preact/hooks';
import type { Session } from '../../lib/session/types';
import { send } from '../../lib/messaging/send';
import { activeMs } from '../../lib/session/derive';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';
import type { UserSessionEvent } from '../../lib/session/types';

/**
 * The end of a break: how it went and Close. Shown once per break, so the page overlay does not carry
 * it: the background injects it (overlay-parts.js) when the overlay first needs it.
 */

/** After a pre-workout roll: train now, and a one-off reminder for the post-workout roll. */
function PostWorkoutOffer() {
  const [set, setSet] = useState(0);
  const remind = (minutes: number) => {
    void send({ type: 'postWorkout', minutes });
    setSet(minutes);
  };
  return (
    <>
      <p class="rb-cue rb-cue--pos">{t('moment_pre_done')}</p>
      {set ? (
        <p class="rb-cue" role="status">
          {tp('postWorkoutSet', set, formatNumber(set))}
        </p>
      ) : (
        <div class="rb-row">
          <span class="rb-cue">{t('postWorkoutOffer')}</span>
          {[45, 60, 90].map((m) => (
            <button type="button" onClick={() => remind(m)}>
              {tp('postWorkoutIn', m, formatNumber(m))}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

export function DonePanel({ session, act }: { session: Session; act: (event: UserSessionEvent) => void }) {
  const rolled = formatClock(activeMs(session, session.endedAt ?? 0));
  return (
    <section class="rb-panel rb-done" aria-label={t('timerRegion')}>
      <h2 class="rb-area">{session.status === 'finished' ? t('doneTitle') : t('endedTitle')}</h2>
      <p class="rb-cue">
        {tp('doneSummary', session.holdCount, [rolled, formatNumber(session.holdCount)])} {t(session.saved === false ? 'doneSaving' : 'doneSaved')}
      </p>
      {session.plan.moment === 'pre' && session.status === 'finished' ? <PostWorkoutOffer /> : null}
      <div class="rb-row">
        <button type="button" class="rb-primary" data-heir onClick={() => act({ type: 'dismiss' })}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}

export type DonePanelComponent = typeof DonePanel;

import { useState } from 'preact/hooks';
import type { Session } from '../../lib/session/types';
import { send } from '../../lib/messaging/send';
import { activeMs } from '../../lib/session/derive';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';
import type { UserSessionEvent } from '../../lib/session/types';
import { areaMessageKey } from '../../lib/domain/areas';

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

/**
 * The check-in, when the break asks for it: "How does each area feel now?", one tap per area rolled
 * (eased, same, worse). Each tap is sent at once (the background keeps the answers so far with the break,
 * so Close loses nothing); Skip ends the check-in with one press. The answers shape the next plans
 * (lib/routines/body-signals.ts). Written inline with the timer's own classes, to keep this part small.
 */
export function DonePanel({ session, act }: { session: Session; act: (event: UserSessionEvent) => void }) {
  const rolled = formatClock(activeMs(session, session.endedAt ?? 0));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const asking = session.checkIn === 'ask' && session.checkInAreas?.length;
  return (
    <section class="rb-panel rb-done" aria-label={t('timerRegion')}>
      <h2 class="rb-area">{session.status === 'finished' ? t('doneTitle') : t('endedTitle')}</h2>
      <p class="rb-cue">
        {tp('doneSummary', session.holdCount, [rolled, formatNumber(session.holdCount)])}{' '}
        {t(session.saved === false ? 'doneSaving' : 'doneSaved')}
      </p>
      {asking ? <p class="rb-cue rb-cue--pos">{t('checkInQuestion')}</p> : null}
      {asking
        ? session.checkInAreas!.map((area) => (
            <div role="group" aria-label={t(areaMessageKey(area))}>
              <p class="rb-cue" aria-hidden>
                {t(areaMessageKey(area))}
              </p>
              <div class="rb-row">
                {['eased', 'same', 'worse'].map((feel) => {
                  const on = answers[area] === feel;
                  return (
                    <button
                      type="button"
                      class={on ? 'rb-primary' : ''}
                      aria-pressed={on}
                      onClick={() => {
                        const next = { ...answers, [area]: feel };
                        setAnswers(next);
                        void send({ type: 'checkIn', answers: next });
                      }}
                    >
                      {t(`feel_${feel as 'eased' | 'same' | 'worse'}`)}
                    </button>
                  );
                })}
              </div>
            </div>
          ))
        : null}
      {session.checkIn === 'answered' ? (
        <p class="rb-cue" role="status">
          {t('checkInThanks')}
        </p>
      ) : null}
      {session.plan.moment === 'pre' && session.status === 'finished' ? <PostWorkoutOffer /> : null}
      <div class="rb-row">
        {asking ? (
          <button type="button" onClick={() => void send({ type: 'checkIn', answers: null })}>
            {t('checkInSkip')}
          </button>
        ) : null}
        <button type="button" class="rb-primary" data-heir onClick={() => act({ type: 'dismiss' })}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}

export type DonePanelComponent = typeof DonePanel;

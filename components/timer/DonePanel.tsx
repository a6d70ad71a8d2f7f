import { useState } from 'preact/hooks';
import type { Session } from '../../lib/session/types';
import { send } from '../../lib/messaging/send';
import { activeMs } from '../../lib/session/derive';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';
import type { UserSessionEvent } from '../../lib/session/types';
import type { AreaId } from '../../lib/domain/areas';
import { areaMessageKey } from '../../lib/domain/areas';
import { checkInAreasOf } from '../../lib/session/check-in';

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

const FEELS = ['eased', 'same', 'worse'] as const;
type Feel = (typeof FEELS)[number];

/**
 * "How does each area feel now?": one tap per area rolled (eased, same, worse), sent once every area has
 * its answer; Skip sends nothing for the whole break with one press. The answers go with the break into
 * the log and shape the next plans (lib/routines/body-signals.ts). Styled with the timer's own classes: the
 * page overlay's stylesheet carries nothing for it.
 */
function CheckIn({
  session,
  answers,
  setAnswers,
}: {
  session: Session;
  answers: Partial<Record<AreaId, Feel>>;
  setAnswers: (a: Partial<Record<AreaId, Feel>>) => void;
}) {
  const areas = checkInAreasOf(session);
  if (areas.length === 0) return null;
  const pick = (area: AreaId, feel: Feel) => {
    const next = { ...answers, [area]: feel };
    setAnswers(next);
    if (areas.every((a) => next[a])) void sendCheckIn(next);
  };
  return (
    <div role="group" aria-labelledby="rb-checkin-q">
      <p id="rb-checkin-q" class="rb-cue rb-cue--pos">
        {t('checkInQuestion')}
      </p>
      {areas.map((area) => (
        <div key={area} role="group" aria-label={t(areaMessageKey(area))}>
          <p class="rb-cue" aria-hidden="true">
            {t(areaMessageKey(area))}
          </p>
          <div class="rb-row">
            {FEELS.map((feel) => (
              <button
                type="button"
                class={answers[area] === feel ? 'rb-primary' : ''}
                aria-pressed={answers[area] === feel}
                onClick={() => pick(area, feel)}
              >
                {t(`feel_${feel}`)}
              </button>
            ))}
          </div>
        </div>
      ))}
      <div class="rb-row">
        <button type="button" onClick={() => void send({ type: 'checkIn', answers: null })}>
          {t('checkInSkip')}
        </button>
      </div>
    </div>
  );
}

function sendCheckIn(answers: Partial<Record<AreaId, Feel>>) {
  const list = Object.entries(answers).map(([area, feel]) => ({ area, feel: feel! }));
  return send({ type: 'checkIn', answers: list.length > 0 ? list : null }).catch(() => undefined);
}

export function DonePanel({ session, act }: { session: Session; act: (event: UserSessionEvent) => void }) {
  const rolled = formatClock(activeMs(session, session.endedAt ?? 0));
  const [answers, setAnswers] = useState<Partial<Record<AreaId, Feel>>>({});
  const close = async () => {
    // Some areas answered and the rest left: what was answered is kept.
    if (session.checkIn === 'ask' && Object.keys(answers).length > 0) await sendCheckIn(answers);
    act({ type: 'dismiss' });
  };
  return (
    <section class="rb-panel rb-done" aria-label={t('timerRegion')}>
      <h2 class="rb-area">{session.status === 'finished' ? t('doneTitle') : t('endedTitle')}</h2>
      <p class="rb-cue">
        {tp('doneSummary', session.holdCount, [rolled, formatNumber(session.holdCount)])}{' '}
        {t(session.saved === false ? 'doneSaving' : 'doneSaved')}
      </p>
      {session.checkIn === 'ask' ? <CheckIn session={session} answers={answers} setAnswers={setAnswers} /> : null}
      {session.checkIn === 'answered' ? (
        <p class="rb-cue" role="status">
          {t('checkInThanks')}
        </p>
      ) : null}
      {session.plan.moment === 'pre' && session.status === 'finished' ? <PostWorkoutOffer /> : null}
      <div class="rb-row">
        <button type="button" class="rb-primary" data-heir onClick={() => void close()}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}

export type DonePanelComponent = typeof DonePanel;

import type { PlanStep, Session, Tool } from '../../lib/session/types';
import { breakRemainingMs, holdRemainingMs, stepRemainingMs } from '../../lib/session/derive';
import { areaMessageKey } from '../../lib/domain/areas';
import type { MessageKey } from '../../lib/i18n';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { CountdownRing } from './CountdownRing';
import { BodyMap } from '../shared/BodyMap';
import type { UserSessionEvent } from '../../lib/session/types';
import type { StepPictureComponent } from '../pictures/StepPicture';

interface Props {
  session: Session;
  now: number;
  act: (event: UserSessionEvent) => void;
  /**
   * The step's picture, beside the body map: the timer window imports it, the timer over a page gets it
   * with its parts injected on demand (pictures are not in the overlay script).
   */
  Picture?: StepPictureComponent | undefined;
}

function areaTitle(step: PlanStep): string {
  const area = t(areaMessageKey(step.area));
  return step.side ? t(step.side === 'left' ? 'stepLeft' : 'stepRight', area) : area;
}

/** The step's heading, also what the live region announces. */
export function stepTitle(step: PlanStep): string {
  // A switch with no side is the breath between two sets of a roll that takes both legs at once.
  if (step.kind === 'switch') return t(step.side ? 'switchSidesTitle' : 'setRestTitle');
  if (step.kind === 'move') return t('getReady', areaTitle(step));
  return areaTitle(step);
}

/** Which area of the plan a step belongs to, 1-based, and how many areas there are. */
function areaProgress(session: Session): [number, number] {
  const steps = session.plan.steps;
  const starts = steps.map((step, i) => i === 0 || steps[i - 1]!.area !== step.area);
  const upTo = starts.slice(0, session.stepIndex + 1).filter(Boolean).length;
  return [upTo, starts.filter(Boolean).length];
}

/** The next step that is time on an area, skipping the get-ready moments before it. */
function nextRoll(session: Session): PlanStep | undefined {
  return session.plan.steps.slice(session.stepIndex + 1).find((step) => step.kind === 'roll');
}

/**
 * The running break's timer: area, countdown, knot hold and controls. Shared by the overlay, window and
 * popup, which show DonePanel instead once the break is over, and render the break's one live region
 * (LiveRegion), which outlives both.
 */
export function TimerPanel({ session, now, act, Picture }: Props) {
  const step = session.plan.steps[session.stepIndex]!;
  const next = session.plan.steps[session.stepIndex + 1];
  const upcoming = nextRoll(session);
  const rolling = step.kind === 'roll';
  const paused = session.status === 'paused';
  const holding = session.hold !== null;
  const stepLeft = stepRemainingMs(session, now);
  const holdLeft = holdRemainingMs(session, now);
  const sidePair = rolling && step.side !== null && next?.area === step.area && next.side !== null && next.side !== step.side;
  const title = stepTitle(step);

  return (
    <section class="rb-panel" aria-label={t('timerRegion')}>
      <p class="rb-progress">
        {t(
          'stepOf',
          areaProgress(session).map((n) => formatNumber(n)),
        )}
        {' · '}
        {t('breakLeft', formatClock(breakRemainingMs(session, now)))}
      </p>
      <h2 class="rb-area">{title}</h2>
      {/* .rb-heading sizes the map (timer.css), so it takes no size of its own. */}
      <div class="rb-heading">
        <BodyMap current={step.area} />
        {Picture && !holding ? <Picture step={step} tool={session.plan.tool} /> : null}
      </div>
      <Coaching step={step} tool={session.plan.tool} holding={holding} />

      {holding ? (
        <CountdownRing
          tone={paused ? 'paused' : 'hold'}
          fraction={holdLeft / (session.hold!.deadline - session.hold!.startedAt)}
          label={formatClock(holdLeft)}
          sublabel={t('holdLabel')}
        />
      ) : (
        <CountdownRing
          tone={paused ? 'paused' : 'step'}
          fraction={stepLeft / (step.seconds * 1000)}
          label={formatClock(stepLeft)}
          sublabel={paused ? t('pausedLabel') : rolling ? t('areaTimeLabel') : t('transitionLabel')}
        />
      )}
      <p class="rb-hint">
        {holding
          ? t('holdBreath', formatClock(stepLeft))
          : !rolling
            ? step.kind === 'switch'
              ? t('upNext', areaTitle(step))
              : ''
            : upcoming
              ? t('upNext', areaTitle(upcoming))
              : t('lastArea')}
      </p>

      <div class="rb-row">
        {holding ? (
          <>
            <button type="button" onClick={() => act({ type: 'holdRestart' })} disabled={paused}>
              {t('anotherKnot')}
            </button>
            <button type="button" data-heir onClick={() => act({ type: 'holdCancel' })}>
              {t('cancelHold')}
            </button>
          </>
        ) : rolling ? (
          <button type="button" class="rb-primary" data-heir onClick={() => act({ type: 'holdStart' })} disabled={paused}>
            {t('knot')}
          </button>
        ) : null}
        {sidePair ? (
          <button type="button" onClick={() => act({ type: 'switchSide' })}>
            {t('switchSide')}
          </button>
        ) : null}
      </div>
      <div class="rb-row">
        {paused ? (
          <button type="button" class="rb-primary" onClick={() => act({ type: 'resume' })}>
            {t('resume')}
          </button>
        ) : (
          <button type="button" onClick={() => act({ type: 'pause' })}>
            {t('pause')}
          </button>
        )}
        <button type="button" data-heir onClick={() => act({ type: 'skip' })}>
          {t('skip')}
        </button>
        <button type="button" class="rb-danger" onClick={() => act({ type: 'end' })}>
          {t('end')}
        </button>
      </div>
    </section>
  );
}

/**
 * The step's cues for the plan's tool: how to move, what to do on a knot, and in a hold the tool's own
 * hold words with a breathing guide. The cautions (the area's and the general one) stay on screen for the
 * whole step, hold included. Keys are composed rather than looked up: a plan only holds (area, tool) pairs
 * from the catalogue, whose cues the completeness test checks, and the overlay stays small without the
 * catalogue's data.
 */
function Coaching({ step, tool, holding }: { step: PlanStep; tool: Tool; holding: boolean }) {
  const stem = `tech_${step.area.replace(/-/g, '_')}_${tool}`;
  const move = `${stem}_move` as MessageKey;
  const knot = `${stem}_knot` as MessageKey;
  const cautions = step.cautions?.length ? (
    <p class="rb-cue rb-cue--caution">{step.cautions.map((c) => t(`caution_${c}` as MessageKey)).join(' ')}</p>
  ) : null;
  if (holding) {
    return (
      <>
        <p class="rb-breath">
          <span class="rb-breath__dot" aria-hidden="true" />
          {t(`breathe_${tool}`)}
        </p>
        {cautions}
      </>
    );
  }
  return (
    <>
      {step.kind === 'move' && step.position ? (
        <p class="rb-cue rb-cue--pos">{t('positionLabel', t(`pos_${step.position}`))}</p>
      ) : null}
      <p class="rb-cue">{t(move)}</p>
      {cautions}
      {step.kind === 'roll' ? (
        <p class="rb-cue rb-cue--knot">
          <strong>{t('knotCueLabel')}</strong> {t(knot)}
        </p>
      ) : null}
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { AreaId } from '../../lib/domain/areas';
import { areaMessageKey } from '../../lib/domain/areas';
import { generatePlan, suitableAreas } from '../../lib/routines/generate-plan';
import { planInput } from '../../lib/routines/plan-input';
import type { AreaDose } from '../../lib/routines/plan-summary';
import { summarizePlan } from '../../lib/routines/plan-summary';
import { LAST_ROLLED_FALLBACK, LAST_ROLLED_KEY } from '../../lib/storage/keys';
import { localValue } from '../../lib/storage/local-value';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { BodyMap } from '../shared/BodyMap';
import { describeHighlight } from '../shared/body-map-coverage';
import type { BreakChoice } from '../../lib/domain/choice';
import { techniqueMoveKey } from '../../lib/routines/catalogue';
import { TechniquePicture } from '../pictures/TechniquePicture';

/** The pictures' module, loaded when "Show how" is first opened: the popup opens without it. */
type Pictures = typeof import('../../lib/pictures/pictures');

const lastRolledValue = localValue<Partial<Record<AreaId, number>>>(LAST_ROLLED_KEY, LAST_ROLLED_FALLBACK);

/** "1:30 per side", "2 × 1:05 per side", "1:45, both legs". */
function doseText({ perSide, sets, seconds }: AreaDose): string {
  const time = formatClock(seconds * 1000);
  if (sets > 1) return t(perSide ? 'setsPerSide' : 'setsBothLegs', [String(sets), time]);
  return perSide ? t('perSide', time) : t('bothLegs', time);
}

interface Props {
  choice: BreakChoice;
  onChange: (choice: BreakChoice) => void;
}

/**
 * The plan the start button will run, on a body map and as a list, and the focus-area picker.
 * Loaded after the popup's first paint: the start button must not wait for it.
 */
export function PlanPreview({ choice, onChange }: Props) {
  const [lastRolled, setLastRolled] = useState<Partial<Record<AreaId, number>> | null>(null);
  const [showFocus, setShowFocus] = useState(choice.focus.length > 0);
  const [showHow, setShowHow] = useState(false);
  const [pictures, setPictures] = useState<Pictures | null>(null);
  useEffect(() => {
    void lastRolledValue.get().then(setLastRolled);
  }, []);
  if (!lastRolled) return <p class="rb-cue">{t('loadingPlan')}</p>;

  const plan = generatePlan(planInput(choice, lastRolled, Date.now()));
  const areas = summarizePlan(plan);
  const toggleHow = () => {
    if (!pictures) void import('../../lib/pictures/pictures').then(setPictures);
    setShowHow(!showHow);
  };
  const toggle = (area: AreaId) =>
    onChange({ ...choice, focus: choice.focus.includes(area) ? choice.focus.filter((a) => a !== area) : [...choice.focus, area] });

  return (
    <section class="rb-preview" aria-label={t('planPreviewLabel')}>
      <div class="rb-preview__body">
        <BodyMap highlight={areas.map((s) => s.area)} size="small" description={describeHighlight(areas.map((s) => s.area))} />
        <ol class="rb-plan">
          {areas.map((dose) => (
            <li key={dose.area}>
              <span>{t(areaMessageKey(dose.area))}</span>
              <span class="rb-plan__time">{doseText(dose)}</span>
            </li>
          ))}
        </ol>
      </div>
      {choice.moment === 'desk' && choice.tool === 'roller' ? <p class="rb-cue">{t('deskRollerHint')}</p> : null}
      <button type="button" class="rb-link" aria-expanded={showHow} onClick={toggleHow}>
        {t('showHow')}
      </button>
      {showHow && pictures ? (
        <ul class="rb-how">
          {areas.map(({ area }) => {
            const picture = pictures.pictureFor(area, choice.tool);
            const cue = techniqueMoveKey(area, choice.tool);
            return picture && cue ? (
              <li key={area}>
                <TechniquePicture picture={picture} label={t(cue)} width={112} />
                <p>
                  <strong>{t(areaMessageKey(area))}</strong> {t(cue)}
                </p>
              </li>
            ) : null;
          })}
        </ul>
      ) : null}
      <button type="button" class="rb-link" aria-expanded={showFocus} onClick={() => setShowFocus(!showFocus)}>
        {choice.focus.length > 0 ? t('focusToggleCount', formatNumber(choice.focus.length)) : t('focusToggle')}
      </button>
      {showFocus ? (
        <fieldset class="rb-chips">
          <legend class="rb-cue">{t('focusHelp')}</legend>
          {suitableAreas(choice.moment, choice.tool).map((area) => (
            <label key={area} class={choice.focus.includes(area) ? 'rb-chip rb-chip--on' : 'rb-chip'}>
              <input type="checkbox" checked={choice.focus.includes(area)} onChange={() => toggle(area)} />
              {t(areaMessageKey(area))}
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}

export type PlanPreviewComponent = typeof PlanPreview;

import { useEffect, useState } from 'preact/hooks';
import type { AreaId } from '../../lib/domain/areas';
import type { AreaDose } from '../../lib/routines/plan-summary';
import { summarizePlan } from '../../lib/routines/plan-summary';
import { localValue } from '../../lib/storage/local-value';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { BodyMap } from '../shared/BodyMap';
import { describeHighlight } from '../shared/body-map-coverage';
import type { BreakChoice } from '../../lib/domain/choice';
import { techniqueMoveKey } from '../../lib/routines/catalogue';
import { TechniquePicture } from '../pictures/TechniquePicture';

/** The pictures' module, loaded when "Show how" is first opened: the popup opens without it. */
type Pictures = typeof import('../../lib/pictures/pictures');
import { AREA_IDS, areaMessageKey } from '../../lib/domain/areas';
import type { Plan } from '../../lib/session/types';
import { NoAreaLeftError, generatePlan, suitableAreas, trainedAreas } from '../../lib/routines/generate-plan';
import { planInput, type BodyContext } from '../../lib/routines/plan-input';
import { leftOutOfShortPlan } from '../../lib/routines/short-plan';
import { readBodySignals } from '../../lib/log/body-read';
import type { AvoidedArea } from '../../lib/settings/avoid';
import { activeAvoid, normalizeAvoid, withAvoided, withoutAvoided } from '../../lib/settings/avoid';
import type { Side } from '../../lib/session/types';
import { avoidedName } from '../shared/avoid-names';
import { LAST_ROLLED_FALLBACK, LAST_ROLLED_KEY, SETTINGS_KEY } from '../../lib/storage/keys';
import { send } from '../../lib/messaging/send';
import { formatDayTime, formatList } from '../../lib/i18n/format';

const lastRolledValue = localValue<Partial<Record<AreaId, number>>>(LAST_ROLLED_KEY, LAST_ROLLED_FALLBACK);
const settingsValue = localValue<unknown>(SETTINGS_KEY, null, 'sync');

/** "1:30 per side", "2 × 1:05 per side", "1:45, both legs"; one side only (its name says which): "1:30", "2 × 1:05". */
function doseText({ perSide, sets, seconds, only }: AreaDose): string {
  const time = formatClock(seconds * 1000);
  if (only) return sets > 1 ? t('setsOneSide', [String(sets), time]) : time;
  if (sets > 1) return t(perSide ? 'setsPerSide' : 'setsBothLegs', [String(sets), time]);
  return perSide ? t('perSide', time) : t('bothLegs', time);
}

const names = (areas: readonly AreaId[]) => formatList(areas.map((a) => t(areaMessageKey(a))));

interface Props {
  choice: BreakChoice;
  onChange: (choice: BreakChoice) => void;
}

interface Loaded {
  lastRolled: Partial<Record<AreaId, number>>;
  body: BodyContext;
}

/**
 * The plan the start button will run, on a body map and as a list, with why it looks the way it does
 * (tender areas first, areas left out, what a short break has no time for), the focus-area picker and the
 * areas to leave alone. Loaded after the popup's first paint: the start button must not wait for it.
 */
export function PlanPreview({ choice, onChange }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [showFocus, setShowFocus] = useState(choice.focus.length > 0);
  const [showHow, setShowHow] = useState(false);
  const [pictures, setPictures] = useState<Pictures | null>(null);
  const [showAvoid, setShowAvoid] = useState(false);
  const [avoidSide, setAvoidSide] = useState<'both' | Side>('both');
  useEffect(() => {
    const now = Date.now();
    void Promise.all([lastRolledValue.get(), readBodySignals(now), settingsValue.get()]).then(([lastRolled, signals, settings]) =>
      setLoaded({ lastRolled, body: { signals, avoid: normalizeAvoid((settings as { avoid?: unknown } | null)?.avoid) } }),
    );
  }, []);
  if (!loaded) return <p class="rb-cue">{t('loadingPlan')}</p>;

  const now = Date.now();
  const { body } = loaded;
  const input = planInput(choice, loaded.lastRolled, now, body);
  let plan: Plan | null = null;
  try {
    plan = generatePlan(input);
  } catch (err) {
    if (!(err instanceof NoAreaLeftError)) throw err;
  }
  const areas = plan ? summarizePlan(plan) : [];
  const leading = new Set([...input.focus, ...trainedAreas(input)]);
  const tenderFirst = areas.map((d) => d.area).filter((a) => !leading.has(a) && (input.tender ?? []).includes(a));
  const active = activeAvoid(body.avoid, now);
  const avoidedAreas = new Set(active.map((a) => a.area));
  // Named as the plan leaves them out: one side, or the whole area where the tool works both sides at once.
  const leavingOut = active.map((a) => avoidedName(a.area, input.leaveOut?.includes(a.area) ? null : a.side));
  const resting = body.signals.resting.filter(
    (r) => r.until > now && !active.some((a) => a.area === r.area && a.side === undefined),
  );
  const shortfall = plan ? leftOutOfShortPlan(input, plan) : null;
  const toggleHow = () => {
    if (!pictures) void import('../../lib/pictures/pictures').then(setPictures);
    setShowHow(!showHow);
  };
  const toggle = (area: AreaId) =>
    onChange({
      ...choice,
      focus: choice.focus.includes(area) ? choice.focus.filter((a) => a !== area) : [...choice.focus, area],
    });
  const setAvoid = (avoid: AvoidedArea[]) => {
    setLoaded({ ...loaded, body: { ...body, avoid } });
    void send({ type: 'settings:patch', patch: { avoid } }).catch(() => undefined);
  };
  const toggleAvoid = (area: AreaId) =>
    setAvoid(
      avoidedAreas.has(area)
        ? withoutAvoided(body.avoid, area, 'any')
        : withAvoided(body.avoid, area, null, avoidSide === 'both' ? undefined : avoidSide),
    );

  return (
    <section class="rb-preview" aria-label={t('planPreviewLabel')}>
      {plan ? (
        <div class="rb-preview__body">
          <BodyMap highlight={areas.map((s) => s.area)} size="small" description={describeHighlight(areas.map((s) => s.area))} />
          <ol class="rb-plan">
            {areas.map((dose) => (
              <li key={dose.area}>
                <span>{avoidedName(dose.area, dose.only)}</span>
                <span class="rb-plan__time">{doseText(dose)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p class="rb-cue" role="status">
          {t('nothingLeft')}
        </p>
      )}
      {tenderFirst.length > 0 ? <p class="rb-cue">{t('tenderFirst', names(tenderFirst))}</p> : null}
      {shortfall ? (
        <p class="rb-cue">
          {shortfall.fitsAt === null
            ? t('notInLengthNone', [formatNumber(input.minutes), names(shortfall.missing)])
            : t('notInLength', [formatNumber(input.minutes), names(shortfall.missing), formatNumber(shortfall.fitsAt)])}
        </p>
      ) : null}
      {leavingOut.length > 0 ? <p class="rb-cue">{t('leavingOut', formatList(leavingOut))}</p> : null}
      {resting.map((r) => (
        <p class="rb-cue" key={r.area}>
          {t('restingArea', [t(areaMessageKey(r.area)), formatDayTime(r.until)])} {t('restingAdvice')}
        </p>
      ))}
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
      <div class="rb-preview__links">
        <button type="button" class="rb-link" aria-expanded={showFocus} onClick={() => setShowFocus(!showFocus)}>
          {choice.focus.length > 0 ? t('focusToggleCount', formatNumber(choice.focus.length)) : t('focusToggle')}
        </button>
        <button type="button" class="rb-link" aria-expanded={showAvoid} onClick={() => setShowAvoid(!showAvoid)}>
          {t('avoidToggle')}
        </button>
      </div>
      {showFocus ? (
        <fieldset class="rb-chips">
          <legend class="rb-cue">{t('focusHelp')}</legend>
          {suitableAreas(choice.moment, choice.tool, input.leaveOut).map((area) => (
            <label key={area} class={choice.focus.includes(area) ? 'rb-chip rb-chip--on' : 'rb-chip'}>
              <input type="checkbox" checked={choice.focus.includes(area)} onChange={() => toggle(area)} />
              {t(areaMessageKey(area))}
            </label>
          ))}
        </fieldset>
      ) : null}
      {showAvoid ? (
        <fieldset class="rb-chips">
          <legend class="rb-cue">{t('avoidHelp')}</legend>
          <label class="rb-avoid-side">
            {t('avoidSide')}{' '}
            <select
              value={avoidSide}
              onChange={(e) => setAvoidSide((e.currentTarget as HTMLSelectElement).value as 'both' | Side)}
            >
              <option value="both">{t('avoidSideBoth')}</option>
              <option value="left">{t('avoidSideLeft')}</option>
              <option value="right">{t('avoidSideRight')}</option>
            </select>
          </label>
          {AREA_IDS.map((area) => {
            const entry = active.find((a) => a.area === area);
            return (
              <label key={area} class={entry ? 'rb-chip rb-chip--on' : 'rb-chip'}>
                <input type="checkbox" checked={entry !== undefined} onChange={() => toggleAvoid(area)} />
                {avoidedName(area, entry?.side)}
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </section>
  );
}

export type PlanPreviewComponent = typeof PlanPreview;

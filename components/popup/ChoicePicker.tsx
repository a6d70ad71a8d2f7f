import type { Moment, Tool } from '../../lib/domain/lists';
import { MOMENT_IDS, TOOLS as TOOLS_LIST } from '../../lib/domain/lists';
import type { MessageKey } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import { formatMinutes } from '../../lib/i18n/format';
import { MOMENT_LENGTHS, lengthForMoment } from '../../lib/routines/lengths';
import type { Trained } from '../../lib/domain/trained';
import { DEFAULT_TRAINED, TRAINED_IDS, trainedKey } from '../../lib/domain/trained';
import type { BreakChoice } from '../../lib/domain/choice';

// The desk break leads: it is what most people take most often. The rest keep the domain order.
const MOMENTS: Array<[Moment, MessageKey]> = (['desk', ...MOMENT_IDS.filter((m) => m !== 'desk')] as Moment[]).map((m) => [
  m,
  `moment_${m}`,
]);
const TOOLS: Array<[Tool, MessageKey]> = TOOLS_LIST.map((tool) => [tool, `tool_${tool}`]);
const TRAINED: Array<[Trained, MessageKey]> = TRAINED_IDS.map((id) => [id, trainedKey(id)]);

interface Props {
  choice: BreakChoice;
  onChange: (choice: BreakChoice) => void;
}

function Segmented<V extends string>(props: {
  label: MessageKey;
  name: string;
  options: Array<[V, MessageKey]>;
  value: V;
  onPick: (v: V) => void;
}) {
  return (
    <fieldset class="rb-seg">
      <legend>{t(props.label)}</legend>
      {props.options.map(([value, key]) => (
        <label key={value} class={value === props.value ? 'rb-seg__on' : ''}>
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={value === props.value}
            onChange={() => props.onPick(value)}
          />
          {t(key)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Moment, tool and length, each one click away from the start button; before and after a workout also
 * what it trained, which decides the plan's first muscles. Picking a moment brings the length into that
 * moment's range (a pre-workout roll is at most 8 minutes; after a workout 7 fits two muscles at full dose).
 */
export function ChoicePicker({ choice, onChange }: Props) {
  const { min, max } = MOMENT_LENGTHS[choice.moment];
  const setMinutes = (minutes: number) => onChange({ ...choice, minutes: Math.min(max, Math.max(min, minutes)) });
  const workout = choice.moment === 'pre' || choice.moment === 'post';
  return (
    <div class="rb-choices">
      <Segmented
        label="chooseMoment"
        name="moment"
        options={MOMENTS}
        value={choice.moment}
        onPick={(moment) => onChange({ ...choice, moment, minutes: lengthForMoment(choice.minutes, moment), focus: [] })}
      />
      {workout ? (
        <Segmented
          label={choice.moment === 'pre' ? 'trainedQuestion_pre' : 'trainedQuestion_post'}
          name="trained"
          options={TRAINED}
          value={choice.trained ?? DEFAULT_TRAINED}
          onPick={(trained) => onChange({ ...choice, trained, focus: [] })}
        />
      ) : null}
      <Segmented
        label="chooseTool"
        name="tool"
        options={TOOLS}
        value={choice.tool}
        onPick={(tool) => onChange({ ...choice, tool, focus: [] })}
      />
      <div class="rb-length" role="group" aria-label={t('chooseLength')}>
        <span class="rb-length__label">{t('chooseLength')}</span>
        <button
          type="button"
          aria-label={t('shorter')}
          disabled={choice.minutes <= min}
          onClick={() => setMinutes(choice.minutes - 1)}
        >
          −
        </button>
        <output aria-live="polite">{formatMinutes(choice.minutes)}</output>
        <button
          type="button"
          aria-label={t('longer')}
          disabled={choice.minutes >= max}
          onClick={() => setMinutes(choice.minutes + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}

import { useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';

import { GOAL_MAX_MINUTES as GOAL_MAX, GOAL_MIN_MINUTES as GOAL_MIN } from '../../lib/settings/normalize';

export interface SummaryProps {
  streak: number;
  /** The streak may be longer: the older breaks are still loading. */
  streakAtLeast?: boolean;
  minutesThisWeek: number;
  goal: number;
  totalBreaks: number;
  /** Whether today already has a break (a streak counts up to yesterday until then). */
  rolledToday: boolean;
}

/** Saves a new weekly goal: a patch of that one field, applied by the background's settings writer. */
export async function saveGoal(minutes: number): Promise<void> {
  await send({ type: 'settings:patch', patch: { weeklyGoalMinutes: minutes } });
}

const isGoal = (text: string): boolean => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= GOAL_MIN && n <= GOAL_MAX;
};

function GoalInput({ goal }: { goal: number }) {
  const [value, setValue] = useState(String(goal));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A goal changed elsewhere (another page, another device) replaces what is shown.
  const shown = useRef(goal);
  if (shown.current !== goal) {
    shown.current = goal;
    if (Number(value) !== goal) setValue(String(goal));
  }
  const valid = isGoal(value);
  const commit = (text: string) => {
    if (!isGoal(text)) return;
    setError(null);
    void saveGoal(Number(text)).then(
      () => setSaved(true),
      (err: unknown) => {
        // The field goes back to the stored goal, and says why.
        setValue(String(shown.current));
        setError(failedText('settingSaveFailed', err));
      },
    );
  };
  return (
    <div class="rb-goal">
      <label>
        <span>{t('history_goal_label')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={GOAL_MIN}
          max={GOAL_MAX}
          step={5}
          value={value}
          aria-invalid={!valid}
          aria-describedby="rb-goal-note"
          onInput={(e) => {
            setValue(e.currentTarget.value);
            setSaved(false);
            setError(null);
          }}
          onChange={(e) => commit(e.currentTarget.value)}
        />
      </label>
      <span id="rb-goal-note" class={valid && !error ? 'rb-goal__note' : 'rb-goal__note rb-goal__note--bad'} role="status">
        {error ??
          (valid
            ? saved
              ? t('history_goal_saved')
              : ''
            : t('history_goal_invalid', [formatNumber(GOAL_MIN), formatNumber(GOAL_MAX)]))}
      </span>
    </div>
  );
}

/** Streak, this week against the goal (editable), and the number of breaks. */
export function Summary({ streak, streakAtLeast = false, minutesThisWeek, goal, totalBreaks, rolledToday }: SummaryProps) {
  const share = goal > 0 ? Math.min(1, minutesThisWeek / goal) : 0;
  const left = Math.max(0, goal - minutesThisWeek);
  return (
    <section class="rb-summary" aria-label={t('history_summary_label')}>
      <div class="rb-card rb-stat">
        <h2 class="rb-stat__label">{t('history_streak_label')}</h2>
        <p class="rb-stat__value">{streakAtLeast ? t('history_streak_at_least', formatNumber(streak)) : formatNumber(streak)}</p>
        <p class="rb-stat__note">
          {streak === 0 ? t('history_streak_none') : rolledToday ? t('history_streak_today') : t('history_streak_keep')}
        </p>
      </div>
      <div class="rb-card rb-stat rb-stat--week">
        <h2 class="rb-stat__label">{t('history_week_label')}</h2>
        <p class="rb-stat__value">{tp('history_week_value', goal, [formatNumber(minutesThisWeek), formatNumber(goal)])}</p>
        <div class="rb-goalbar" aria-hidden="true">
          <div class="rb-goalbar__fill" style={{ width: `${share * 100}%` }} />
        </div>
        <p class="rb-stat__note">{left === 0 ? t('history_week_done') : tp('history_week_left', left, formatNumber(left))}</p>
        <GoalInput goal={goal} />
      </div>
      <div class="rb-card rb-stat">
        <h2 class="rb-stat__label">{t('history_total_label')}</h2>
        <p class="rb-stat__value">{formatNumber(totalBreaks)}</p>
      </div>
    </section>
  );
}

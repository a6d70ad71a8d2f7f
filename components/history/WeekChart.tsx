import { formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';
import { dayStartTs } from '../../lib/domain/days';
import { formatDay } from './format';

export interface WeekChartProps {
  /** Oldest first; the last is this week. `start` is a local day number (lib/domain/days.ts). */
  weeks: ReadonlyArray<{ start: number; minutes: number }>;
  goal: number;
}

/**
 * Minutes per week as bars, with the goal as a line. The drawing is hidden from assistive technology; a
 * visually hidden table carries the same figures.
 */
export function WeekChart({ weeks, goal }: WeekChartProps) {
  const top = Math.max(goal, ...weeks.map((w) => w.minutes), 1);
  const label = (start: number) => formatDay(dayStartTs(start));
  return (
    <section class="rb-card rb-weeks" aria-labelledby="rb-weeks-title">
      <h2 id="rb-weeks-title">{t('history_chart_title')}</h2>
      <div class="rb-chart" aria-hidden="true">
        <div class="rb-chart__plot">
          {goal > 0 ? (
            <div class="rb-chart__goal" style={{ bottom: `${(goal / top) * 100}%` }}>
              <span>{tp('history_chart_goal', goal, formatNumber(goal))}</span>
            </div>
          ) : null}
          {weeks.map((w, i) => (
            <div
              key={w.start}
              class={`rb-chart__bar${w.minutes >= goal && goal > 0 ? ' rb-chart__bar--met' : ''}${i === weeks.length - 1 ? ' rb-chart__bar--now' : ''}`}
              style={{ height: `${(w.minutes / top) * 100}%` }}
            >
              <span class="rb-chart__value">{formatNumber(w.minutes)}</span>
            </div>
          ))}
        </div>
        <div class="rb-chart__labels">
          {weeks.map((w, i) => (
            <span key={w.start} class={i === weeks.length - 1 ? 'rb-chart__now' : undefined}>
              {label(w.start)}
            </span>
          ))}
        </div>
      </div>
      <table class="rb-sr">
        <caption>{tp('history_chart_caption', goal, formatNumber(goal))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history_chart_week')}</th>
            <th scope="col">{t('history_chart_minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row">{label(w.start)}</th>
              <td>{formatNumber(w.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { BreakEntry } from '../../lib/log/entry';
import type { Moment, Tool } from '../../lib/domain/lists';
import { MOMENT_IDS as MOMENTS, TOOLS } from '../../lib/domain/lists';
import type { MessageKey } from '../../lib/i18n';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { formatList } from '../../lib/i18n/format';
import { tp } from '../../lib/i18n/plural';
import { areaName } from '../shared/BodyMap';
import { formatWhen } from './format';
import { PAGE_SIZE } from './use-log';

export interface RecentBreaksProps {
  /** Breaks, oldest first: all of them once `complete`, before that at least the newest PAGE_SIZE. */
  entries: readonly BreakEntry[];
  /** Breaks in the log. */
  total: number;
  /** Whether `entries` is the whole log: filters and "Show more" wait for it. */
  complete: boolean;
  onDelete(entry: BreakEntry): void;
  /** The id of a break being deleted (its button is disabled meanwhile). */
  busyId: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The newest breaks (a page at a time), filtered by moment and tool, each with a Delete button. */
export function RecentBreaks({ entries, total: logTotal, complete, onDelete, busyId, headingRef }: RecentBreaksProps) {
  const [moment, setMoment] = useState<Moment | ''>('');
  const [tool, setTool] = useState<Tool | ''>('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  // One pass from the newest: count the matches, keep the first `limit` of them. Only those are rendered.
  const { shown, total: matches } = useMemo(() => {
    const out: BreakEntry[] = [];
    let count = 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if ((moment && e.context !== moment) || (tool && e.tool !== tool)) continue;
      count++;
      if (out.length < limit) out.push(e);
    }
    return { shown: out, total: count };
  }, [entries, moment, tool, limit]);
  const filtered = moment !== '' || tool !== '';
  // A new filter starts again from the first page.
  const pick =
    <V extends string>(set: (value: V | '') => void) =>
    (value: V | '') => {
      set(value);
      setLimit(PAGE_SIZE);
    };
  const total = filtered ? matches : Math.max(matches, logTotal);

  return (
    <section class="rb-card rb-recent" aria-labelledby="rb-recent-title">
      <div class="rb-card__head">
        <h2 id="rb-recent-title" tabIndex={-1} ref={headingRef}>
          {t('history_recent_title')}
        </h2>
        <div class="rb-filters">
          <FilterSelect
            label="history_filter_moment"
            all="history_filter_all_moments"
            value={moment}
            disabled={!complete}
            options={MOMENTS.map((m) => [m, `moment_${m}`])}
            onPick={pick<Moment>(setMoment)}
          />
          <FilterSelect
            label="history_filter_tool"
            all="history_filter_all_tools"
            value={tool}
            disabled={!complete}
            options={TOOLS.map((x) => [x, `tool_${x}`])}
            onPick={pick<Tool>(setTool)}
          />
        </div>
      </div>
      {total === 0 ? (
        <p class="rb-muted">{filtered ? t('history_no_match') : t('historyEmpty')}</p>
      ) : (
        <div class="rb-table-wrap">
          <table class="rb-breaks">
            <caption class="rb-sr">{t('history_recent_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colWhen')}</th>
                <th scope="col">{t('history_col_moment')}</th>
                <th scope="col">{t('history_col_tool')}</th>
                <th scope="col" class="rb-num">
                  {t('colRolled')}
                </th>
                <th scope="col">{t('colAreas')}</th>
                <th scope="col" class="rb-num">
                  {t('colKnots')}
                </th>
                <th scope="col">{t('colOutcome')}</th>
                <th scope="col">
                  <span class="rb-sr">{t('history_col_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <BreakRow key={e.id} entry={e} busy={busyId === e.id} onDelete={onDelete} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 ? (
        <div class="rb-more">
          <p class="rb-muted" aria-live="polite">
            {tp(filtered ? 'history_showing_filtered' : 'history_showing', total, [
              formatNumber(shown.length),
              formatNumber(total),
            ])}
          </p>
          {shown.length < total ? (
            <button type="button" disabled={!complete} onClick={() => setLimit((n) => n + PAGE_SIZE)}>
              {t('history_show_more')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** One filter: every value, or one of them. */
function FilterSelect<V extends string>(props: {
  label: MessageKey;
  all: MessageKey;
  value: V | '';
  disabled: boolean;
  options: Array<[V, MessageKey]>;
  onPick(value: V | ''): void;
}) {
  return (
    <label>
      <span>{t(props.label)}</span>
      <select value={props.value} disabled={props.disabled} onChange={(e) => props.onPick(e.currentTarget.value as V | '')}>
        <option value="">{t(props.all)}</option>
        {props.options.map(([value, key]) => (
          <option value={value} key={value}>
            {t(key)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One break in the table, with its Delete button. */
function BreakRow({ entry: e, busy, onDelete }: { entry: BreakEntry; busy: boolean; onDelete(entry: BreakEntry): void }) {
  const when = formatWhen(e.startedAt);
  return (
    <tr>
      <td class="rb-nowrap">{when}</td>
      <td class="rb-nowrap">{t(`moment_${e.context}`)}</td>
      <td class="rb-nowrap">{t(`tool_${e.tool}`)}</td>
      <td class="rb-num">{formatClock(e.activeSeconds * 1000)}</td>
      <td>{formatList([...new Set(e.steps.map((s) => areaName(s.area)))])}</td>
      <td class="rb-num">{formatNumber(e.holdCount)}</td>
      <td>
        <span class={e.completed ? 'rb-tag rb-tag--done' : 'rb-tag'}>{e.completed ? t('outcomeDone') : t('outcomeEnded')}</span>
      </td>
      <td>
        <button
          type="button"
          class="rb-small rb-danger"
          aria-label={t('history_delete_label', when)}
          disabled={busy}
          onClick={() => onDelete(e)}
        >
          {t('history_delete')}
        </button>
      </td>
    </tr>
  );
}

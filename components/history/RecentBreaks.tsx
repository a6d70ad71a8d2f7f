import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { BreakEntry } from '../../lib/log/entry';
import type { Moment, Tool } from '../../lib/domain/lists';
import { MOMENT_IDS as MOMENTS, TOOLS } from '../../lib/domain/lists';
import { formatClock, formatNumber, t } from '../../lib/i18n';
import { formatList } from '../../lib/i18n/format';
import { tp } from '../../lib/i18n/plural';
import { areaName } from '../BodyMap';
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
  const total = filtered ? matches : Math.max(matches, logTotal);

  return (
    <section class="rb-card rb-recent" aria-labelledby="rb-recent-title">
      <div class="rb-card__head">
        <h2 id="rb-recent-title" tabIndex={-1} ref={headingRef}>
          {t('history_recent_title')}
        </h2>
        <div class="rb-filters">
          <label>
            <span>{t('history_filter_moment')}</span>
            <select
              value={moment}
              disabled={!complete}
              onChange={(e) => {
                setMoment(e.currentTarget.value as Moment | '');
                setLimit(PAGE_SIZE);
              }}
            >
              <option value="">{t('history_filter_all_moments')}</option>
              {MOMENTS.map((m) => (
                <option value={m} key={m}>
                  {t(`moment_${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('history_filter_tool')}</span>
            <select
              value={tool}
              disabled={!complete}
              onChange={(e) => {
                setTool(e.currentTarget.value as Tool | '');
                setLimit(PAGE_SIZE);
              }}
            >
              <option value="">{t('history_filter_all_tools')}</option>
              {TOOLS.map((x) => (
                <option value={x} key={x}>
                  {t(`tool_${x}`)}
                </option>
              ))}
            </select>
          </label>
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
                <th scope="col" class="rb-num">{t('colRolled')}</th>
                <th scope="col">{t('colAreas')}</th>
                <th scope="col" class="rb-num">{t('colKnots')}</th>
                <th scope="col">{t('colOutcome')}</th>
                <th scope="col">
                  <span class="rb-sr">{t('history_col_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const when = formatWhen(e.startedAt);
                return (
                  <tr key={e.id}>
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
                        disabled={busyId === e.id}
                        onClick={() => onDelete(e)}
                      >
                        {t('history_delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 ? (
        <div class="rb-more">
          <p class="rb-muted" aria-live="polite">
            {tp(filtered ? 'history_showing_filtered' : 'history_showing', total, [formatNumber(shown.length), formatNumber(total)])}
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

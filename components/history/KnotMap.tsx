import { useMemo, useState } from 'preact/hooks';
import type { BreakEntry } from '../../lib/log/entry';
import type { AreaId } from '../../lib/domain/areas';
import { knotCounts, recurringSpots, type KnotCount } from '../../lib/stats/knots';
import { formatNumber, t } from '../../lib/i18n';
import { formatList } from '../../lib/i18n/format';
import { BodyMap, areaName } from '../shared/BodyMap';
import { heatLevel } from '../shared/body-map-coverage';

type Range = 7 | 30;

const sideName = (side: 'left' | 'right' | null) =>
  side === 'left' ? t('knot_col_left') : side === 'right' ? t('knot_col_right') : t('knot_col_both');

/** "Calves, Left: 2; Calves, Right: 1" as a list for the body map's text alternative. */
function describe(counts: readonly KnotCount[]): string {
  const parts: string[] = [];
  for (const c of counts) {
    for (const side of ['left', 'right', null] as const) {
      const n = side === 'left' ? c.left : side === 'right' ? c.right : c.both;
      if (n > 0) parts.push(`${areaName(c.area)}, ${sideName(side)}: ${formatNumber(n)}`);
    }
  }
  return t('knot_map_label', formatList(parts));
}

/**
 * Where the person pressed Knot in the last 7 or 30 days: on the body map, and the same as a table for
 * keyboard and screen-reader users; a spot that keeps coming back is pointed out with balanced words.
 * What it shows is where they pressed Knot, never what is wrong.
 */
export function KnotMap({ entries }: { entries: readonly BreakEntry[] }) {
  const [range, setRange] = useState<Range>(7);
  const now = Date.now();
  const counts = useMemo(() => knotCounts(entries, now, range), [entries, range]);
  const recurring = useMemo(() => recurringSpots(entries, now), [entries]);
  const max = Math.max(0, ...counts.map((c) => c.total));
  const heat: Partial<Record<AreaId, number>> = Object.fromEntries(counts.map((c) => [c.area, heatLevel(c.total, max)]));
  const anyBoth = counts.some((c) => c.both > 0);
  const in7 = range === 7;
  return (
    <section class="rb-card rb-coverage rb-knots" aria-labelledby="rb-knots-title">
      <div class="rb-card__head">
        <h2 id="rb-knots-title">{t('knot_title')}</h2>
        <fieldset class="rb-seg">
          <legend class="rb-sr">{t('history_range_legend')}</legend>
          {([7, 30] as const).map((r) => (
            <label class={range === r ? 'rb-seg__on' : ''} key={r}>
              <input type="radio" name="rb-knot-range" value={r} checked={range === r} onChange={() => setRange(r)} />
              {r === 7 ? t('history_range_7') : t('history_range_30')}
            </label>
          ))}
        </fieldset>
      </div>
      <p class="rb-muted">{t('knot_help')}</p>
      {counts.length === 0 ? (
        <p class="rb-muted">{in7 ? t('knot_none_7') : t('knot_none_30')}</p>
      ) : (
        <div class="rb-coverage__body">
          <BodyMap heat={heat} description={describe(counts)} />
          <table class="rb-knot-table">
            <caption class="rb-sr">{in7 ? t('knot_table_7') : t('knot_table_30')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knot_col_area')}</th>
                <th scope="col">{t('knot_col_left')}</th>
                <th scope="col">{t('knot_col_right')}</th>
                {anyBoth ? <th scope="col">{t('knot_col_both')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.area} data-area={c.area}>
                  <th scope="row">{areaName(c.area)}</th>
                  <td class="rb-num">{formatNumber(c.left)}</td>
                  <td class="rb-num">{formatNumber(c.right)}</td>
                  {anyBoth ? <td class="rb-num">{formatNumber(c.both)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {recurring.map((spot) => (
        <div class="rb-recurring" key={`${spot.area}-${spot.side}`}>
          <p>{t('knot_recurring', [areaName(spot.area), sideName(spot.side), formatNumber(spot.breaks)])}</p>
          <p class="rb-muted">{t('knot_recurring_advice')}</p>
        </div>
      ))}
    </section>
  );
}

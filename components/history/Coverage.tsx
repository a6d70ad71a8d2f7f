import { useState } from 'preact/hooks';
import type { AreaId } from '../../lib/domain/areas';
import { AREA_IDS } from '../../lib/domain/areas';
import { neglectedAreas } from '../../lib/stats/stats';
import { t } from '../../lib/i18n';
import { BodyMap, areaName } from '../shared/BodyMap';
import { coverageHeat, describeCoverage } from '../shared/body-map-coverage';
import { formatDuration, formatList } from '../../lib/i18n/format';

/** The big areas most people roll (the evidence is about these): only these are called out as neglected. */
export const KEY_AREAS: readonly AreaId[] = ['upper-back', 'lats', 'glutes', 'it-band', 'quads', 'hamstrings', 'calves'];

export interface CoverageProps {
  coverage7: Record<AreaId, number>;
  coverage30: Record<AreaId, number>;
}

type Range = 7 | 30;

/** Which areas got how long in the last 7 or 30 days: a body map, a list, and the neglected ones in words. */
export function Coverage({ coverage7, coverage30 }: CoverageProps) {
  const [range, setRange] = useState<Range>(7);
  const seconds = range === 7 ? coverage7 : coverage30;
  const rolled = AREA_IDS.filter((a) => seconds[a] > 0).sort((a, b) => seconds[b] - seconds[a]);
  const max = Math.max(1, ...rolled.map((a) => seconds[a]));
  const neglected = neglectedAreas(seconds, KEY_AREAS);
  const in7 = range === 7;
  return (
    <section class="rb-card rb-coverage" aria-labelledby="rb-coverage-title">
      <div class="rb-card__head">
        <h2 id="rb-coverage-title">{t('history_coverage_title')}</h2>
        <fieldset class="rb-seg">
          <legend class="rb-sr">{t('history_range_legend')}</legend>
          {([7, 30] as const).map((r) => (
            <label class={range === r ? 'rb-seg__on' : ''} key={r}>
              <input type="radio" name="rb-range" value={r} checked={range === r} onChange={() => setRange(r)} />
              {r === 7 ? t('history_range_7') : t('history_range_30')}
            </label>
          ))}
        </fieldset>
      </div>
      <div class="rb-coverage__body">
        <BodyMap
          heat={coverageHeat(seconds)}
          description={describeCoverage(seconds, in7 ? t('history_map_label_7') : t('history_map_label_30'))}
        />
        <div class="rb-coverage__text">
          {rolled.length === 0 ? (
            <p class="rb-muted">{in7 ? t('history_coverage_none_7') : t('history_coverage_none_30')}</p>
          ) : (
            <ul class="rb-areas" aria-label={in7 ? t('history_coverage_list_7') : t('history_coverage_list_30')}>
              {rolled.map((a) => (
                <li key={a}>
                  <span class="rb-areas__name">{areaName(a)}</span>
                  <span class="rb-areas__bar" aria-hidden="true">
                    <span style={{ width: `${(seconds[a] / max) * 100}%` }} />
                  </span>
                  <span class="rb-areas__time">{formatDuration(seconds[a])}</span>
                </li>
              ))}
            </ul>
          )}
          {rolled.length > 0 ? (
            <p class={neglected.length ? 'rb-neglected' : 'rb-muted'}>
              {neglected.length
                ? t(in7 ? 'history_neglected_7' : 'history_neglected_30', formatList(neglected.map(areaName)))
                : t('history_neglected_none')}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

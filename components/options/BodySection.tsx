import { useState } from 'preact/hooks';
import type { Settings, SettingsPatch } from '../../lib/settings/settings';
import type { AreaId } from '../../lib/domain/areas';
import { AREA_IDS, areaMessageKey } from '../../lib/domain/areas';
import { withAvoided, withoutAvoided } from '../../lib/settings/avoid';
import type { Side } from '../../lib/session/types';
import { avoidedName } from '../shared/avoid-names';
import { dayStartTs } from '../../lib/domain/days';
import { t } from '../../lib/i18n';
import { formatDate } from '../../lib/i18n/format';
import { valueOf } from './fields';

/** The local day number of an `<input type="date">` value ("2026-03-14"), or null when empty or odd. */
function dayOf(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000) : null;
}

/**
 * The check-in switch and the areas to leave alone (an injury): an area until a date (inclusive: it comes
 * back the morning after) or until removed. No plan includes them (lib/routines/candidate-order.ts).
 */
export function BodySection({ settings, save }: { settings: Settings; save: (patch: SettingsPatch) => void }) {
  const [area, setArea] = useState<AreaId>(AREA_IDS[0]!);
  const [side, setSide] = useState<'both' | Side>('both');
  const [until, setUntil] = useState('');
  const now = Date.now();
  const active = settings.avoid.filter((a) => a.until === null || a.until > now);
  const add = () => {
    const day = dayOf(until);
    save({
      avoid: withAvoided(settings.avoid, area, day === null ? null : dayStartTs(day + 1), side === 'both' ? undefined : side),
    });
    setUntil('');
  };
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={settings.checkIn}
          onChange={(e) => save({ checkIn: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('checkInSetting')}
      </label>
      <p class="rb-cue">{t('checkInSettingHelp')}</p>

      <h3 id="rb-avoid-title">{t('avoidHeading')}</h3>
      <p class="rb-cue">{t('avoidSettingHelp')}</p>
      {active.length === 0 ? (
        <p class="rb-cue">{t('avoidNone')}</p>
      ) : (
        <ul class="rb-avoid" aria-labelledby="rb-avoid-title">
          {active.map((a) => (
            <li key={`${a.area}/${a.side ?? 'both'}`}>
              <span>
                {avoidedName(a.area, a.side)} ·{' '}
                {a.until === null ? t('avoidUntilRemoved') : t('avoidUntilDate', formatDate(a.until - 1))}
              </span>{' '}
              <button
                type="button"
                aria-label={t('avoidRemoveLabel', avoidedName(a.area, a.side))}
                onClick={() => save({ avoid: withoutAvoided(settings.avoid, a.area, a.side ?? 'both') })}
              >
                {t('avoidRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="rb-avoid__add">
        <label>
          {t('avoidArea')}
          <select value={area} onChange={(e) => setArea(valueOf(e) as AreaId)}>
            {AREA_IDS.map((a) => (
              <option key={a} value={a}>
                {t(areaMessageKey(a))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('avoidSide')}
          <select value={side} onChange={(e) => setSide(valueOf(e) as 'both' | Side)}>
            <option value="both">{t('avoidSideBoth')}</option>
            <option value="left">{t('avoidSideLeft')}</option>
            <option value="right">{t('avoidSideRight')}</option>
          </select>
        </label>
        <label>
          {t('avoidUntil')}
          <input type="date" value={until} onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="button" onClick={add}>
          {t('avoidAdd')}
        </button>
      </div>
    </>
  );
}

import type { AreaId } from '../lib/routines/areas';
import { AREA_IDS } from '../lib/routines/areas';
import { t } from '../lib/i18n';
import { areaName } from './BodyMap';

/** The text alternative of a coverage map: the areas rolled, longest first, then the ones not rolled. */
export function describeCoverage(seconds: Partial<Record<AreaId, number>>, label?: string): string {
  const parts = [label ?? t('bodymap_label')];
  const rolled = AREA_IDS.filter((a) => (seconds[a] ?? 0) > 0).sort((a, b) => seconds[b]! - seconds[a]!);
  const times = rolled.map((a) => {
    const s = seconds[a]!;
    return s < 60 ? t('bodymap_seconds', [areaName(a), `${Math.round(s)}`]) : t('bodymap_minutes', [areaName(a), `${Math.round(s / 60)}`]);
  });
  if (times.length) parts.push(t('bodymap_rolled', times.join(', ')));
  const idle = AREA_IDS.filter((a) => !rolled.includes(a));
  if (idle.length) parts.push(t('bodymap_not_rolled', idle.map(areaName).join(', ')));
  return `${parts.join('. ')}.`;
}

import type { AreaId } from '../../lib/domain/areas';
import { AREA_IDS } from '../../lib/domain/areas';
import { t } from '../../lib/i18n';
import { formatDuration, formatList } from '../../lib/i18n/format';
import { areaName } from './BodyMap';

/*
 * What body maps outside the overlay show and say: the plan preview's highlighted areas and history
 * coverage. Kept out of BodyMap.tsx so the overlay, which only marks the current area, does not carry it.
 */

/** Heat level 1..4 of `seconds` relative to the most-rolled area's `max`; 0 for none. */
export function heatLevel(seconds: number | undefined, max: number): 0 | 1 | 2 | 3 | 4 {
  if (!seconds || seconds <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * seconds) / max))) as 1 | 2 | 3 | 4;
}

/** Coverage as heat levels per area, relative to the most-rolled area, for BodyMap's `heat`. */
export function coverageHeat(seconds: Partial<Record<AreaId, number>>): Partial<Record<AreaId, number>> {
  const max = Math.max(0, ...Object.values(seconds).map((s) => s ?? 0));
  return Object.fromEntries(AREA_IDS.map((a) => [a, heatLevel(seconds[a], max)]));
}

/** The text alternative of a map with highlighted areas (and maybe the current one): "Body map. Highlighted: A, B and C." */
export function describeHighlight(highlight: readonly AreaId[], current?: AreaId | null, label?: string): string {
  const parts = [label ?? t('bodymap_label')];
  if (current) parts.push(t('bodymap_current', areaName(current)));
  const others = [...new Set(highlight)].filter((a) => a !== current);
  if (others.length) parts.push(t('bodymap_highlighted', formatList(others.map(areaName))));
  return `${parts.join('. ')}.`;
}

/** The text alternative of a coverage map: the areas rolled, longest first, then the ones not rolled. */
export function describeCoverage(seconds: Partial<Record<AreaId, number>>, label?: string): string {
  const parts = [label ?? t('bodymap_label')];
  const rolled = AREA_IDS.filter((a) => (seconds[a] ?? 0) > 0).sort((a, b) => seconds[b]! - seconds[a]!);
  const times = rolled.map((a) => t('bodymap_area_time', [areaName(a), formatDuration(seconds[a]!)]));
  if (times.length) parts.push(t('bodymap_rolled', formatList(times)));
  const idle = AREA_IDS.filter((a) => !rolled.includes(a));
  if (idle.length) parts.push(t('bodymap_not_rolled', formatList(idle.map(areaName))));
  return `${parts.join('. ')}.`;
}

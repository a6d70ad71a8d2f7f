import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import type { AvoidedArea } from './migrations/settings-v4';

export type { AvoidedArea };

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

/**
 * The areas to leave alone as stored (by this version, another one through sync, or a bug), checked entry
 * by entry: a known area, once, with an end that is a time or null ("until removed"). Pure; never throws.
 */
export function normalizeAvoid(raw: unknown): AvoidedArea[] {
  if (!Array.isArray(raw)) return [];
  const out: AvoidedArea[] = [];
  for (const item of raw.slice(0, AREA_IDS.length * 2)) {
    if (typeof item !== 'object' || item === null) continue;
    const { area, until } = item as Record<string, unknown>;
    if (!(AREA_IDS as readonly unknown[]).includes(area) || out.some((a) => a.area === area)) continue;
    const end =
      typeof until === 'number' && Number.isFinite(until) && until >= MIN_TIME && until <= MAX_TIME ? Math.round(until) : null;
    if (until !== null && end === null) continue;
    out.push({ area: area as AreaId, until: end });
  }
  return out;
}

/** The areas left alone at `now`: those set until removed, and those whose date has not passed. */
export function avoidedAt(avoid: readonly AvoidedArea[], now: number): AreaId[] {
  return avoid.filter((a) => a.until === null || now < a.until).map((a) => a.area);
}

/** The list with `area` left alone until `until` (or until removed), replacing an earlier entry for it. */
export function withAvoided(avoid: readonly AvoidedArea[], area: AreaId, until: number | null): AvoidedArea[] {
  return [...avoid.filter((a) => a.area !== area), { area, until }];
}

/** The list without `area`. */
export function withoutAvoided(avoid: readonly AvoidedArea[], area: AreaId): AvoidedArea[] {
  return avoid.filter((a) => a.area !== area);
}

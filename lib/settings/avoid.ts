import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import type { Side } from '../session/types';
import type { AvoidedArea } from './migrations/settings-v4';

export type { AvoidedArea };

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);
const SIDES: readonly unknown[] = ['left', 'right'] satisfies Side[];

/** The later of two ends, null ("until removed") winning: a merged entry leaves an area out at least as long. */
const later = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(a, b));

/**
 * Entries by area and side, in first-seen order: a whole-area entry covers both sides, and a left and a right
 * entry of the same area become one whole-area entry. A merged entry keeps the later end, so nothing comes
 * back into a plan sooner than one of its entries said.
 */
function merged(entries: readonly AvoidedArea[]): AvoidedArea[] {
  const out: AvoidedArea[] = [];
  for (const entry of entries) {
    const i = out.findIndex((a) => a.area === entry.area);
    const before = out[i];
    if (!before) {
      out.push(entry);
    } else if (before.side !== undefined && entry.side !== undefined && before.side === entry.side) {
      out[i] = { ...before, until: later(before.until, entry.until) };
    } else {
      // Both sides, one way or another: the whole area.
      out[i] = { area: entry.area, until: later(before.until, entry.until) };
    }
  }
  return out;
}

/**
 * The areas to leave alone as stored (by this version, another one through sync, or a bug), checked entry
 * by entry: a known area, an optional side ('left' or 'right'; anything else is dropped as unreadable),
 * an end that is a time or null ("until removed"). Entries are compared by area and side: left and right
 * of one area, or a side and the whole area, are the whole area. Pure; never throws.
 */
export function normalizeAvoid(raw: unknown): AvoidedArea[] {
  if (!Array.isArray(raw)) return [];
  const valid: AvoidedArea[] = [];
  for (const item of raw.slice(0, AREA_IDS.length * 3)) {
    if (typeof item !== 'object' || item === null) continue;
    const { area, until, side } = item as Record<string, unknown>;
    if (!(AREA_IDS as readonly unknown[]).includes(area)) continue;
    if (side !== undefined && !SIDES.includes(side)) continue;
    const end =
      typeof until === 'number' && Number.isFinite(until) && until >= MIN_TIME && until <= MAX_TIME ? Math.round(until) : null;
    if (until !== null && end === null) continue;
    valid.push(
      side === undefined ? { area: area as AreaId, until: end } : { area: area as AreaId, until: end, side: side as Side },
    );
  }
  return merged(valid);
}

/** The entries in force at `now`: those set until removed, and those whose date has not passed. */
export function activeAvoid(avoid: readonly AvoidedArea[], now: number): AvoidedArea[] {
  return avoid.filter((a) => a.until === null || now < a.until);
}

/** The areas left alone as a whole (both sides) at `now`. */
export function avoidedAt(avoid: readonly AvoidedArea[], now: number): AreaId[] {
  return activeAvoid(avoid, now)
    .filter((a) => a.side === undefined)
    .map((a) => a.area);
}

/** The single sides left alone at `now` (an injured right calf): the other side is still rolled. */
export function avoidedSidesAt(avoid: readonly AvoidedArea[], now: number): Array<{ area: AreaId; side: Side }> {
  return activeAvoid(avoid, now).flatMap((a) => (a.side === undefined ? [] : [{ area: a.area, side: a.side }]));
}

/**
 * The list with `area` (or one side of it) left alone until `until` (or until removed). The new entry
 * replaces what it overlaps: the whole area replaces every entry of that area, a side replaces that side
 * and a whole-area entry (the person narrowed it down); with the other side already there, both make the whole.
 */
export function withAvoided(avoid: readonly AvoidedArea[], area: AreaId, until: number | null, side?: Side): AvoidedArea[] {
  const kept = avoid.filter((a) => a.area !== area || (side !== undefined && a.side !== undefined && a.side !== side));
  return merged([...kept, side === undefined ? { area, until } : { area, until, side }]);
}

/** The list without `area`: every entry of it ('any'), or only its whole-area entry ('both') or the entry of one side. */
export function withoutAvoided(avoid: readonly AvoidedArea[], area: AreaId, which: 'any' | 'both' | Side = 'any'): AvoidedArea[] {
  return avoid.filter((a) => a.area !== area || (which !== 'any' && (a.side ?? 'both') !== which));
}

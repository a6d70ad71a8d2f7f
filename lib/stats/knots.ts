import type { BreakEntry } from '../log/entry';
import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import type { Side } from '../session/types';

/** Knot presses on one area in a period, by side; `both` counts presses on a both-legs technique. */
export interface KnotCount {
  area: AreaId;
  left: number;
  right: number;
  both: number;
  total: number;
}

const DAY = 86_400_000;

/** Knot presses of the breaks that started in the last `days` days, per area, most pressed first. */
export function knotCounts(entries: readonly BreakEntry[], now: number, days: number): KnotCount[] {
  const since = now - days * DAY;
  const byArea = new Map<AreaId, KnotCount>();
  for (const e of entries) {
    if (e.startedAt < since || e.startedAt > now || !e.knots) continue;
    for (const k of e.knots) {
      const c = byArea.get(k.area) ?? { area: k.area, left: 0, right: 0, both: 0, total: 0 };
      if (k.side === 'left') c.left++;
      else if (k.side === 'right') c.right++;
      else c.both++;
      c.total++;
      byArea.set(k.area, c);
    }
  }
  return [...byArea.values()].sort((a, b) => b.total - a.total || AREA_IDS.indexOf(a.area) - AREA_IDS.indexOf(b.area));
}

/** Breaks with a press on one spot over RECURRING_DAYS days from which History points it out. */
export const RECURRING_BREAKS = 5;
export const RECURRING_DAYS = 14;

export interface RecurringSpot {
  area: AreaId;
  side: Side | null;
  /** Breaks (not presses) with a Knot press on this area and side. */
  breaks: number;
}

/**
 * The spots (area and side) with Knot presses in at least RECURRING_BREAKS breaks over the last
 * RECURRING_DAYS days: the same tender spot coming back. Most breaks first.
 */
export function recurringSpots(entries: readonly BreakEntry[], now: number): RecurringSpot[] {
  const since = now - RECURRING_DAYS * DAY;
  const counts = new Map<string, RecurringSpot>();
  for (const e of entries) {
    if (e.startedAt < since || e.startedAt > now || !e.knots) continue;
    const spots = new Set(e.knots.map((k) => `${k.area}|${k.side ?? ''}`));
    for (const spot of spots) {
      const [area, side] = spot.split('|') as [AreaId, string];
      const c = counts.get(spot) ?? { area, side: side === '' ? null : (side as Side), breaks: 0 };
      c.breaks++;
      counts.set(spot, c);
    }
  }
  return [...counts.values()].filter((c) => c.breaks >= RECURRING_BREAKS).sort((a, b) => b.breaks - a.breaks);
}

import type { AreaId } from '../domain/areas';
import type { CheckInEntry, KnotEntry } from '../session/body-notes';

/**
 * What the log says about the person's body, for the next plan (pure; the popup's preview and the
 * background that starts a break read the same breaks and get the same answer):
 * - tender: areas with a Knot press, or checked in as "same", in the last TENDER_DAYS days. They come
 *   before the areas rolled least lately and get the upper end of their dose (never more than the dose).
 * - resting: areas checked in as "worse" at the last two check-ins that asked about them. Rolling did not
 *   help and may irritate, so they are left out for REST_HOURS after the second, and the popup says why.
 * Nothing here is a diagnosis: it is where the person pressed Knot and what they said.
 */

export const TENDER_DAYS = 7;
export const REST_HOURS = 48;

export interface BodySignals {
  tender: AreaId[];
  resting: Array<{ area: AreaId; until: number }>;
}

export interface NotedBreak {
  endedAt: number;
  knots?: readonly KnotEntry[];
  checkIn?: readonly CheckInEntry[];
}

export const NO_SIGNALS: BodySignals = { tender: [], resting: [] };

/** How far back the signals look: the breaks to read before calling bodySignals. */
export const SIGNALS_WINDOW_MS = Math.max(TENDER_DAYS * 86_400_000, 30 * 86_400_000);

export function bodySignals(breaks: readonly NotedBreak[], now: number): BodySignals {
  const since = now - TENDER_DAYS * 86_400_000;
  const sorted = breaks.filter((b) => Number.isFinite(b.endedAt) && b.endedAt <= now).sort((a, b) => a.endedAt - b.endedAt);
  const tender = new Set<AreaId>();
  const feels = new Map<AreaId, Array<{ feel: CheckInEntry['feel']; at: number }>>();
  for (const b of sorted) {
    const recent = b.endedAt >= since;
    for (const k of b.knots ?? []) if (recent) tender.add(k.area);
    for (const c of b.checkIn ?? []) {
      if (recent && c.feel === 'same') tender.add(c.area);
      const list = feels.get(c.area) ?? [];
      list.push({ feel: c.feel, at: b.endedAt });
      feels.set(c.area, list);
    }
  }
  const resting: BodySignals['resting'] = [];
  for (const [area, list] of feels) {
    const [before, last] = list.slice(-2);
    if (before?.feel === 'worse' && last?.feel === 'worse') {
      const until = last.at + REST_HOURS * 3_600_000;
      if (until > now) resting.push({ area, until });
    }
  }
  // A resting area is not rolled at all, so it is not "tender first" either.
  const rested = new Set(resting.map((r) => r.area));
  return { tender: [...tender].filter((a) => !rested.has(a)), resting };
}

import type { DayAggregate } from './days';
import { localDay } from './days';
import type { LocalLog } from '../log/store';
import { unseenDays } from './merge';
import type { SyncSnapshot } from './snapshot';
import { memberIdOf, memberIdOfKey, memberStart } from './archive';
import type { AreaSeconds } from './encode';

/**
 * The part of the history this browser knows only as totals: breaks other browsers folded into per-day
 * totals (their `agg:` items), archived breaks (archive members) and sealed days, less everything this
 * browser holds in full (each break is counted once by its key) and anything it knows was deleted.
 * History adds these days to its figures, so every browser shows the same totals, streak, weeks and
 * coverage (lib/stats/stats.ts's `extraDays`).
 */
export interface FoldedHistory {
  /** Per local day (YYYY-MM-DD, this browser's time zone), oldest first. */
  days: DayAggregate[];
  /** Breaks in them. */
  count: number;
  /** The newest day with a break known only as a total, or null when none. */
  through: string | null;
}

export const NO_FOLDED_HISTORY: FoldedHistory = { days: [], count: 0, through: null };

export function foldedHistory(local: LocalLog, snapshot: SyncSnapshot): FoldedHistory {
  const byDay = new Map<string, { count: number; activeSeconds: number; areas: Map<string, number> }>();
  const add = (day: string, count: number, activeSeconds: number, areas: readonly AreaSeconds[]) => {
    if (count <= 0) return;
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = { count: 0, activeSeconds: 0, areas: new Map() }));
    d.count += count;
    d.activeSeconds += activeSeconds;
    for (const a of areas) d.areas.set(a.area, (d.areas.get(a.area) ?? 0) + a.seconds);
  };

  // Held in full here, by member id; and per origin and day, for the sealed totals.
  const held = new Set<string>();
  const heldPerDay = new Map<string, number>();
  for (const e of local.entries) {
    const m = memberIdOf(e);
    held.add(`${m.origin}:${m.id}`);
    const o = snapshot.archive.origins.get(m.origin);
    if (o && e.startedAt < o.sealed) {
      const k = `${m.origin}:${localDay(e.startedAt)}`;
      heldPerDay.set(k, (heldPerDay.get(k) ?? 0) + 1);
    }
  }
  const dead = new Set<string>();
  for (const t of local.tombstones) {
    const m = memberIdOfKey(t.key);
    if (m) dead.add(`${m.origin}:${m.id}`);
  }
  for (const [dev, o] of snapshot.archive.origins) {
    for (const [id, m] of o.members) {
      const start = memberStart(m);
      if (start < o.sealed || held.has(`${dev}:${id}`) || dead.has(`${dev}:${id}`)) continue;
      add(localDay(start), 1, m.activeSeconds, m.areas ?? []);
    }
    for (const d of o.days.values()) {
      const h = heldPerDay.get(`${dev}:${d.day}`) ?? 0;
      if (h === 0) add(d.day, d.count, d.activeSeconds, d.areas);
      else add(d.day, d.count - h, Math.round((d.activeSeconds * (d.count - h)) / d.count), []);
    }
  }
  for (const d of unseenDays(local.entries, snapshot)) add(d.day, d.count, d.activeSeconds, d.areas);

  const days = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, d]) => ({
      day,
      count: d.count,
      activeSeconds: d.activeSeconds,
      areas: [...d.areas].map(([area, seconds]) => ({ area, seconds }) as AreaSeconds),
    }));
  return { days, count: days.reduce((n, d) => n + d.count, 0), through: days.length > 0 ? days[days.length - 1]!.day : null };
}

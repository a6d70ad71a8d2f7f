import type { BreakEntry } from '../log/entry';
import type { AreaId } from '../routines/areas';
import { AREAS, AREA_IDS } from '../routines/areas';
import type { Moment, Side, Tool } from '../session/types';

/** Test helpers: realistic breaks from a seeded generator (used by the sync and log tests only). */

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MOMENTS: Moment[] = ['pre', 'post', 'rest', 'desk'];
const TOOLS: Tool[] = ['roller', 'ball', 'gun'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One break as the session engine would log it, starting at `startedAt`. */
export function realisticBreak(r: () => number, deviceId: string, startedAt: number, id?: string): BreakEntry {
  const minutes = pick(r, [3, 5, 5, 5, 8, 10]);
  const areaCount = 2 + Math.floor(r() * 5);
  const areas = [...AREA_IDS].sort(() => r() - 0.5).slice(0, areaCount) as AreaId[];
  const plan: Array<{ area: AreaId; side: Side | null; seconds: number }> = [];
  const perArea = Math.floor((minutes * 60) / areaCount);
  for (const area of areas) {
    const sides: Array<Side | null> = AREAS[area].sided ? ['left', 'right'] : [null];
    for (const side of sides) plan.push({ area, side, seconds: Math.floor(perArea / sides.length) });
  }
  const plannedSeconds = plan.reduce((s, p) => s + p.seconds, 0);
  const completed = r() < 0.85;
  const reached = completed ? plan.length : 1 + Math.floor(r() * plan.length);
  const steps = plan.slice(0, reached).map((p, i) => ({
    ...p,
    seconds: Math.max(0, p.seconds + Math.round((r() - 0.5) * 4) - (!completed && i === reached - 1 ? Math.floor(r() * p.seconds) : 0)),
  }));
  const moves = (areas.length - 1) * 5;
  const activeSeconds = steps.reduce((s, p) => s + p.seconds, 0) + (completed ? moves : Math.floor(r() * moves));
  const paused = r() < 0.2 ? Math.floor(r() * 600) : 0;
  const endedAt = startedAt + (activeSeconds + paused) * 1000 + Math.floor(r() * 1000);
  return {
    id: id ?? `${Math.floor(r() * 2 ** 32).toString(16).padStart(8, '0')}-${Math.floor(r() * 2 ** 32).toString(16)}-4abc-8def-${startedAt.toString(16)}`,
    deviceId,
    startedAt,
    endedAt,
    activeSeconds,
    plannedSeconds,
    steps,
    holdCount: Math.floor(r() * r() * 7),
    context: pick(r, MOMENTS),
    tool: pick(r, TOOLS),
    completed,
  };
}

/** `count` breaks of one device, 1–5 a day between 07:00 and 22:00 local, from `from` on, oldest first. */
export function realisticLog(seed: number, deviceId: string, count: number, from = new Date(2025, 0, 1).getTime()): BreakEntry[] {
  const r = rng(seed);
  const out: BreakEntry[] = [];
  let day = from;
  while (out.length < count) {
    const perDay = 1 + Math.floor(r() * 5);
    const slots = Array.from({ length: perDay }, () => 7 * 3600_000 + Math.floor(r() * 15 * 3600_000)).sort((a, b) => a - b);
    let last = -Infinity;
    for (const slot of slots) {
      if (out.length >= count) break;
      const at = Math.max(day + slot, last + 20 * 60_000);
      out.push(realisticBreak(r, deviceId, at));
      last = at;
    }
    day += 86_400_000;
  }
  return out;
}

import type { Moment, Side, Tool } from '../session/types';
import type { AreaId } from '../domain/areas';
import { AREA_IDS } from '../domain/areas';
import { rollsPerSet, techniqueFor } from './catalogue';
import { MOMENTS } from './moments';
import type { Trained } from '../domain/trained';
import { DEFAULT_TRAINED, TRAINED_MUSCLES, alternateHalves } from '../domain/trained';

export interface OrderInput {
  moment: Moment;
  tool: Tool;
  /** Areas the user asked for, in the order given; unsuitable ones (for this moment and tool) are ignored. */
  focus: readonly AreaId[];
  /** What the workout trained; used before and after a workout only. Absent: DEFAULT_TRAINED. */
  trained?: Trained;
  /** Rolled areas from the log; `at` is a timestamp (ms). Entries with a non-finite `at` are ignored. */
  recent: ReadonlyArray<{ area: AreaId; at: number }>;
  /** Breaks ties between equally ranked areas that the moment has no preference for. */
  seed: number;
  /**
   * Areas with Knot presses or checked in as "same" lately (body-signals.ts): after the focus areas and
   * the trained muscles, they come before the rest, and get the upper end of their dose.
   */
  tender?: readonly AreaId[];
  /** Areas no plan may include: those the person leaves alone (an injury) and those resting after "worse". */
  leaveOut?: readonly AreaId[];
  /**
   * One side of an area left alone (an injured right calf): where the tool rolls one side at a time the
   * plan rolls only the other side; where it works both sides at once (both thighs on the roller), or the
   * area has no sides, the whole area is left out.
   */
  leaveSide?: ReadonlyArray<{ area: AreaId; side: Side }>;
}

/**
 * Every area no plan may include: those left out, those with both sides left alone, and those with a side left
 * alone that this tool cannot roll one side at a time.
 */
export function leftOutAreas(input: Pick<OrderInput, 'tool' | 'leaveOut' | 'leaveSide'>): AreaId[] {
  const sides = input.leaveSide ?? [];
  const whole = sides
    .filter((s) => rollsPerSet(s.area, input.tool) === 1 || sides.some((o) => o.area === s.area && o.side !== s.side))
    .map((s) => s.area);
  return [...new Set([...(input.leaveOut ?? []), ...whole])];
}

/**
 * The areas a plan for this moment and tool may contain, in AREA_IDS order: those with a technique for the
 * tool, and for a moment without floor work (a desk break) only techniques off the floor.
 */
export function suitableAreas(moment: Moment, tool: Tool, leaveOut: readonly AreaId[] = []): AreaId[] {
  const config = MOMENTS[moment];
  return AREA_IDS.filter((area) => {
    const technique = techniqueFor(area, tool);
    return technique !== undefined && (config.floorAllowed || technique.position !== 'floor') && !leaveOut.includes(area);
  });
}

/**
 * The trained muscles a plan rolls first: before or after a workout, those of the kind trained that suit
 * the tool, in TRAINED_MUSCLES order; none on rest days and at the desk.
 */
export function trainedAreas(input: Pick<OrderInput, 'moment' | 'tool' | 'trained' | 'leaveOut' | 'leaveSide'>): AreaId[] {
  if (!MOMENTS[input.moment].trainedFirst) return [];
  const suitable = suitableAreas(input.moment, input.tool, leftOutAreas(input));
  // An unknown kind (a value from another version) counts as the default rather than as nothing.
  const kind = TRAINED_MUSCLES[input.trained ?? DEFAULT_TRAINED] ? (input.trained ?? DEFAULT_TRAINED) : DEFAULT_TRAINED;
  const reachable = TRAINED_MUSCLES[kind].filter((area) => suitable.includes(area));
  // After a full-body workout even a short plan covers both halves, whatever the tool or the areas left out.
  return kind === 'full' ? alternateHalves(reachable) : reachable;
}

/** A well-mixed 32-bit number from the seed and an area's index: the seed's tie-break between areas. */
function draw(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every suitable area, best first:
 * 1. the valid focus areas, in the order given;
 * 2. before and after a workout, the trained muscles (see `trainedAreas`), whatever was rolled lately;
 * 3. the others: first the tender ones (Knot presses or "same" lately), then the rest. Before and after a
 *    workout by the moment's priority, recency breaking ties; on rest days and at the desk from the least
 *    recently rolled (never rolled first), the priority breaking ties. The seed breaks the ties that remain.
 * Areas left out (leaveOut, and leaveSide where the tool works both sides at once) are never among them,
 * not even as focus or trained muscles.
 */
export function candidateOrder(input: OrderInput): AreaId[] {
  const suitable = suitableAreas(input.moment, input.tool, leftOutAreas(input));
  const tender = new Set(input.tender ?? []);
  const allowed = new Set<AreaId>(suitable);

  const first: AreaId[] = [];
  for (const area of [...input.focus, ...trainedAreas(input)]) {
    if (allowed.has(area) && !first.includes(area)) first.push(area);
  }

  const lastRolled = new Map<AreaId, number>();
  for (const { area, at } of input.recent) {
    if (!allowed.has(area) || !Number.isFinite(at)) continue;
    lastRolled.set(area, Math.max(lastRolled.get(area) ?? -Infinity, at));
  }

  const { priority, trainedFirst } = MOMENTS[input.moment];
  const seed = Number.isFinite(input.seed) ? Math.trunc(input.seed) % 2 ** 32 : 0;
  const ranked = suitable
    .filter((area) => !first.includes(area))
    .map((area) => {
      const preferred = priority.indexOf(area);
      const index = AREA_IDS.indexOf(area);
      return {
        area,
        last: lastRolled.get(area) ?? -Infinity,
        rank: preferred < 0 ? priority.length : preferred,
        tender: tender.has(area) ? 0 : 1,
        draw: draw(seed, index),
        index,
      };
    });
  ranked.sort(
    (a, b) =>
      compare(a.tender, b.tender) ||
      (trainedFirst ? compare(a.rank, b.rank) || compare(a.last, b.last) : compare(a.last, b.last) || compare(a.rank, b.rank)) ||
      compare(a.draw, b.draw) ||
      compare(a.index, b.index),
  );
  return [...first, ...ranked.map((entry) => entry.area)];
}

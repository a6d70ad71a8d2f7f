import type { Moment, Plan, PlanStep, Tool } from '../session/types';
import { BREAK_MINUTES } from '../domain/lists';
import type { AreaId } from './areas';
import { AREAS, AREA_IDS } from './areas';
import { techniqueFor } from './catalogue';
import type { MomentConfig } from './moments';
import { MOMENTS } from './moments';

export const DEFAULT_MINUTES = BREAK_MINUTES.default;
export const MIN_MINUTES = BREAK_MINUTES.min;
export const MAX_MINUTES = BREAK_MINUTES.max;

export interface PlanInput {
  moment: Moment;
  tool: Tool;
  /** Whole minutes, MIN_MINUTES–MAX_MINUTES; other values are rounded and clamped (NaN: DEFAULT_MINUTES). */
  minutes: number;
  /** Areas the user asked for, in the order given; unsuitable ones (for this moment and tool) are ignored. */
  focus: readonly AreaId[];
  /** Rolled areas from the log; `at` is a timestamp (ms). Entries with a non-finite `at` are ignored. */
  recent: ReadonlyArray<{ area: AreaId; at: number }>;
  /** Breaks ties between equally neglected areas that the moment has no preference for. */
  seed: number;
}

/** Plans are built in steps of this many seconds, so every roll shows a round number. */
const UNIT = 5;

/** The break length a plan gets for a requested number of minutes. */
export function normalizeMinutes(minutes: number): number {
  if (Number.isNaN(minutes)) return DEFAULT_MINUTES;
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(minutes)));
}

/**
 * The areas a plan for this moment and tool may contain, in AREA_IDS order: those with a technique for the
 * tool, and for a moment without floor work (a desk break) only techniques off the floor.
 */
export function suitableAreas(moment: Moment, tool: Tool): AreaId[] {
  const config = MOMENTS[moment];
  return AREA_IDS.filter((area) => {
    const technique = techniqueFor(area, tool);
    return technique !== undefined && (config.floorAllowed || technique.position !== 'floor');
  });
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
 * Every suitable area, best first: the valid focus areas in the order given, then the others from the
 * least recently rolled (never rolled first), ties broken by the moment's priority, then by the seed.
 */
export function candidateOrder(input: Pick<PlanInput, 'moment' | 'tool' | 'focus' | 'recent' | 'seed'>): AreaId[] {
  const suitable = suitableAreas(input.moment, input.tool);
  const allowed = new Set<AreaId>(suitable);

  const first: AreaId[] = [];
  for (const area of input.focus) {
    if (allowed.has(area) && !first.includes(area)) first.push(area);
  }

  const lastRolled = new Map<AreaId, number>();
  for (const { area, at } of input.recent) {
    if (!allowed.has(area) || !Number.isFinite(at)) continue;
    lastRolled.set(area, Math.max(lastRolled.get(area) ?? -Infinity, at));
  }

  const priority = MOMENTS[input.moment].priority;
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
        draw: draw(seed, index),
        index,
      };
    });
  ranked.sort(
    (a, b) =>
      compare(a.last, b.last) || compare(a.rank, b.rank) || compare(a.draw, b.draw) || compare(a.index, b.index),
  );
  return [...first, ...ranked.map((entry) => entry.area)];
}

interface Slot {
  area: AreaId;
  /** Position in the candidate order. */
  index: number;
  sides: 1 | 2;
  min: number;
  target: number;
  max: number;
  /** Seconds per roll (per side for a sided area). */
  seconds: number;
}

type Bound = 'min' | 'target' | 'max';

/** Seconds an area takes at its min/target/max per roll, its 'move' and (if sided) 'switch' included. */
function cost(slot: Slot, bound: Bound, config: MomentConfig): number {
  return config.moveSeconds + slot.sides * slot[bound] + (slot.sides === 2 ? config.switchSeconds : 0);
}

function sumCost(slots: readonly Slot[], bound: Bound, config: MomentConfig): number {
  let sum = 0;
  for (const slot of slots) sum += cost(slot, bound, config);
  return sum;
}

/**
 * Whether `chosen` plus some of `pool` can fill `total` exactly with every roll between its min and max
 * (so nothing has to stretch past the moment's max). Areas of the same cost range are interchangeable, so
 * this counts per range instead of trying subsets.
 */
function canFill(chosen: readonly Slot[], pool: readonly Slot[], total: number, config: MomentConfig): boolean {
  const groups = new Map<string, { low: number; high: number; count: number }>();
  for (const slot of pool) {
    const low = cost(slot, 'min', config);
    const high = cost(slot, 'max', config);
    const group = groups.get(`${low}/${high}`);
    if (group) group.count += 1;
    else groups.set(`${low}/${high}`, { low, high, count: 1 });
  }
  const list = [...groups.values()];
  const search = (i: number, low: number, high: number): boolean => {
    if (low > total) return false;
    if (high >= total) return true;
    const group = list[i];
    if (!group) return false;
    for (let k = 0; k <= group.count; k += 1) {
      if (search(i + 1, low + k * group.low, high + k * group.high)) return true;
    }
    return false;
  };
  return search(0, sumCost(chosen, 'min', config), sumCost(chosen, 'max', config));
}

/**
 * Which areas the plan gets, in candidate order.
 * 1. The first focus area, if any, always.
 * 2. In order, the areas that fit at their default time, up to the first that does not.
 * 3. While even the max per roll cannot fill the break, in order, the first area that still fits at the
 *    minimum; repeated.
 * In steps 2 and 3 an area that is not a focus area is passed over when taking it would make stretching
 * past the max unavoidable while leaving it out would not (e.g. a 3-minute rest-day plan takes one sided
 * area at 80 s a side rather than the upper back alone at 165 s). Focus areas are the user's choice and are
 * never passed over for that.
 */
function chooseAreas(slots: readonly Slot[], focusCount: number, total: number, config: MomentConfig): Slot[] {
  const chosen = new Set<Slot>();
  const taken = () => slots.filter((slot) => chosen.has(slot));
  const keepsFillable = (slot: Slot) => {
    if (slot.index < focusCount) return true;
    const current = taken();
    const pool = slots.filter((other) => !chosen.has(other));
    // When stretching is unavoidable anyway, any area that fits is welcome.
    if (!canFill(current, pool, total, config)) return true;
    return canFill([...current, slot], pool.filter((other) => other !== slot), total, config);
  };
  const fits = (slot: Slot, bound: Bound) => sumCost(taken(), bound, config) + cost(slot, bound, config) <= total;

  const firstFocus = slots[0];
  if (focusCount > 0 && firstFocus) chosen.add(firstFocus);
  for (const slot of slots) {
    if (chosen.has(slot)) continue;
    // Stop at the first area that does not fit, rather than reach past it for a cheaper, less wanted one.
    if (!fits(slot, 'target')) break;
    if (keepsFillable(slot)) chosen.add(slot);
  }
  while (sumCost(taken(), 'max', config) < total) {
    const next = slots.find((slot) => !chosen.has(slot) && fits(slot, 'min') && keepsFillable(slot));
    if (!next) break;
    chosen.add(next);
  }
  return taken();
}

/**
 * A guided break for a moment and tool. Pure and deterministic: the same input always gives the same plan.
 *
 * Shape: each area starts with a 'move' step (the first one too, so there is time to fetch the tool and get
 * into position after pressing Start); a sided area then rolls left, 'switch', right.
 *
 * Time: every roll gets at least the moment's minimum (never under 30 s). The areas are chosen best first
 * (see `candidateOrder` and `chooseAreas`): as many as fit at their technique's default time (clamped to
 * the moment's range), then more at the minimum only if the max per roll could not fill the break. Spare
 * time goes 5 s at a time, round-robin in plan order (so the first areas get any odd 5 s): first bringing
 * rolls up to their default, then up to the moment's max. Only when the chosen areas cannot fill the break
 * even at the max (no further area fits or is left) do rolls stretch past it. Both sides of an area always
 * get the same time; a last 5 s that cannot go to a roll lengthens the first 'move' step.
 */
export function generatePlan(input: PlanInput): Plan {
  const { moment, tool } = input;
  const config = MOMENTS[moment];
  const minutes = normalizeMinutes(input.minutes);
  const total = minutes * 60;
  const [min, max] = config.secondsPerArea;

  const order = candidateOrder(input);
  const focusCount = order.filter((area) => input.focus.includes(area)).length;
  const slots: Slot[] = order.map((area, index) => {
    const technique = techniqueFor(area, tool);
    const target = Math.min(max, Math.max(min, technique?.secondsPerSide ?? min));
    return { area, index, sides: AREAS[area].sided ? 2 : 1, min, target, max, seconds: min };
  });
  if (slots.length === 0) throw new Error(`No area suits ${tool} at ${moment}`);

  const chosen = chooseAreas(slots, focusCount, total, config);
  let spare = total - sumCost(chosen, 'min', config);
  const caps: Array<(slot: Slot) => number> = [(slot) => slot.target, (slot) => slot.max];
  if (sumCost(chosen, 'max', config) < total) caps.push(() => Infinity);
  for (const cap of caps) {
    let raised = true;
    while (raised) {
      raised = false;
      for (const slot of chosen) {
        const step = UNIT * slot.sides;
        if (slot.seconds + UNIT <= cap(slot) && step <= spare) {
          slot.seconds += UNIT;
          spare -= step;
          raised = true;
        }
      }
    }
  }

  const steps: PlanStep[] = [];
  for (const slot of chosen) {
    const { area, seconds } = slot;
    if (slot.sides === 2) {
      steps.push({ kind: 'move', area, side: 'left', seconds: config.moveSeconds });
      steps.push({ kind: 'roll', area, side: 'left', seconds });
      steps.push({ kind: 'switch', area, side: 'right', seconds: config.switchSeconds });
      steps.push({ kind: 'roll', area, side: 'right', seconds });
    } else {
      steps.push({ kind: 'move', area, side: null, seconds: config.moveSeconds });
      steps.push({ kind: 'roll', area, side: null, seconds });
    }
  }
  // What no roll can take (5 s that two sides cannot share, or that would push a roll past the max)
  // gives more time to get ready at the start. steps[0] is always the first area's 'move'.
  const firstStep = steps[0];
  if (firstStep && spare > 0) firstStep.seconds += spare;

  return { moment, tool, minutes, steps };
}

import type { AreaId } from '../domain/areas';
import type { Side } from '../session/types';
import type { MomentConfig } from './moments';
import { BOUT_MAX_SECONDS } from './moments';

/** One candidate area of a plan while it is being built. */
export interface Slot {
  area: AreaId;
  /** Position in the candidate order. */
  index: number;
  /** Rolls per set: 2 for left then right, 1 for a technique that rolls both legs at once or for one side only. */
  rolls: 1 | 2;
  /** The one side rolled when the other is left alone (an injury); absent when both are, or the area has none. */
  only?: Side;
  /** Seconds per side in the whole break: the moment's min, the technique's default (clamped), the max. */
  min: number;
  target: number;
  max: number;
  /** Seconds per side so far. */
  seconds: number;
}

export type Bound = 'min' | 'target' | 'max';

/** How many equal sets a total per side is split into: one per BOUT_MAX_SECONDS or part of it. */
export function setsFor(perSide: number): number {
  return Math.max(1, Math.ceil(perSide / BOUT_MAX_SECONDS));
}

/**
 * Seconds an area takes with `perSide` seconds per side: its 'move', its rolls, and a 'switch' between
 * any two rolls in a row (changing sides, or a breath between sets).
 */
export function costAt(slot: Pick<Slot, 'rolls'>, perSide: number, config: MomentConfig): number {
  const rolls = slot.rolls * setsFor(perSide);
  return config.moveSeconds + slot.rolls * perSide + (rolls - 1) * config.switchSeconds;
}

function cost(slot: Slot, bound: Bound, config: MomentConfig): number {
  return costAt(slot, slot[bound], config);
}

export function sumCost(slots: readonly Slot[], bound: Bound, config: MomentConfig): number {
  let sum = 0;
  for (const slot of slots) sum += cost(slot, bound, config);
  return sum;
}

/**
 * Whether `chosen` plus some of `pool` can fill `total` exactly with every area between its min and max
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
 * Which areas the plan gets, in candidate order. The first `leading` slots are the user's focus areas and
 * the trained muscles: the plan's purpose.
 * 1. The first leading area, if any, always.
 * 2. In order, the areas that fit at their default time, up to the first that does not.
 * 3. While even the max per side cannot fill the break, in order, the first area that still fits at the
 *    minimum; repeated.
 * Every area gets at least its minimum: a break too short for another area at full dose takes fewer areas.
 * In steps 2 and 3 an area that is not a leading one is passed over when taking it would make stretching
 * past the max unavoidable while leaving it out would not. Leading areas are never passed over for that,
 * and as they come first, which of them a plan gets never depends on what was rolled lately.
 */
export function chooseAreas(slots: readonly Slot[], leading: number, total: number, config: MomentConfig): Slot[] {
  const chosen = new Set<Slot>();
  const taken = () => slots.filter((slot) => chosen.has(slot));
  const keepsFillable = (slot: Slot) => {
    if (slot.index < leading) return true;
    const current = taken();
    const pool = slots.filter((other) => !chosen.has(other));
    // When stretching is unavoidable anyway, any area that fits is welcome.
    if (!canFill(current, pool, total, config)) return true;
    return canFill(
      [...current, slot],
      pool.filter((other) => other !== slot),
      total,
      config,
    );
  };
  const fits = (slot: Slot, bound: Bound) => sumCost(taken(), bound, config) + cost(slot, bound, config) <= total;

  const firstLeading = slots[0];
  if (leading > 0 && firstLeading) chosen.add(firstLeading);
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

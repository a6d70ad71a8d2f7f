import type { Plan, PlanStep, Side } from '../session/types';
import { techniqueFor, rollsPerSet } from './catalogue';
import type { OrderInput } from './candidate-order';
import { candidateOrder, trainedAreas } from './candidate-order';
import type { Slot } from './choose-areas';
import { chooseAreas, costAt, setsFor, sumCost } from './choose-areas';
import { normalizeMinutes } from './lengths';
import type { MomentConfig } from './moments';
import { BOUT_MAX_SECONDS, MAX_SETS, MOMENTS } from './moments';

export { DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES, normalizeMinutes } from './lengths';
export { candidateOrder, leftOutAreas, suitableAreas, trainedAreas } from './candidate-order';

export interface PlanInput extends OrderInput {
  /** Whole minutes within the moment's range (MOMENT_LENGTHS); other values are rounded and clamped. */
  minutes: number;
}

/** Every area the tool can reach at this moment is left out (left alone, or resting): there is no plan. */
export class NoAreaLeftError extends Error {
  override name = 'NoAreaLeftError';
}

/** Plans are built in steps of this many seconds, so every roll shows a round number. */
const UNIT = 5;

/**
 * The next longer total per side that still splits into equal sets of whole 5 s bouts: each bout 5 s
 * longer, or one set more once the bouts reach BOUT_MAX_SECONDS. Null past MAX_SETS full sets.
 */
function nextTotal(perSide: number): number | null {
  const sets = setsFor(perSide);
  if (perSide + UNIT * sets <= BOUT_MAX_SECONDS * sets) return perSide + UNIT * sets;
  const more = sets + 1;
  if (more > MAX_SETS) return null;
  return Math.ceil((BOUT_MAX_SECONDS * sets + 1) / (UNIT * more)) * UNIT * more;
}

/**
 * Spreads `spare` seconds over the chosen areas, round-robin in plan order (so the first areas get any odd
 * seconds): first the tender areas up to the upper end of their dose, then up to each area's default, then up to the moment's max; only when the areas cannot fill
 * the break even at the max (no further area fits or is left) past it, in equal sets. Returns what is left.
 */
function spread(chosen: Slot[], spare: number, canStretch: boolean, config: MomentConfig, tender: ReadonlySet<Slot>): number {
  // Tender areas reach the upper end of their dose first; then every area its default, then the max.
  const caps: Array<(slot: Slot) => number> = [
    (slot) => (tender.has(slot) ? slot.target : slot.min),
    (slot) => slot.target,
    (slot) => slot.max,
  ];
  if (canStretch) caps.push(() => BOUT_MAX_SECONDS * MAX_SETS);
  for (const cap of caps) {
    let raised = true;
    while (raised) {
      raised = false;
      for (const slot of chosen) {
        const next = slot.seconds < slot.max ? slot.seconds + UNIT : nextTotal(slot.seconds);
        if (next === null || next > cap(slot)) continue;
        const step = costAt(slot, next, config) - costAt(slot, slot.seconds, config);
        if (step <= spare) {
          slot.seconds = next;
          spare -= step;
          raised = true;
        }
      }
    }
  }
  return spare;
}

/**
 * A guided break for a moment, tool and (before and after a workout) what was trained. Pure and
 * deterministic: the same input always gives the same plan.
 *
 * Shape: each area starts with a 'move' step (the first one too, so there is time to fetch the tool and get
 * into position after pressing Start). A sided area then rolls left, 'switch', right; a technique that
 * rolls both legs at once rolls once, and so does a sided area with one side left alone (leaveSide). A dose past BOUT_MAX_SECONDS per side becomes equal sets, the sides
 * alternating (left, right, left, right) with a 'switch' between every two rolls.
 *
 * Time: every area gets at least the moment's minimum per side (after a workout 90 s); a break too short
 * for one more area at that dose takes fewer areas. The areas are chosen best first (see `candidateOrder`
 * and `chooseAreas`), spare time is spread by `spread`, and the few seconds no roll can take (fewer than
 * one more 5 s for every roll of an area) go to the 'move' steps, 5 s at a time from the first.
 */
export function generatePlan(input: PlanInput): Plan {
  const { moment, tool } = input;
  const config = MOMENTS[moment];
  const minutes = normalizeMinutes(input.minutes, moment);
  const total = minutes * 60;
  const [min, max] = config.secondsPerSide;

  const order = candidateOrder(input);
  const leading = new Set([...input.focus, ...trainedAreas(input)]);
  const tender = new Set(input.tender ?? []);
  // A side left alone on an area rolled one side at a time: only the other side (candidateOrder has already
  // left out the areas whose technique works both sides at once).
  const skipped = new Map((input.leaveSide ?? []).map((s) => [s.area, s.side] as const));
  const slots: Slot[] = order.map((area, index) => {
    const technique = techniqueFor(area, tool);
    // A tender area among the rest gets the upper end of the moment's dose (never past it); the purpose's
    // areas keep theirs, so which of them fit never depends on the knot map.
    const target = tender.has(area) && !leading.has(area) ? max : Math.min(max, Math.max(min, technique?.secondsPerSide ?? min));
    const skip = skipped.get(area);
    if (skip !== undefined && rollsPerSet(area, tool) === 2) {
      return { area, index, rolls: 1, only: skip === 'left' ? 'right' : 'left', min, target, max, seconds: min };
    }
    return { area, index, rolls: rollsPerSet(area, tool), min, target, max, seconds: min };
  });
  if (slots.length === 0) throw new NoAreaLeftError(`No area suits ${tool} at ${moment}`);

  const chosen = chooseAreas(slots, order.filter((area) => leading.has(area)).length, total, config);
  const spare = total - sumCost(chosen, 'min', config);
  const tenderSlots = new Set(chosen.filter((slot) => tender.has(slot.area) && !leading.has(slot.area)));
  let left = spread(chosen, spare, sumCost(chosen, 'max', config) < total, config, tenderSlots);

  const steps: PlanStep[] = [];
  const moves: PlanStep[] = [];
  for (const slot of chosen) {
    const { area } = slot;
    const sets = setsFor(slot.seconds);
    const bout = slot.seconds / sets;
    const sides: Array<Side | null> = slot.only ? [slot.only] : slot.rolls === 2 ? ['left', 'right'] : [null];
    const move: PlanStep = { kind: 'move', area, side: sides[0]!, seconds: config.moveSeconds };
    steps.push(move);
    moves.push(move);
    for (let set = 0; set < sets; set += 1) {
      for (const side of sides) {
        if (steps[steps.length - 1]!.kind === 'roll') steps.push({ kind: 'switch', area, side, seconds: config.switchSeconds });
        steps.push({ kind: 'roll', area, side, seconds: bout });
      }
    }
  }
  // What no roll can take gives more time to get ready, from the first area on.
  for (let i = 0; left > 0 && moves.length > 0; i = (i + 1) % moves.length) {
    moves[i]!.seconds += UNIT;
    left -= UNIT;
  }

  return { moment, tool, minutes, steps };
}

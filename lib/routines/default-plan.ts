import type { Plan, PlanStep, Side } from '../session/types';
import type { AreaId } from './areas';
import { AREAS } from './areas';

/**
 * The general 5-minute foam-roller plan shipped until the routine library lands: the seeds' first areas,
 * 30 s per side (the shortest dose that still counts) and 60 s for the upper back, 300 s in all.
 */
const GENERAL: Array<[AreaId, number]> = [
  ['upper-back', 60],
  ['glutes', 30],
  ['it-band', 30],
  ['quads', 30],
  ['calves', 30],
];

export function defaultPlan(): Plan {
  const steps: PlanStep[] = [];
  for (const [area, seconds] of GENERAL) {
    const sides: Array<Side | null> = AREAS[area].sided ? ['left', 'right'] : [null];
    for (const side of sides) steps.push({ kind: 'roll', area, side, seconds });
  }
  return { moment: 'rest', tool: 'roller', minutes: 5, steps };
}

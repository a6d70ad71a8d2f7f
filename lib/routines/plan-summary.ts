import type { Plan } from '../session/types';
import type { AreaId } from '../domain/areas';

export interface AreaDose {
  area: AreaId;
  /** Whether the area is rolled one side at a time (the time is per side) or in one go (both legs at once). */
  perSide: boolean;
  /** Equal sets per side, 1 when the dose fits one bout. */
  sets: number;
  /** Seconds of each set. */
  seconds: number;
}

/**
 * What a plan gives each area, in plan order, read off its roll steps: "Quads: 2 × 1:05 per side". The
 * generator makes sets equal, so the first roll's length stands for all of them.
 */
export function summarizePlan(plan: Plan): AreaDose[] {
  const doses: AreaDose[] = [];
  for (const step of plan.steps) {
    if (step.kind !== 'roll') continue;
    const last = doses[doses.length - 1];
    if (last?.area === step.area) {
      // A sided area's sets alternate sides: count the left rolls only.
      if (!last.perSide || step.side === 'left') last.sets += 1;
    } else {
      doses.push({ area: step.area, perSide: step.side !== null, sets: 1, seconds: step.seconds });
    }
  }
  return doses;
}

import type { Plan, Side } from '../session/types';
import type { AreaId } from '../domain/areas';

export interface AreaDose {
  area: AreaId;
  /** Whether the area is rolled one side at a time (the time is per side) or in one go (both legs at once). */
  perSide: boolean;
  /** The one side rolled when the other is left alone (an injury); absent when both sides or none are. */
  only?: Side;
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
  let first: Side | null = null;
  for (const step of plan.steps) {
    if (step.kind !== 'roll') continue;
    const last = doses[doses.length - 1];
    if (last?.area === step.area) {
      // A sided area's sets alternate sides: count the rolls of its first side only.
      if (!last.perSide || step.side === first) last.sets += 1;
      if (step.side !== first) delete last.only;
    } else {
      first = step.side;
      const dose: AreaDose = { area: step.area, perSide: step.side !== null, sets: 1, seconds: step.seconds };
      if (step.side !== null) dose.only = step.side;
      doses.push(dose);
    }
  }
  return doses;
}

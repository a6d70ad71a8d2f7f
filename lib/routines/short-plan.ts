import type { Plan } from '../session/types';
import type { AreaId } from '../domain/areas';
import type { PlanInput } from './generate-plan';
import { generatePlan, trainedAreas } from './generate-plan';
import { MOMENT_LENGTHS, normalizeMinutes } from './lengths';

export interface LeftOutOfShortPlan {
  /** Trained muscles (before or after a workout) the plan has no time for, in the order they would come. */
  missing: AreaId[];
  /** The shortest length that fits every one of them, or null when none within the moment's range does. */
  fitsAt: number | null;
}

const rolled = (plan: Plan) => new Set(plan.steps.map((s) => s.area));

/**
 * What a break at the chosen length leaves out of what the workout trained, and the length that fits it
 * ("Not in 5 min: calves, glutes — 8 min fits them"). Null when nothing trained is left out.
 */
export function leftOutOfShortPlan(input: PlanInput, plan: Plan): LeftOutOfShortPlan | null {
  const trained = trainedAreas(input);
  const inPlan = rolled(plan);
  const missing = trained.filter((area) => !inPlan.has(area));
  if (missing.length === 0) return null;
  const { max } = MOMENT_LENGTHS[input.moment];
  let fitsAt: number | null = null;
  for (let minutes = normalizeMinutes(input.minutes, input.moment) + 1; minutes <= max; minutes++) {
    const longer = rolled(generatePlan({ ...input, minutes }));
    if (trained.every((area) => longer.has(area))) {
      fitsAt = minutes;
      break;
    }
  }
  return { missing, fitsAt };
}

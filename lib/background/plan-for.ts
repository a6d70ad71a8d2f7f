import type { BreakChoice } from '../choice';
import type { Plan, PlanStep, Tool } from '../session/types';
import type { AreaId } from '../routines/areas';
import { generatePlan } from '../routines/generate-plan';
import { techniqueFor } from '../routines/catalogue';
import { planInput } from '../routines/plan-input';
import { lastRolledItem, settingsItem } from '../storage-items';

/**
 * The plan for a new break. A choice from the popup is remembered as the next default, so
 * "Start 5-minute roll" stays one click with the last-used moment, tool and length.
 */
export async function planFor(choice: BreakChoice | undefined, now = Date.now()): Promise<Plan> {
  const [settings, lastRolled] = await Promise.all([settingsItem.getValue(), lastRolledItem.getValue()]);
  const chosen = choice ?? { moment: settings.moment, tool: settings.tool, minutes: settings.minutes, focus: [] };
  if (choice && (choice.moment !== settings.moment || choice.tool !== settings.tool || choice.minutes !== settings.minutes)) {
    await settingsItem.setValue({ ...settings, moment: choice.moment, tool: choice.tool, minutes: choice.minutes });
  }
  return withPositions(generatePlan(planInput(chosen, lastRolled, now)));
}

function positionAndCautions(area: AreaId, tool: Tool): Pick<PlanStep, 'position' | 'cautions'> {
  const technique = techniqueFor(area, tool);
  return technique ? { position: technique.position, cautions: technique.cautions } : {};
}

/** Marks each get-ready step with where its technique is done and its cautions (the timer has no catalogue). */
export function withPositions(plan: Plan): Plan {
  return {
    ...plan,
    steps: plan.steps.map((step) =>
      step.kind === 'move' ? { ...step, ...positionAndCautions(step.area, plan.tool) } : step,
    ),
  };
}

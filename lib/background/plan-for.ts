import type { BreakChoice } from '../choice';
import type { Plan, PlanStep, Tool } from '../session/types';
import type { AreaId } from '../routines/areas';
import { generatePlan } from '../routines/generate-plan';
import { techniqueFor } from '../routines/catalogue';
import { planInput } from '../routines/plan-input';
import { lastRolledItem } from '../storage-items';
import { getSettings, patchSettings } from './settings-service';

/**
 * The plan for a new break. A choice from the popup is remembered as the next default, so
 * "Start 5-minute roll" stays one click with the last-used moment, tool and length.
 */
export async function planFor(choice: BreakChoice | undefined, now = Date.now()): Promise<Plan> {
  if (choice) await rememberChoice(choice);
  const settings = await getSettings();
  return buildPlan(choice ?? { moment: settings.moment, tool: settings.tool, minutes: settings.minutes, focus: [] }, now);
}

/**
 * Keeps a choice's moment, tool and length as the next default; no write when nothing changed. Only those
 * three fields change: whatever else is stored (a newer version's fields) is written back as it was.
 */
export async function rememberChoice({ moment, tool, minutes }: BreakChoice): Promise<void> {
  await patchSettings({ moment, tool, minutes });
}

/** The plan for a choice, without remembering it (a reminder's suggestion, say). */
export async function buildPlan(choice: BreakChoice, now = Date.now()): Promise<Plan> {
  return withPositions(generatePlan(planInput(choice, await lastRolledItem.getValue(), now)));
}

/** What a reminder suggests: a desk break, with the user's tool unless it needs the floor, or a post-workout roll. */
export async function reminderChoice(kind: 'desk' | 'post'): Promise<BreakChoice> {
  const { tool, minutes } = await getSettings();
  return kind === 'desk'
    ? { moment: 'desk', tool: tool === 'roller' ? 'ball' : tool, minutes, focus: [] }
    : { moment: 'post', tool, minutes, focus: [] };
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

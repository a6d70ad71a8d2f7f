import type { Plan } from '../session/types';
import { generatePlan } from '../routines/generate-plan';
import { GENERAL_CAUTIONS, techniqueFor } from '../routines/catalogue';
import { planInput } from '../routines/plan-input';
import { lengthForMoment } from '../routines/lengths';
import { asTrained } from '../domain/trained';
import { AREA_IDS } from '../domain/areas';
import { normalizeChoice } from '../settings/choice';
import { lastRolledItem } from '../storage/items';
import { getSettings, patchSettings } from './settings-service';
import type { BreakChoice } from '../domain/choice';
import { readBodySignals } from '../log/body-read';

/**
 * The plan for a new break. A choice from the popup is remembered as the next default, so
 * "Start 5-minute roll" stays one click with the last-used moment, tool and length.
 */
export async function planFor(raw: BreakChoice | undefined, now = Date.now()): Promise<Plan> {
  // A page's choice is checked like stored settings: an unknown moment or tool can't make Start throw.
  const choice = raw && checkedChoice(raw);
  if (choice) await rememberChoice(choice);
  const { moment, tool, minutes, trained } = await getSettings();
  return buildPlan(choice ?? { moment, tool, minutes, trained: asTrained(trained), focus: [] }, now);
}

/**
 * Keeps a choice's moment, tool, length and what was trained as the next default, as a patch through the
 * settings writer (no write when nothing changed; what was trained stays as it was when not given).
 */
export async function rememberChoice({ moment, tool, minutes, trained }: BreakChoice): Promise<void> {
  const kind = asTrained(trained);
  await patchSettings({ moment, tool, minutes, ...(kind ? { trained: kind } : {}) });
}

/** A choice as a page sent it, each field checked: known moment, tool and areas, a length in range. */
function checkedChoice(raw: BreakChoice): BreakChoice {
  const focus = Array.isArray(raw.focus) ? raw.focus.filter((area) => (AREA_IDS as readonly unknown[]).includes(area)) : [];
  const trained = asTrained(raw.trained);
  return { ...normalizeChoice(raw), focus, ...(trained ? { trained } : {}) };
}

/**
 * The plan for a choice, without remembering it (a reminder's suggestion, say): with what the log says of
 * the person's body (knots, check-ins) and the areas they leave alone, as the popup's preview showed it.
 */
export async function buildPlan(choice: BreakChoice, now = Date.now()): Promise<Plan> {
  const [lastRolled, signals, { avoid }] = await Promise.all([lastRolledItem.getValue(), readBodySignals(now), getSettings()]);
  return withPositions(generatePlan(planInput(choice, lastRolled, now, { signals, avoid })));
}

/**
 * What a reminder suggests: a desk break, with the user's tool unless it needs the floor, or a post-workout
 * roll of what the user said the workout trains, long enough for full doses.
 */
export async function reminderChoice(kind: 'desk' | 'post'): Promise<BreakChoice> {
  const { tool, minutes, trained } = await getSettings();
  return kind === 'desk'
    ? { moment: 'desk', tool: tool === 'roller' ? 'ball' : tool, minutes, focus: [] }
    : { moment: 'post', tool, minutes: lengthForMoment(minutes, 'post'), trained: asTrained(trained), focus: [] };
}

/**
 * Marks each get-ready step with where its technique is done, and every step with its cautions, the
 * general ones last, so the timer (which has no catalogue) keeps them on screen for the whole step.
 */
export function withPositions(plan: Plan): Plan {
  return {
    ...plan,
    steps: plan.steps.map((step) => {
      const technique = techniqueFor(step.area, plan.tool);
      const cautions = [...(technique?.cautions ?? []), ...GENERAL_CAUTIONS];
      return step.kind === 'move' && technique ? { ...step, position: technique.position, cautions } : { ...step, cautions };
    }),
  };
}

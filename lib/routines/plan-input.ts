import type { AreaId } from '../domain/areas';
import type { PlanInput } from './generate-plan';
import { localDay } from '../domain/days';
import { asTrained } from '../domain/trained';
import type { BreakChoice } from '../domain/choice';
import type { BodySignals } from './body-signals';
import { NO_SIGNALS } from './body-signals';
import type { AvoidedArea } from '../settings/avoid';
import { avoidedAt, avoidedSidesAt } from '../settings/avoid';
import { leftOutAreas } from './candidate-order';

/** What the plan knows of the person's body: the log's signals and the areas they leave alone. */
export interface BodyContext {
  signals: BodySignals;
  avoid: readonly AvoidedArea[];
}

export const NO_BODY: BodyContext = { signals: NO_SIGNALS, avoid: [] };

/**
 * The generator's input for a choice, built the same way by the popup's preview and by the background
 * that starts the break, so the plan that starts is the plan that was shown. The seed is the local day:
 * breaks vary from day to day but not between opening the popup and pressing Start.
 */
export function planInput(
  choice: BreakChoice,
  lastRolled: Partial<Record<AreaId, number>>,
  now: number,
  body: BodyContext = NO_BODY,
): PlanInput {
  const sides = avoidedSidesAt(body.avoid, now);
  const recent = Object.entries(lastRolled).map(([area, at]) => ({ area: area as AreaId, at: at ?? 0 }));
  return {
    moment: choice.moment,
    tool: choice.tool,
    minutes: choice.minutes,
    focus: choice.focus,
    trained: asTrained(choice.trained),
    recent,
    seed: localDay(now),
    tender: body.signals.tender,
    // Complete here (sides the tool cannot roll apart included), so the preview's area lists match the plan.
    leaveOut: leftOutAreas({
      tool: choice.tool,
      leaveOut: [...avoidedAt(body.avoid, now), ...body.signals.resting.filter((r) => r.until > now).map((r) => r.area)],
      leaveSide: sides,
    }),
    leaveSide: sides,
  };
}

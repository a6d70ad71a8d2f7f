import type { SessionState } from '../session/types';
import { buildPlan, planFor } from './plan-for';
import { dispatch } from './session-service';
import { showTimer, type TimerPlace } from './show-timer';
import { openTimerWindow } from './timer-window';
import { timerShownIn } from './follow-timer';
import type { BreakChoice } from '../domain/choice';
import { getSettings } from './settings-service';

/**
 * Starts a break and puts its timer where the user can see it. `where: 'active-tab'` needs the page to be
 * scriptable (activeTab from a click or the shortcut, or the user's opt-in for every page); 'window' is for
 * starts with no page access, like a notification when the user has not opted in.
 */
export async function startBreak(
  choice: BreakChoice | undefined,
  where: 'active-tab' | 'window',
  remember = true,
): Promise<{ state: SessionState; timer: TimerPlace }> {
  const plan = remember || !choice ? await planFor(choice) : await buildPlan(choice);
  const { checkIn } = await getSettings();
  const state = await dispatch({ type: 'start', id: crypto.randomUUID(), plan, checkIn });
  if (where === 'window') {
    await timerShownIn(null);
    await openTimerWindow();
    return { state, timer: 'window' };
  }
  return { state, timer: await showTimer() };
}

import type { SessionState } from './types';
import type { UserSessionEvent } from './types';

/** The keyboard commands (manifest `commands`), besides `_execute_action` which opens the popup. */
export const COMMANDS = ['start-break', 'focus-timer', 'pause-resume', 'knot-hold'] as const;
export type Command = (typeof COMMANDS)[number];

/**
 * What a hands-busy shortcut does to the break, or null when it does not fit the moment. Pause/Resume
 * toggles; Knot hold starts a hold on an area (not while getting into position), or another one during a
 * hold, like the timer's Knot and "Found another knot".
 */
export function commandEvent(command: string, state: SessionState): UserSessionEvent | null {
  if (state.status !== 'running' && state.status !== 'paused') return null;
  if (command === 'pause-resume') return { type: state.status === 'paused' ? 'resume' : 'pause' };
  if (command === 'knot-hold' && state.status === 'running' && state.plan.steps[state.stepIndex]?.kind === 'roll') {
    return { type: state.hold ? 'holdRestart' : 'holdStart' };
  }
  return null;
}

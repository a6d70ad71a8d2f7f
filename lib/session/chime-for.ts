import type { SessionEvent, SessionState } from './types';

/**
 * Which chime, if any, a transition deserves: only the ones the clock caused (an area or a hold running
 * out, the break finishing). A button the user pressed needs no sound to confirm it.
 */
export function chimeFor(before: SessionState, after: SessionState, event: SessionEvent): 'step' | 'hold' | null {
  if (event.type !== 'tick' || before.status !== 'running' || after.status === 'idle') return null;
  if (after.id !== before.id) return null;
  if (after.stepIndex !== before.stepIndex || after.status === 'finished') return 'step';
  if (before.hold && !after.hold) return 'hold';
  return null;
}

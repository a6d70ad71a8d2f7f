import type { MessageKey } from '../i18n';
import { areaMessageKey } from '../domain/areas';
import type { PlanStep, SessionEvent, SessionState, Tool } from './types';

/**
 * What the optional voice says at a transition, so a person lying on a roller can follow with closed eyes:
 * - 'next': a new area begins (its get-ready moment): "Next: Calves, left side. Seated."
 * - 'roll': rolling starts on an area or side: "Calves, left side. Roll slowly." (a massage gun glides:
 *   "Glide slowly.");
 * - 'switch': "Switch sides."; 'set': the breath between two sets of a both-legs roll;
 * - 'hold' / 'holdEnd': a knot hold starts, or ends by itself;
 * - 'done': the break finished.
 */
export type Speech =
  | { kind: 'next'; step: PlanStep }
  | { kind: 'roll'; step: PlanStep; tool: Tool }
  | { kind: 'switch' }
  | { kind: 'set' }
  | { kind: 'hold' }
  | { kind: 'holdEnd'; tool: Tool }
  | { kind: 'done' };

function forStep(step: PlanStep | undefined, tool: Tool): Speech | null {
  if (!step) return null;
  if (step.kind === 'move') return { kind: 'next', step };
  if (step.kind === 'roll') return { kind: 'roll', step, tool };
  return { kind: step.side ? 'switch' : 'set' };
}

/**
 * Which words a transition deserves. Unlike the chime, which marks only what the clock did, the voice
 * also says where a button led (Skip, Switch side, Knot): whoever cannot see the screen needs to hear
 * which area and side come now. Ending the break, pausing and resuming need no words.
 */
export function speechFor(before: SessionState, after: SessionState, event: SessionEvent): Speech | null {
  if (after.status === 'idle' || after === before) return null;
  if (event.type === 'start')
    return after.status === 'running' ? forStep(after.plan.steps[after.stepIndex], after.plan.tool) : null;
  if (before.status === 'idle' || after.id !== before.id) return null;
  if (after.status === 'ended') return null;
  if (after.status === 'finished') return before.status === 'finished' ? null : { kind: 'done' };
  if (after.stepIndex !== before.stepIndex) return forStep(after.plan.steps[after.stepIndex], after.plan.tool);
  if ((event.type === 'holdStart' || event.type === 'holdRestart') && after.hold && after.hold !== before.hold) {
    return { kind: 'hold' };
  }
  if (event.type === 'tick' && before.hold && !after.hold) return { kind: 'holdEnd', tool: after.plan.tool };
  return null;
}

type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** "Calves, left side", or just "Calves" for a roll with no side. */
function areaAndSide(step: PlanStep, t: Translate): string {
  const area = t(areaMessageKey(step.area));
  return step.side ? t(step.side === 'left' ? 'voice_left' : 'voice_right', area) : area;
}

/** The sentence to speak, in the UI language: `t` is `lib/i18n`'s, or the English messages in tests. */
export function speechText(speech: Speech, t: Translate): string {
  switch (speech.kind) {
    case 'next':
      return speech.step.position
        ? t('voice_next', [areaAndSide(speech.step, t), t(`pos_${speech.step.position}`)])
        : t('voice_next_plain', areaAndSide(speech.step, t));
    case 'roll':
      // A massage gun is not rolled: it glides over the muscle.
      return t(speech.tool === 'gun' ? 'voice_glide' : 'voice_roll', areaAndSide(speech.step, t));
    case 'switch':
      return t('voice_switch');
    case 'set':
      return t('voice_set');
    case 'hold':
      return t('voice_hold');
    case 'holdEnd':
      return t(speech.tool === 'gun' ? 'voice_hold_end_gun' : 'voice_hold_end');
    case 'done':
      return t('voice_done');
  }
}

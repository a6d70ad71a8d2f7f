import { useState } from 'preact/hooks';
import type { Picture } from '../../lib/pictures/shapes';
import type { PlanStep, Tool } from '../../lib/session/types';
import type { MessageKey } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import { TechniquePicture } from './TechniquePicture';

/** What the timer hands a step's picture: the step and the break's tool. */
export interface StepPictureProps {
  step: PlanStep;
  tool: Tool;
}

export type StepPictureComponent = (props: StepPictureProps) => ReturnType<typeof TechniquePicture> | null;

/** The movement cue's key, composed like the timer's own (TimerPanel's Coaching). */
export const moveKey = (step: PlanStep, tool: Tool) => `tech_${step.area.replace(/-/g, '_')}_${tool}_move` as MessageKey;

// Inline styles (set through the CSSOM, so no page CSP blocks them) keep the look with the picture, which
// the timer over a page loads on demand: its stylesheet has nothing for pictures.
const BOX = { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '2px' };
const LARGE_BOX = { ...BOX, flexBasis: '100%' };
const BUTTON = { fontSize: '12px', minHeight: '24px', padding: '2px 8px' };
export const SMALL = 112;
export const LARGE = 272;

/**
 * A step's picture in the timer: small beside the body map, with a button that shows it across the whole
 * timer and back. The side is the step's, so a left-side step shows the mirrored picture.
 */
export function StepPicture({ step, tool, picture }: StepPictureProps & { picture: Picture }) {
  const [large, setLarge] = useState(false);
  return (
    <div class="rb-pic-box" style={large ? LARGE_BOX : BOX}>
      <TechniquePicture picture={picture} label={t(moveKey(step, tool))} side={step.side} width={large ? LARGE : SMALL} />
      <button type="button" style={BUTTON} onClick={() => setLarge(!large)}>
        {t(large ? 'pictureSmaller' : 'pictureLarger')}
      </button>
    </div>
  );
}

import { pictureFor } from '../../lib/pictures/pictures';
import type { StepPictureProps } from './StepPicture';
import { StepPicture } from './StepPicture';

/** The step's picture on an extension page (the timer window), which imports every picture directly. */
export function PageStepPicture({ step, tool }: StepPictureProps) {
  const picture = pictureFor(step.area, tool);
  return picture ? <StepPicture step={step} tool={tool} picture={picture} /> : null;
}

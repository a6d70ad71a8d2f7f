import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging/send';
import type { Picture } from '../../lib/pictures/shapes';
import type { StepPictureProps } from './StepPicture';
import { StepPicture } from './StepPicture';

declare global {
  /** The pictures loaded into this page's timer so far, by name (`quads-roller`): each is its own small script. */
  var rollbreakPictures: Record<string, Picture> | undefined;
}

/** Pictures already asked for, so a timer that renders every second asks once. */
const asked = new Set<string>();

/**
 * The step's picture in the timer over a page. Every picture is a script of its own (pictures/<name>.js,
 * written by the build from lib/pictures), injected by the background when a step first needs it, so the
 * timer carries none of them; until it is here, nothing is drawn.
 */
export function OverlayStepPicture({ step, tool }: StepPictureProps) {
  const [, loaded] = useState(0);
  const key = `${step.area}-${tool}`;
  const picture = globalThis.rollbreakPictures?.[key];
  if (!picture && !asked.has(key)) {
    asked.add(key);
    void send({ type: 'overlayPart', picture: key }).then(
      () => loaded((n) => n + 1),
      () => undefined,
    );
  }
  return picture ? <StepPicture step={step} tool={tool} picture={picture} /> : null;
}

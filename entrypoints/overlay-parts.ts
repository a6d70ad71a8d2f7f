import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DonePanel, type DonePanelComponent } from '../components/timer/DonePanel';
import { OverlayPill, type OverlayPillComponent } from '../components/timer/OverlayPill';
import { OverlayStepPicture } from '../components/pictures/OverlayStepPicture';
import type { StepPictureComponent } from '../components/pictures/StepPicture';
import { overlayMoves, type OverlayMoves } from '../components/timer/overlay-moves';

/** The page overlay's parts it can show without, injected when it first needs one (see shared-preact.ts). */
export interface OverlayParts {
  DonePanel: DonePanelComponent;
  OverlayPill: OverlayPillComponent;
  /** The step's picture; it loads each picture's own script in turn. */
  StepPicture: StepPictureComponent;
  /** Dragging the timer and moving it with the arrow keys: nobody does either in its first frame. */
  moves: OverlayMoves;
}

declare global {
  var rollbreakOverlayParts: OverlayParts | undefined;
}

export default defineUnlistedScript(() => {
  globalThis.rollbreakOverlayParts = { DonePanel, OverlayPill, StepPicture: OverlayStepPicture, moves: overlayMoves };
});

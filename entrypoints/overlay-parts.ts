import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DonePanel, type DonePanelComponent } from '../components/timer/DonePanel';
import { OverlayPill, type OverlayPillComponent } from '../components/timer/OverlayPill';

/** The page overlay's rarely shown parts, injected when it first needs one (see shared-preact.ts). */
export interface OverlayParts {
  DonePanel: DonePanelComponent;
  OverlayPill: OverlayPillComponent;
}

declare global {
  var rollbreakOverlayParts: OverlayParts | undefined;
}

export default defineUnlistedScript(() => {
  globalThis.rollbreakOverlayParts = { DonePanel, OverlayPill };
});

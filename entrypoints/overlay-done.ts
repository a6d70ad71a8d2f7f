import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DonePanel, type DonePanelComponent } from '../components/DonePanel';

declare global {
  // The done screen, for the page overlay that asked for it (see components/overlay-part/shared-preact.ts).
  var rollbreakDonePanel: DonePanelComponent | undefined;
}

export default defineUnlistedScript(() => {
  globalThis.rollbreakDonePanel = DonePanel;
});

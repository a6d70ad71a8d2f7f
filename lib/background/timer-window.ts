import { browser } from 'wxt/browser';
import { timerWindowItem } from '../storage/items';

/** Opens the timer in a small extension window, or focuses the one already open. */
export async function openTimerWindow(): Promise<void> {
  const known = await timerWindowItem.getValue();
  if (known !== null) {
    try {
      await browser.windows.update(known, { focused: true });
      return;
    } catch {
      // The window was closed; open a new one below.
    }
  }
  const win = await browser.windows.create({
    url: browser.runtime.getURL('/timer.html'),
    type: 'popup',
    width: 340,
    height: 520,
  });
  await timerWindowItem.setValue(win?.id ?? null);
}

import { browser } from 'wxt/browser';
import { openTimerWindow } from './timer-window';
import { timerShownIn } from './follow-timer';
import { injectTimer } from './inject-timer';

export type TimerPlace = 'page' | 'window';

/**
 * The tab the user is looking at in a normal browser window. The popup may itself be a window
 * (keyboard users, tests), so "last focused" is restricted to normal windows. Firefox ignores
 * `windowTypes` and may answer with that popup window; then the most recently used active tab of a
 * normal window is the one.
 */
async function activeTab() {
  try {
    const win = await browser.windows.getLastFocused({ populate: true, windowTypes: ['normal'] });
    if (win.type === 'normal') return win.tabs?.find((tab) => tab.active);
    const tabs = await browser.tabs.query({ active: true, windowType: 'normal' });
    return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  } catch {
    return undefined;
  }
}

/**
 * Puts the timer over the page the user is on. activeTab (granted by the toolbar click or the shortcut)
 * lets the overlay script in; where the page cannot be scripted (browser pages, web stores, PDF viewer)
 * or cannot hold the timer (an SVG image), the same timer opens in a small window instead.
 */
export async function showTimer(): Promise<TimerPlace> {
  const tab = await activeTab();
  if (tab?.id !== undefined) {
    try {
      await injectTimer(tab.id);
      await timerShownIn(tab.id);
      return 'page';
    } catch {
      // Not scriptable here, or no place for the timer in this document: fall through to the window.
    }
  }
  await timerShownIn(null);
  await openTimerWindow();
  return 'window';
}

/**
 * The "Focus the timer" shortcut: brings the timer back onto the page if needed and moves keyboard focus
 * into it (the shortcut grants activeTab), or focuses the timer window where the page cannot be scripted.
 */
export async function focusTimer(): Promise<void> {
  const tab = await activeTab();
  if (tab?.id !== undefined) {
    try {
      const target = { tabId: tab.id };
      await injectTimer(tab.id);
      await timerShownIn(tab.id);
      // A timer injected just now renders once its stored placement is read: try for about a second.
      for (let i = 0; i < 20; i++) {
        const [result] = await browser.scripting.executeScript({
          target,
          func: () => globalThis.rollbreakShowOverlay?.(true) ?? false,
        });
        if (result?.result) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return;
    } catch {
      // Not scriptable here: the window.
    }
  }
  await openTimerWindow();
}

import { BREAK_HINT_KEY } from '../storage/keys';

/**
 * Whether the popup last saw a break running (or was told one started). The session itself comes from
 * extension storage, which answers only after the popup's first paint; this hint lives in the extension's
 * localStorage, which answers at once, so a popup opened during a break doesn't paint the start view for a
 * frame before the running break replaces it. It is only a hint: the stored session decides what is shown
 * as soon as it is read, and a stale hint costs one frame without the start view, never a wrong view.
 */
export function breakHinted(): boolean {
  try {
    return localStorage.getItem(BREAK_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

export function hintBreak(running: boolean): void {
  try {
    if (running) localStorage.setItem(BREAK_HINT_KEY, '1');
    else localStorage.removeItem(BREAK_HINT_KEY);
  } catch {
    // No storage: the popup paints the start view first during a break, as it did before.
  }
}

import { SAFETY_SEEN_KEY } from '../storage/keys';

/**
 * Whether the popup's safety note (not medical advice; who should ask first) was read, or a break was
 * started with it on screen. Kept in the extension's own localStorage, which answers synchronously, so the
 * popup's first paint already knows whether to show it.
 */
export function safetyNoteSeen(): boolean {
  try {
    return localStorage.getItem(SAFETY_SEEN_KEY) === '1';
  } catch {
    // No storage: showing the note again is the safe side.
    return false;
  }
}

export function markSafetyNoteSeen(): void {
  try {
    localStorage.setItem(SAFETY_SEEN_KEY, '1');
  } catch {
    // Storage full or disabled: the note shows again next time, which does no harm.
  }
}

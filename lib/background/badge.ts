import { browser } from 'wxt/browser';
import type { SessionState } from '../session/types';
import { breakRemainingMs } from '../session/derive';
import { formatNumber, t } from '../i18n';

/**
 * The toolbar badge: whole minutes left while a break runs ("4m", its unit from `badgeMinutes`), a pause
 * sign while paused, empty otherwise.
 */
export function badgeText(state: SessionState, now: number): string {
  if (state.status === 'running') return t('badgeMinutes', formatNumber(Math.ceil(breakRemainingMs(state, now) / 60000)));
  if (state.status === 'paused') return '❚❚';
  return '';
}

/** When the badge's minute figure next changes, so the background can wake for it and not before. */
export function nextBadgeChangeAt(state: SessionState, now: number): number | null {
  if (state.status !== 'running') return null;
  const left = breakRemainingMs(state, now);
  if (left <= 0) return null;
  const intoMinute = left % 60000 || 60000;
  return now + intoMinute;
}

export async function showBadge(state: SessionState, now: number): Promise<void> {
  await browser.action.setBadgeText({ text: badgeText(state, now) });
  await browser.action.setBadgeBackgroundColor({ color: state.status === 'paused' ? '#6b7280' : '#0f766e' });
}

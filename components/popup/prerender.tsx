import { renderToString } from 'preact-render-to-string';
import { PopupApp } from './PopupApp';
import type { SessionState } from '../../lib/session/types';

/**
 * The popup's start view as HTML, for the build (scripts/prerender-popup.ts), which calls this once per
 * shipped locale with the browser's i18n answering in that locale. The same component the page renders:
 * main.tsx renders over this markup before the page's load, so stored state (the remembered choice, the
 * safety note already read, a running break) is applied before the browser shows the popup.
 */
export function prerenderPopup(): string {
  return renderToString(<PopupApp initial={new Promise<SessionState>(() => undefined)} />);
}

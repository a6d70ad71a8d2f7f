import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LogView } from '../../lib/log/read';

/** Marks `name` in the first task after the next frame: that frame holds what was just rendered. */
function markAfterPaint(name: string): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name)));
}

/**
 * `npm run bench` reads these marks: the first view (the log's recent window, handlers attached) painted,
 * and the whole log in and painted (filters, Show more and exports available). Each is set in the first
 * task after the frame that shows it, so the frame is on screen and the main thread has come back.
 * Only the e2e build the bench loads sets them, so a page never leaves a trace a script could read.
 */
export function useLogMarks(view: LogView | null): void {
  const marked = useRef({ interactive: false, complete: false });
  useLayoutEffect(() => {
    if (!import.meta.env.ROLLBREAK_E2E) return;
    if (view && !marked.current.interactive) {
      marked.current.interactive = true;
      markAfterPaint('rollbreak:history-interactive');
    }
    if (view?.complete && !marked.current.complete) {
      marked.current.complete = true;
      markAfterPaint('rollbreak:history-complete');
    }
  }, [view]);
}

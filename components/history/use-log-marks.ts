import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LogView } from '../../lib/log/read';

/**
 * `npm run bench` reads these marks: the first render with the log in it (handlers attached), and the first
 * render with the whole log (filters, Show more and exports available). Only the e2e build the bench loads
 * sets them, so a page never leaves a trace a script could read.
 */
export function useLogMarks(view: LogView | null): void {
  const marked = useRef({ interactive: false, complete: false });
  useLayoutEffect(() => {
    if (!import.meta.env.ROLLBREAK_E2E) return;
    if (view && !marked.current.interactive) {
      marked.current.interactive = true;
      performance.mark('rollbreak:history-interactive');
    }
    if (view?.complete && !marked.current.complete) {
      marked.current.complete = true;
      performance.mark('rollbreak:history-complete');
    }
  }, [view]);
}

import { useEffect, useState } from 'preact/hooks';
import type { SessionState } from '../lib/session/types';
import { SESSION_FALLBACK, SESSION_KEY } from '../lib/storage-keys';
import { localValue } from '../lib/local-value';

const session = localValue<SessionState>(SESSION_KEY, SESSION_FALLBACK);

/**
 * Reads the stored session. Pages call it before their first render, so the first paint already shows
 * the right view: waiting for an effect would cost a frame and flash the wrong one.
 */
export const readSession = (): Promise<SessionState> => session.get();

/** The stored session, kept current through storage change events; null until first read. */
export function useStoredSession(initial: SessionState | null = null): SessionState | null {
  const [state, setState] = useState<SessionState | null>(initial);
  useEffect(() => {
    let changed = false;
    const unwatch = session.watch((value) => {
      changed = true;
      setState(value);
    });
    // Catch up on anything that changed between the first read and this subscription.
    void session.get().then((value) => {
      // A change event that arrived first is newer than this read.
      if (!changed) setState(value);
    });
    return unwatch;
  }, []);
  return state;
}

import { useEffect, useState } from 'preact/hooks';
import type { SessionState } from '../../lib/session/types';
import { SESSION_FALLBACK, SESSION_KEY } from '../../lib/storage/keys';
import { localValue } from '../../lib/storage/local-value';

const session = localValue<SessionState>(SESSION_KEY, SESSION_FALLBACK);

/**
 * Reads the stored session. Pages start it before their first render, so the read overlaps with
 * rendering instead of waiting for an effect, which runs only after the first frame.
 */
export const readSession = (): Promise<SessionState> => session.get();

/**
 * The stored session, kept current through storage change events; null until first read.
 * `initial` is a value already read, or a read already under way.
 */
export function useStoredSession(initial: SessionState | Promise<SessionState> | null = null): SessionState | null {
  const [state, setState] = useState<SessionState | null>(initial instanceof Promise ? null : initial);
  useEffect(() => {
    let changed = false;
    const unwatch = session.watch((value) => {
      changed = true;
      setState(value);
    });
    // Catch up on anything that changed before this subscription.
    void (initial instanceof Promise ? initial : session.get()).then((value) => {
      // A change event that arrived first is newer than this read.
      if (!changed) setState(value);
    });
    return unwatch;
  }, []);
  return state;
}

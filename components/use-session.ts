import { useEffect, useState } from 'preact/hooks';
import type { SessionState } from '../lib/session/types';
import { SESSION_FALLBACK, SESSION_KEY } from '../lib/storage-keys';
import { localValue } from '../lib/local-value';

const session = localValue<SessionState>(SESSION_KEY, SESSION_FALLBACK);

/** The stored session, kept current through storage change events; null until first read. */
export function useStoredSession(): SessionState | null {
  const [state, setState] = useState<SessionState | null>(null);
  useEffect(() => {
    let changed = false;
    const unwatch = session.watch((value) => {
      changed = true;
      setState(value);
    });
    void session.get().then((value) => {
      // A change event that arrived first is newer than this read.
      if (!changed) setState(value);
    });
    return unwatch;
  }, []);
  return state;
}

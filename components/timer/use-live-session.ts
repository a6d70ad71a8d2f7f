import { useEffect, useRef } from 'preact/hooks';
import type { SessionState } from '../../lib/session/types';
import { advance } from '../../lib/session/machine';
import { send } from '../../lib/messaging/send';
import { useNow } from './use-now';
import { useStoredSession } from './use-session';
import type { UserSessionEvent } from '../../lib/session/types';

export interface LiveSession {
  /** The stored session caught up to `now`; what the user sees. */
  view: SessionState | null;
  now: number;
  act: (event: UserSessionEvent) => void;
}

function deadlinesOf(state: SessionState | null): number[] {
  if (!state || state.status !== 'running') return [];
  return state.hold ? [state.stepDeadline, state.hold.deadline] : [state.stepDeadline];
}

/**
 * The session as it is right now. Display comes from the stored timestamps; when a deadline passes
 * while this page is open, the background is told at once instead of waiting for its alarm.
 */
export function useLiveSession(initial: SessionState | Promise<SessionState> | null = null): LiveSession {
  const stored = useStoredSession(initial);
  const now = useNow(deadlinesOf(stored));
  const view: SessionState | null = stored && stored.status !== 'idle' ? advance(stored, now) : stored;
  const toldFor = useRef<SessionState | null>(null);
  useEffect(() => {
    if (stored && view !== stored && toldFor.current !== stored) {
      toldFor.current = stored;
      void send({ type: 'session', event: { type: 'tick' } }).catch(() => undefined);
    }
  });
  const act = (event: UserSessionEvent) => {
    void send({ type: 'session', event }).catch(() => undefined);
  };
  return { view, now, act };
}

import type { Session } from './types';

/**
 * The same break, as if everything in it had happened `ms` earlier: every stored moment moves back
 * together, so what the break derives from them (time left, seconds on each area) reads `ms` further on.
 * E2E builds use it to reach "ten seconds on this area" without waiting ten seconds of real time.
 */
export function shiftedBack(session: Session, ms: number): Session {
  const back = (t: number) => t - ms;
  return {
    ...session,
    startedAt: back(session.startedAt),
    stepStarts: session.stepStarts.map(back),
    stepDeadline: back(session.stepDeadline),
    hold: session.hold && { startedAt: back(session.hold.startedAt), deadline: back(session.hold.deadline) },
    pauses: session.pauses.map((p) => ({ from: back(p.from), to: p.to === null ? null : back(p.to) })),
    endedAt: session.endedAt === null ? null : back(session.endedAt),
  };
}

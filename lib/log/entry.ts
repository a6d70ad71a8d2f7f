import type { Moment, Session, Side, Tool } from '../session/types';
import type { AreaId } from '../domain/areas';
import { activeMs, plannedSeconds, stepActiveMs } from '../session/derive';

/** One logged break. Immutable once written; the id is the session id, so logging twice cannot duplicate. */
export interface BreakEntry {
  id: string;
  deviceId: string;
  startedAt: number;
  endedAt: number;
  activeSeconds: number;
  plannedSeconds: number;
  steps: Array<{ area: AreaId; side: Side | null; seconds: number }>;
  holdCount: number;
  context: Moment;
  tool: Tool;
  completed: boolean;
}

/** Builds the log entry of a finished or ended session; null while it still runs. */
export function toBreakEntry(s: Session, deviceId: string): BreakEntry | null {
  if ((s.status !== 'finished' && s.status !== 'ended') || s.endedAt === null) return null;
  const perStep = stepActiveMs(s, s.endedAt);
  return {
    id: s.id,
    deviceId,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    activeSeconds: Math.round(activeMs(s, s.endedAt) / 1000),
    plannedSeconds: plannedSeconds(s),
    // Time spent rolling, area by area; the get-ready moments between them are not rolling.
    steps: perStep.flatMap((ms, i) => {
      const step = s.plan.steps[i]!;
      return step.kind === 'roll' ? [{ area: step.area, side: step.side, seconds: Math.round(ms / 1000) }] : [];
    }),
    holdCount: s.holdCount,
    context: s.plan.moment,
    tool: s.plan.tool,
    completed: s.status === 'finished',
  };
}

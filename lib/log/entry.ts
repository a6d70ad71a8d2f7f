import type { Moment, Session, Side, Tool } from '../session/types';
import type { AreaId } from '../domain/areas';
import { activeMs, plannedSeconds, stepActiveMs } from '../session/derive';

export { FEELS, type Feel, type KnotEntry, type CheckInEntry } from '../session/body-notes';
import type { CheckInEntry, KnotEntry } from '../session/body-notes';

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
  /** Every Knot press, in order. Absent in breaks without one, and in breaks logged by older versions. */
  knots?: KnotEntry[];
  /**
   * The check-in at the end of the break, one answer per area answered. Absent when it was not answered
   * (skipped, switched off, or an older version); added once, to this same entry, when answered.
   */
  checkIn?: CheckInEntry[];
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
    ...knotsOf(s),
  };
}

/** The session's Knot presses with their steps' areas and sides; nothing when there were none. */
function knotsOf(s: Session): { knots?: KnotEntry[] } {
  const knots = (s.knots ?? []).flatMap(({ step, seconds }) => {
    const at = s.plan.steps[step];
    return at ? [{ area: at.area, side: at.side, seconds }] : [];
  });
  return knots.length > 0 ? { knots } : {};
}

/** Seconds an area must have been rolled to be asked about at the check-in. */
export const CHECK_IN_MIN_SECONDS = 10;

/** The areas a break's check-in asks about: those rolled at least CHECK_IN_MIN_SECONDS, in the order rolled. */
export function checkInAreas(entry: Pick<BreakEntry, 'steps'>): AreaId[] {
  const seconds = new Map<AreaId, number>();
  for (const step of entry.steps) seconds.set(step.area, (seconds.get(step.area) ?? 0) + step.seconds);
  return [...seconds].filter(([, s]) => s >= CHECK_IN_MIN_SECONDS).map(([area]) => area);
}

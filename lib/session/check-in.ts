import type { AreaId } from '../domain/areas';
import type { Session } from './types';
import { stepActiveMs } from './derive';

/** Seconds an area must have been rolled to be asked about at the check-in (the log keeps the same rule). */
export const CHECK_IN_MIN_SECONDS = 10;

/** The areas a done break's check-in asks about: those rolled at least CHECK_IN_MIN_SECONDS, in the order rolled. */
export function checkInAreasOf(s: Session): AreaId[] {
  const perStep = stepActiveMs(s, s.endedAt ?? 0);
  const seconds = new Map<AreaId, number>();
  perStep.forEach((ms, i) => {
    const step = s.plan.steps[i];
    if (step?.kind === 'roll') seconds.set(step.area, (seconds.get(step.area) ?? 0) + Math.round(ms / 1000));
  });
  return [...seconds].filter(([, sec]) => sec >= CHECK_IN_MIN_SECONDS).map(([area]) => area);
}

import type { SessionState } from '../../lib/session/types';
import { t } from '../../lib/i18n';
import { stepTitle } from './TimerPanel';

/**
 * What a screen reader should hear about the break: the step, a knot hold, a pause (and, on resuming, the
 * step again) and the end. The text changes only when one of those does, never with the seconds.
 */
export function announcement(s: SessionState | null): string {
  if (!s || s.status === 'idle') return '';
  if (s.status === 'finished') return t('doneTitle');
  if (s.status === 'ended') return t('endedTitle');
  if (s.status === 'paused') return t('pausedLabel');
  return t(s.hold ? 'announceHold' : 'announceStep', stepTitle(s.plan.steps[s.stepIndex]!));
}

/**
 * The one polite live region of a timer. Its container renders it from the first frame and keeps it
 * through every view (running, done, minimised): a region that appears together with its text is often
 * not read out.
 */
export function LiveRegion({ session }: { session: SessionState | null }) {
  return (
    <p class="rb-sr" aria-live="polite">
      {announcement(session)}
    </p>
  );
}

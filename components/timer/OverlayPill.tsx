import { t } from '../../lib/i18n';

interface Props {
  /** Time left in the break ("4:05"), or '' once it is over. */
  left: string;
  onExpand: () => void;
  onPointerDown: (e: PointerEvent) => void;
  onPointerMove: (e: PointerEvent) => void;
  onPointerUp: (e: PointerEvent) => void;
}

// Inline styles (set through the CSSOM, so no page CSP blocks them) keep this part's look with it.
const PILL = { borderRadius: '999px', boxShadow: '0 6px 18px rgba(0, 0, 0, 0.35)', touchAction: 'none' };
const BUTTON = { borderRadius: '999px', display: 'flex', alignItems: 'center', gap: '8px', fontVariantNumeric: 'tabular-nums' };
const DOT = { width: '10px', height: '10px', borderRadius: '50%', background: 'var(--rb-accent)' };

/**
 * The minimised timer: a draggable pill with the time left that expands on a click. Only shown to those
 * who minimise, so the page overlay does not carry it: it is injected with overlay-parts.js when needed.
 * Its name contains what it shows ("4:05", "Done"), for speech input.
 */
export function OverlayPill({ left, onExpand, onPointerDown, onPointerMove, onPointerUp }: Props) {
  const shown = left || t('doneShort');
  return (
    <div class="rb-root" style={PILL} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
      <button
        type="button"
        style={BUTTON}
        data-heir
        aria-label={t('expandTimer', left ? t('breakLeft', left) : shown)}
        onClick={onExpand}
      >
        <span style={DOT} aria-hidden="true" />
        {shown}
      </button>
    </div>
  );
}

export type OverlayPillComponent = typeof OverlayPill;

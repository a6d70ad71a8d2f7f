import { useEffect, useRef, useState } from 'preact/hooks';
import type { OverlayPlacement } from '../../lib/storage/keys';
import { PLACEMENT_FALLBACK, PLACEMENT_KEY } from '../../lib/storage/keys';
import { localValue } from '../../lib/storage/local-value';
import { breakRemainingMs } from '../../lib/session/derive';
import { formatClock, t } from '../../lib/i18n';
import { TimerPanel } from './TimerPanel';
import { send } from '../../lib/messaging/send';
import { useLiveSession } from './use-live-session';
import { LiveRegion } from './LiveRegion';
import { useKeepFocus } from './keep-focus';
import { clampPlacement } from './clamp-placement';

interface Props {
  /** The shadow host, moved by changing its own offsets; its `dir` is the messages' direction. */
  host: HTMLElement;
  /** Removes the overlay from the page; the break goes on. */
  onHide: () => void;
  /** The shadow root, where focus is kept when a control is replaced. */
  root: ShadowRoot;
}

const placementValue = localValue<OverlayPlacement>(PLACEMENT_KEY, PLACEMENT_FALLBACK);

/** The placement kept inside the viewport for the timer's size now. */
const clamp = (p: OverlayPlacement, host: HTMLElement) =>
  clampPlacement(p, host.offsetWidth, host.offsetHeight, innerWidth, innerHeight);

/**
 * The floating timer on a page: a draggable card that can shrink to a pill (Escape does that too). Its one
 * live region is there from the first frame, through every view.
 */
export function OverlayApp({ host, onHide, root }: Props) {
  const { view, now, act } = useLiveSession();
  const [placement, setPlacement] = useState<OverlayPlacement | null>(null);
  const drag = useRef<{ x: number; y: number; start: OverlayPlacement } | null>(null);
  // Where focus goes when the pressed control is replaced, if not to the first heir (expand → minimise).
  const heir = useRef<string | undefined>(undefined);
  useKeepFocus(root, heir);

  useEffect(() => {
    void placementValue.get().then(setPlacement);
    // Anchored by its bottom edge, the timer grows upward (expanded from the pill, a step with its picture)
    // and could pass the top of the viewport: each change of its size brings it back inside. Only what is
    // shown moves; the stored place stays the person's until they move it.
    const watch = new ResizeObserver(() => setPlacement((p) => p && clamp(p, host)));
    watch.observe(host);
    return () => watch.disconnect();
  }, []);

  useEffect(() => {
    if (!placement) return;
    // In the shadow root, !important: it beats any page rule or inline style on the host (a custom
    // property on the host would not: a page's `rollbreak-timer { --x: … !important }` wins over it).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host{inset-inline-end:${placement.right}px!important;bottom:${placement.bottom}px!important}`);
    root.adoptedStyleSheets = [root.adoptedStyleSheets[0]!, sheet];
  }, [placement]);

  useEffect(() => {
    if (view?.status === 'idle') onHide();
  }, [view?.status]);

  // The step's picture, the done screen and the minimised pill are injected after the timer is up
  // (overlay-parts.js); render again once they are here.
  const done = view?.status === 'finished' || view?.status === 'ended';
  const [, partLoaded] = useState(0);
  useEffect(() => {
    if (!globalThis.rollbreakOverlayParts)
      void send({ type: 'overlayPart' }).then(
        () => partLoaded(1),
        () => undefined,
      );
  }, []);

  // `npm run bench` reads this mark: the first frame with the timer on screen, once it is painted (a task
  // after the frame's animation callbacks runs after its style, layout and paint). E2E builds only: a
  // page could read it and learn that Rollbreak is installed.
  if (import.meta.env.ROLLBREAK_E2E) {
    const shown = Boolean(placement && view && view.status !== 'idle');
    useEffect(() => {
      if (shown) requestAnimationFrame(() => setTimeout(() => performance.mark('rollbreak:overlay-visible')));
    }, [shown]);
  }

  const region = <LiveRegion session={view} />;
  if (!view || view.status === 'idle' || !placement) return region;

  const save = (next: OverlayPlacement) => {
    const clamped = clamp(next, host);
    setPlacement(clamped);
    void placementValue.set(clamped);
  };

  // Drags and arrow keys move the timer (overlay-moves.ts, with the parts): the stored offset counts from
  // the inline end, which is the left edge in a right-to-left language.
  const Parts = globalThis.rollbreakOverlayParts;
  const moves = Parts?.moves({
    placement,
    flip: host.dir === 'rtl' ? -1 : 1,
    drag,
    move: (next) => setPlacement(clamp(next, host)),
    save,
  });

  const left = view.status === 'running' || view.status === 'paused' ? formatClock(breakRemainingMs(view, now)) : '';
  const minimise = (minimised: boolean) => save({ ...placement, minimised });

  if (placement.minimised) {
    const expand = () => {
      heir.current = '.rb-min';
      minimise(false);
    };
    return (
      <>
        {Parts ? (
          <Parts.OverlayPill
            left={left}
            onExpand={expand}
            onPointerDown={moves!.onPointerDown}
            onPointerMove={moves!.onPointerMove}
            onPointerUp={moves!.onPointerUp}
          />
        ) : null}
        {region}
      </>
    );
  }

  return (
    <>
      <div
        class="rb-root rb-card"
        role="dialog"
        aria-label={t('extName')}
        onKeyDown={(e) => e.key === 'Escape' && minimise(true)}
      >
        <div
          class="rb-bar"
          onPointerDown={moves?.onPointerDown}
          onPointerMove={moves?.onPointerMove}
          onPointerUp={moves?.onPointerUp}
        >
          <button
            type="button"
            class="rb-handle"
            aria-label={t('moveTimer', t('extName'))}
            title={t('moveTimerHint')}
            onKeyDown={moves?.onKeyDown}
          >
            <span aria-hidden="true">⠿</span> {t('extName')}
          </button>
          <span class="rb-bar__spacer" />
          <button type="button" class="rb-icon rb-min" aria-label={t('minimiseTimer')} onClick={() => minimise(true)}>
            <span aria-hidden="true">–</span>
          </button>
          <button type="button" class="rb-icon" aria-label={t('hideTimer')} title={t('hideTimerHint')} onClick={onHide}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {!done ? (
          <TimerPanel session={view} now={now} act={act} Picture={Parts?.StepPicture} />
        ) : Parts ? (
          <Parts.DonePanel session={view} act={act} />
        ) : null}
      </div>
      {region}
    </>
  );
}

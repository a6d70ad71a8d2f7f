import { AREA_IDS, areaMessageKey, type AreaId } from '../lib/routines/areas';
import { t } from '../lib/i18n';

export interface BodyMapProps {
  /** Areas to fill with the accent colour (the plan's areas). */
  highlight?: readonly AreaId[];
  /** The area being rolled now: stronger fill, an outline and a gentle pulse. */
  current?: AreaId | null;
  /** Coverage: seconds per area, shown as heat levels 1..4 relative to the most-rolled area. */
  seconds?: Partial<Record<AreaId, number>>;
  /** 'small' (140 px tall, for the overlay) or 'medium' (200 px, the default). */
  size?: 'small' | 'medium';
  /** Lead-in of the text alternative, without a final full stop; defaults to "Body map". */
  label?: string;
}

// Figures are drawn in half: path data for the figure's right-hand side (x >= 0, origin at the top of the
// head), mirrored with scale(-1 1) for the other side. Each figure is 56 units wide and 142 tall.
const TORSO_LEG =
  'M-.5,14L3.2,15L3.6,21C8,22.5 13,23.5 15.5,26.5C16.5,29 14,33 12,37L10.5,50C10.2,55 10,58 11,61C12.8,64 14,68 14,74C14,86 12.4,96 11.3,104C12.8,112 11.8,122 8.8,133L9.6,139C9.5,141 4,141 3.6,139.5L4,133C2.2,122 1.8,112 2.6,104C2,95 1.4,86 .8,78L-.5,77Z';
const ARM =
  'M13,27C17,25 20.5,28 20.5,34L22,50L24,73L20.8,73.5L17.6,52L14.5,40ZM22.5,73c2.2,0 3,3 2.6,6c-.3,2.5-1.5,4-2.7,4c-1.2,0-2.5-1.5-2.6-4c-.2-3 .5-6 2.7-6Z';
const FOREARM = 'M17.9,53.5L21.8,51.5L23.6,72L21,72.4Z';

type Region = readonly [AreaId, string];

const FRONT: readonly Region[] = [
  ['chest', 'M1,25.5C6,24.5 11,25 14.5,28C15,32 14,36 12.5,38.5C9,41 4,41 1,39.5Z'],
  ['hip-flexors', 'M11.4,61.5C13,63 13.5,65 13.3,67.5L6.2,76.4L3.2,74.8Z'],
  ['it-band', 'M14,70C14,82 13,94 11.3,102L9.6,100.6C11,93 11.7,82 11.6,71.5Z'],
  ['quads', 'M13.2,69L11.2,71.6C11.4,82 10.7,93 9.2,100.4C7.6,101.6 6,101.2 5.3,99.6C4.9,91 5.3,84 6.9,77.4Z'],
  ['adductors', 'M2.6,76L5.8,77.6C4.5,84 4,90 4.3,97C3,93 2,87 1.2,80Z'],
  ['shins', 'M5,107C7,106 9.5,107 10.3,109C10,118 8.6,126 7.3,131L6.2,131C5.6,123 5,115 5,107Z'],
  ['forearms', FOREARM],
];

const BACK: readonly Region[] = [
  ['upper-traps', 'M3.6,21.2C8,22.6 13,23.6 15.5,26.6L12.5,28.3C9.5,26.8 6.5,26.2 3.8,26Z'],
  // Symmetric and drawn whole, so it has no seam down the spine.
  ['upper-back', 'M-8.5,28.5C-4,27.5 4,27.5 8.5,28.5L9.6,44C6,46.5 3,48 0,48.5C-3,48-6,46.5-9.6,44Z'],
  ['lats', 'M9.4,29.4C11,30.5 12.3,33.5 12,37L10.5,50C10.3,53 10.2,55 10.4,57.5C8.3,56 7,53.5 6.4,50.5C8.4,49 9.8,47 10.2,44.6Z'],
  // Below the glutes only: from behind, the top of the band is under the glute.
  ['it-band', 'M13.7,79C13.5,88 12.6,96 11.3,102L9.6,100.6C11,93 11.5,86 11.3,80Z'],
  ['glutes', 'M.7,65C5,63 11,62.5 13.4,66.5C14.6,71 13.5,77 9.5,79.3C5.5,80.3 2,79.5 .8,78Z'],
  ['hamstrings', 'M1.4,81C5,81 9,80.5 11,80C11,88 10.2,95 8.8,101C7,102.5 4.5,102.5 3,101C2.4,94 1.8,87 1.4,81Z'],
  ['calves', 'M2.8,106C5,104.5 9,104.5 11.2,106.5C11.6,113 10.5,120 8.7,126C7.5,127.5 6,127.5 5,126C3.3,120 2.4,113 2.8,106Z'],
  ['feet', 'M4.2,134.5C5.5,133.8 8,133.8 9,134.5L9.4,139C8,141 5,141 3.9,139.3Z'],
  ['forearms', FOREARM],
];

/** Heat level 1..4 of `seconds` relative to the most-rolled area's `max`; 0 for none. */
export function heatLevel(seconds: number | undefined, max: number): 0 | 1 | 2 | 3 | 4 {
  if (!seconds || seconds <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * seconds) / max))) as 1 | 2 | 3 | 4;
}

const areaName = (area: AreaId) => t(areaMessageKey(area));

function describe({ highlight = [], current, seconds, label }: BodyMapProps): string {
  const parts = [label ?? t('bodymap_label')];
  if (current) parts.push(t('bodymap_current', areaName(current)));
  const others = [...new Set(highlight)].filter((a) => a !== current);
  if (others.length) parts.push(t('bodymap_highlighted', others.map(areaName).join(', ')));
  if (seconds) {
    const rolled = AREA_IDS.filter((a) => (seconds[a] ?? 0) > 0).sort((a, b) => seconds[b]! - seconds[a]!);
    const times = rolled.map((a) => {
      const s = seconds[a]!;
      return s < 60 ? t('bodymap_seconds', [areaName(a), `${Math.round(s)}`]) : t('bodymap_minutes', [areaName(a), `${Math.round(s / 60)}`]);
    });
    if (times.length) parts.push(t('bodymap_rolled', times.join(', ')));
    const idle = AREA_IDS.filter((a) => !rolled.includes(a));
    if (idle.length) parts.push(t('bodymap_not_rolled', idle.map(areaName).join(', ')));
  }
  return `${parts.join('. ')}.`;
}

const mirrored = (d: string) => [<path d={d} />, <path d={d} transform="scale(-1 1)" />];

/**
 * Front and back figures side by side with one named region per area (`data-area`), for the plan preview,
 * the overlay's current area and history coverage. The low back, neck, head, hands, knees and belly are
 * plain body, never regions. Purely presentational; the styles are in body-map.css.
 */
export function BodyMap(props: BodyMapProps) {
  const { highlight = [], current, seconds = {}, size = 'medium' } = props;
  const max = Math.max(0, ...Object.values(seconds).map((s) => s ?? 0));
  const figure = (x: number, regions: readonly Region[], back: boolean) => (
    <g class={back ? 'rb-map__back' : 'rb-map__front'} transform={`translate(${x} 1)`}>
      <g class="rb-map__body">
        {mirrored(TORSO_LEG)}
        {mirrored(ARM)}
        <ellipse cy="8" rx="6" ry="7.5" />
      </g>
      <path class="rb-map__hair" d={back ? 'M-6,8C-6,-1 6,-1 6,8C6,12 5,14 4,15L-4,15C-5,14-6,12-6,8Z' : 'M-6,7C-6,-1 6,-1 6,7C4,4-4,4-6,7Z'} />
      {regions.map(([area, d]) => {
        const heat = heatLevel(seconds[area], max);
        const cls =
          `rb-map__region rb-map__region--${area}` +
          (highlight.includes(area) ? ' rb-map__region--on' : '') +
          (heat ? ` rb-map__region--heat-${heat}` : '') +
          (area === current ? ' rb-map__region--current' : '');
        return (
          <g class={cls} data-area={area}>
            {area === 'upper-back' ? <path d={d} /> : mirrored(d)}
          </g>
        );
      })}
    </g>
  );
  return (
    <svg class={`rb-map rb-map--${size}`} viewBox="0 0 120 144" role="img" aria-label={describe(props)} focusable="false">
      <g aria-hidden="true">
        {figure(30, FRONT, false)}
        {figure(90, BACK, true)}
      </g>
    </svg>
  );
}

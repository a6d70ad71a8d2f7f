import { areaMessageKey, type AreaId } from '../../lib/domain/areas';
import { t } from '../../lib/i18n';

export interface BodyMapProps {
  /** Areas to fill with the accent colour (the plan's areas). */
  highlight?: readonly AreaId[];
  /** The area being rolled now: stronger fill, an outline and a gentle pulse. */
  current?: AreaId | null;
  /** Coverage: a heat level 1..4 per area (`coverageHeat` in body-map-coverage.ts). */
  heat?: Partial<Record<AreaId, number>>;
  /** 'small' (140 px tall, for the overlay) or 'medium' (200 px, the default). */
  size?: 'small' | 'medium';
  /**
   * The whole text alternative, when the caller words it (the plan preview's highlighted areas and history
   * coverage: see body-map-coverage.ts, kept apart so the overlay does not carry wording it never shows).
   */
  description?: string;
}

// Figures are drawn in half: path data for the figure's right-hand side (x >= 0, origin at the top of the
// head), mirrored with scale(-1 1) for the other side. Each figure is 56 units wide and 142 tall.
const TORSO_LEG =
  'M-1,28L6,30L7,42C16,45 26,47 31,53C33,58 28,66 24,74L21,100C20,110 20,116 22,122C26,128 28,136 28,148C28,172 25,192 23,208C26,224 24,244 18,266L19,278C19,282 8,282 7,279L8,266C4,244 4,224 5,208C4,190 3,172 2,156L-1,154Z';
const ARM =
  'M26,54C34,50 41,56 41,68L44,100L48,146L42,147L35,104L29,80ZM45,146c4,0 6,6 5,12c-1,5-3,8-5,8c-2,0-5-3-5-8c0-6 1-12 5-12Z';
const FOREARM = 'M36,107L44,103L47,144L42,145Z';

type Region = readonly [AreaId, string];

const FRONT: readonly Region[] = [
  ['chest', 'M2,51C12,49 22,50 29,56C30,64 28,72 25,77C18,82 8,82 2,79Z'],
  ['hip-flexors', 'M23,123C26,126 27,130 27,135L12,153L6,150Z'],
  ['it-band', 'M28,140C28,164 26,188 23,204L19,201C22,186 23,164 23,143Z'],
  ['quads', 'M26,138L22,143C23,164 21,186 18,201C15,203 12,202 11,199C10,182 11,168 14,155Z'],
  ['adductors', 'M5,152L12,155C9,168 8,180 9,194C6,186 4,174 2,160Z'],
  ['shins', 'M10,214C14,212 19,214 21,218C20,236 17,252 15,262L12,262C11,246 10,230 10,214Z'],
  ['forearms', FOREARM],
];

const BACK: readonly Region[] = [
  ['upper-traps', 'M7,42C16,45 26,47 31,53L25,57C19,54 13,52 8,52Z'],
  // Symmetric and drawn whole, so it has no seam down the spine.
  ['upper-back', 'M-17,57C-8,55 8,55 17,57L19,88C12,93 6,96 0,97C-6,96-12,93-19,88Z'],
  ['lats', 'M19,59C22,61 25,67 24,74L21,100C21,106 20,110 21,115C17,112 14,107 13,101C17,98 20,94 20,89Z'],
  // Below the glutes only: from behind, the top of the band is under the glute.
  ['it-band', 'M27,158C27,176 25,192 23,204L19,201C22,186 23,172 23,160Z'],
  ['glutes', 'M1,130C10,126 22,125 27,133C29,142 27,154 19,159C11,161 4,159 2,156Z'],
  ['hamstrings', 'M3,162C10,162 18,161 22,160C22,176 20,190 18,202C14,205 9,205 6,202C5,188 4,174 3,162Z'],
  ['calves', 'M6,212C10,209 18,209 22,213C23,226 21,240 17,252C15,255 12,255 10,252C7,240 5,226 6,212Z'],
  ['feet', 'M8,269C11,268 16,268 18,269L19,278C16,282 10,282 8,279Z'],
  ['forearms', FOREARM],
];

export const areaName = (area: AreaId) => t(areaMessageKey(area));

/** "Body map." or "Body map. Now rolling: Quads.", unless the caller words it (`description`). */
function describe({ current, description }: BodyMapProps): string {
  return (
    description ?? (current ? `${t('bodymap_label')}. ${t('bodymap_current', areaName(current))}.` : `${t('bodymap_label')}.`)
  );
}

const mirrored = (d: string) => [<path d={d} />, <path d={d} transform="scale(-1 1)" />];

/**
 * Front and back figures side by side with one named region per area (`data-area`), for the plan preview,
 * the overlay's current area and history coverage. The low back, neck, head, hands, knees and belly are
 * plain body, never regions. Purely presentational; the styles are in body-map.css.
 */
export function BodyMap(props: BodyMapProps) {
  const { highlight = [], current, heat = {}, size = 'medium' } = props;
  const figure = (x: number, regions: readonly Region[], back: boolean) => (
    <g class={back ? 'rb-map__back' : 'rb-map__front'} transform={`translate(${x} 1) scale(.5)`}>
      <g class="rb-map__body">
        {mirrored(TORSO_LEG)}
        {mirrored(ARM)}
        <ellipse cy="16" rx="12" ry="15" />
      </g>
      <path
        class="rb-map__hair"
        d={
          back
            ? 'M-12,16C-12,-2 12,-2 12,16C12,24 10,28 8,30L-8,30C-10,28-12,24-12,16Z'
            : 'M-12,14C-12,-2 12,-2 12,14C8,8-8,8-12,14Z'
        }
      />
      {regions.map(([area, d]) => {
        const cls =
          `rb-map__region rb-map__region--${area}` +
          (highlight.includes(area) ? ' rb-map__region--on' : '') +
          (heat[area] ? ` rb-map__region--heat-${heat[area]}` : '') +
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
    <svg class={`rb-map rb-map--${size}`} viewBox="0 0 120 144" role="img" aria-label={describe(props)}>
      <g aria-hidden="true">
        {figure(30, FRONT, false)}
        {figure(90, BACK, true)}
      </g>
    </svg>
  );
}

import type { Colour, Picture, Shape } from '../../lib/pictures/shapes';
import { HEIGHT, VIEW_BOX, WIDTH } from '../../lib/pictures/shapes';

export interface TechniquePictureProps {
  picture: Picture;
  /** The text alternative: the technique's movement cue, word for word. */
  label: string;
  /**
   * The side of the body the step works. Pictures show the right side; the left is their mirror image.
   * Nothing else turns a picture: in a right-to-left language the page mirrors, the body does not.
   */
  side?: 'left' | 'right' | null;
  /** Drawn width in CSS pixels (the height follows the 4:3 canvas). */
  width: number;
}

/**
 * The paint for each of the pictures' three colours, set through the CSSOM (no page's style-src CSP blocks
 * it, and the timer over a page carries no stylesheet for pictures). The figure is the text colour; the
 * tool, area and arrow the accent; the rims around limbs the background. With forced colors, the
 * system's own: the accent becomes Highlight and the rims Canvas.
 */
function paints(): Record<Colour, string> {
  const forced = typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;
  return {
    ink: 'currentColor',
    accent: forced ? 'Highlight' : 'var(--rb-accent)',
    gap: forced ? 'Canvas' : 'var(--rb-pic-gap, var(--rb-bg))',
  };
}

function shape(s: Shape, paint: Record<Colour, string>) {
  if (s[0] === 'c') {
    const [, colour, r, cx, cy] = s;
    return <circle cx={cx} cy={cy} r={r} style={{ fill: paint[colour] }} />;
  }
  const [kind, colour, ...rest] = s;
  if (kind === 'p') return <polygon points={rest.join(' ')} style={{ fill: paint[colour] }} />;
  const [width, ...points] = rest as number[];
  return (
    <polyline
      points={points.join(' ')}
      fill="none"
      stroke-width={width}
      stroke-linecap="round"
      stroke-linejoin="round"
      style={{ stroke: paint[colour] }}
    />
  );
}

/**
 * A technique's picture (lib/pictures): a figure in the text colour with the tool, the area and the
 * movement in the accent colour. An image to assistive technology, named by the same words as the cue.
 */
export function TechniquePicture({ picture, label, side, width }: TechniquePictureProps) {
  const paint = paints();
  return (
    <svg
      class="rb-pic"
      viewBox={VIEW_BOX}
      width={width}
      height={Math.round((width * HEIGHT) / WIDTH)}
      role="img"
      aria-label={label}
    >
      <g transform={side === 'left' ? `matrix(-1 0 0 1 ${WIDTH} 0)` : undefined}>{picture.map((s) => shape(s, paint))}</g>
    </svg>
  );
}

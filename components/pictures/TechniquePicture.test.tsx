// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allTechniques, techniqueMoveKey } from '../../lib/routines/catalogue';
import { pictureFor } from '../../lib/pictures/pictures';
import type { PlanStep } from '../../lib/session/types';
import { t } from '../../lib/i18n';
import { TechniquePicture } from './TechniquePicture';
import { StepPicture } from './StepPicture';
import { english, speakEnglish } from '../../tests/unit/english';

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});
afterEach(cleanup);

const ELEMENTS = ['svg', 'g', 'polyline', 'circle', 'polygon'];
const PAINTS = ['currentColor', 'var(--rb-accent)', 'var(--rb-pic-gap, var(--rb-bg))'];

describe('TechniquePicture', () => {
  it.each(allTechniques().map(({ area, tool }) => [area, tool] as const))(
    'draws %s with the %s as well-formed SVG, an image named by its cue',
    (area, tool) => {
      const cue = t(techniqueMoveKey(area, tool)!);
      render(<TechniquePicture picture={pictureFor(area, tool)!} label={cue} width={112} />);
      const svg = screen.getByRole('img', { name: english(techniqueMoveKey(area, tool)!) });
      expect(svg.getAttribute('viewBox')).toBe('0 0 96 72');
      // Well-formed: it survives a round trip through an XML parser.
      const xml = new XMLSerializer().serializeToString(svg);
      const parsed = new DOMParser().parseFromString(xml, 'image/svg+xml');
      expect(parsed.querySelector('parsererror')).toBeNull();
      expect(parsed.documentElement.localName).toBe('svg');
      for (const el of svg.querySelectorAll('*')) {
        expect(ELEMENTS).toContain(el.localName);
        const style = (el as SVGElement).style;
        for (const paint of [style.fill, style.stroke].filter(Boolean)) expect(PAINTS).toContain(paint);
        expect(el.hasAttribute('fill') ? el.getAttribute('fill') : 'none').toBe('none');
      }
    },
  );

  it("mirrors the picture for the left side only, never for the page's direction", () => {
    const picture = pictureFor('calves', 'ball')!;
    const { container } = render(
      <div dir="rtl">
        <TechniquePicture picture={picture} label="right" side="right" width={112} />
        <TechniquePicture picture={picture} label="left" side="left" width={112} />
        <TechniquePicture picture={picture} label="none" width={112} />
      </div>,
    );
    const transform = (name: string) => screen.getByRole('img', { name }).querySelector('g')!.getAttribute('transform');
    expect(transform('right')).toBeNull();
    expect(transform('none')).toBeNull();
    expect(transform('left')).toBe('matrix(-1 0 0 1 96 0)');
    expect(container.querySelectorAll('svg[transform], svg[style*="transform"]')).toHaveLength(0);
  });
});

describe('StepPicture', () => {
  it("shows the step's picture small, and larger on demand", () => {
    const step: PlanStep = { kind: 'roll', area: 'quads', side: null, seconds: 60 };
    render(<StepPicture step={step} tool="roller" picture={pictureFor('quads', 'roller')!} />);
    const img = screen.getByRole('img', { name: english('tech_quads_roller_move') });
    expect(img.getAttribute('width')).toBe('112');
    screen.getByRole('button', { name: 'Show larger' }).click();
    return Promise.resolve().then(() => {
      expect(screen.getByRole('img').getAttribute('width')).toBe('272');
      expect(screen.getByRole('button', { name: 'Show smaller' })).toBeTruthy();
    });
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { reduce } from '../../lib/session/machine';
import type { Plan, SessionState } from '../../lib/session/types';
import { LiveRegion, announcement } from './LiveRegion';

// The real English strings, substituted the way Chrome does.
vi.mock('../../lib/i18n', async () => {
  type Entry = { message: string; placeholders?: Record<string, { content: string }> };
  const messages = (await import('../../public/_locales/en/messages.json')).default as Record<string, Entry>;
  return {
    t(key: string, substitutions?: string | string[]) {
      const entry = messages[key];
      if (!entry) return key;
      const subs = ([] as string[]).concat(substitutions ?? []);
      return entry.message.replace(
        /\$(\w+)\$/g,
        (_, name: string) => subs[Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1] ?? '',
      );
    },
    formatClock: (ms: number) => String(ms),
  };
});

afterEach(cleanup);

const T0 = 1_700_000_000_000;
const plan: Plan = {
  moment: 'desk',
  tool: 'ball',
  minutes: 1,
  steps: [
    { kind: 'move', area: 'calves', side: 'left', seconds: 10 },
    { kind: 'roll', area: 'calves', side: 'left', seconds: 50 },
  ],
};
const start = reduce({ status: 'idle' }, { type: 'start', id: 'b', plan }, T0);
const rolling = reduce(start, { type: 'skip' }, T0 + 1000);
const holding = reduce(rolling, { type: 'holdStart', seconds: 25 }, T0 + 2000);
const paused = reduce(holding, { type: 'pause' }, T0 + 3000);

describe('announcement', () => {
  it('names the step, the hold, the pause and the end', () => {
    expect(announcement(null)).toBe('');
    expect(announcement({ status: 'idle' })).toBe('');
    expect(announcement(start)).toBe('Now: Get into position: Calves · left side');
    expect(announcement(rolling)).toBe('Now: Calves · left side');
    expect(announcement(holding)).toBe('Knot hold on Calves · left side. Breathe slowly.');
    expect(announcement(paused)).toBe('Paused');
    expect(announcement(reduce(paused, { type: 'resume' }, T0 + 4000))).toBe('Knot hold on Calves · left side. Breathe slowly.');
    expect(announcement(reduce(rolling, { type: 'end' }, T0 + 4000))).toBe('Break ended');
    expect(announcement(reduce(rolling, { type: 'tick' }, T0 + 120_000))).toBe('Break done. Well rolled!');
  });

  it('does not change as the seconds pass', () => {
    expect(announcement(reduce(rolling, { type: 'tick' }, T0 + 20_000))).toBe(announcement(rolling));
  });
});

describe('LiveRegion', () => {
  it('is one polite region that keeps its element from an empty start through the end', () => {
    const states: Array<SessionState | null> = [
      null,
      start,
      rolling,
      holding,
      paused,
      reduce(paused, { type: 'end' }, T0 + 5000),
    ];
    const { container, rerender } = render(<LiveRegion session={states[0]!} />);
    const region = container.querySelector('[aria-live="polite"]');
    expect(region?.textContent).toBe('');
    for (const state of states.slice(1)) {
      rerender(<LiveRegion session={state} />);
      expect(container.querySelectorAll('[aria-live]')).toHaveLength(1);
      expect(container.querySelector('[aria-live="polite"]')).toBe(region);
    }
    expect(region?.textContent).toBe('Break ended');
  });
});

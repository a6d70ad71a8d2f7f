import { describe, expect, it } from 'vitest';
import { commandEvent } from './commands';
import { reduce } from './machine';
import type { Plan, SessionState } from './types';

const T0 = 1_700_000_000_000;
const plan: Plan = {
  moment: 'desk',
  tool: 'ball',
  minutes: 1,
  steps: [
    { kind: 'move', area: 'upper-back', side: null, seconds: 10 },
    { kind: 'roll', area: 'upper-back', side: null, seconds: 50 },
  ],
};
const started = reduce({ status: 'idle' }, { type: 'start', id: 'b', plan }, T0);
const rolling = reduce(started, { type: 'skip' }, T0 + 1000);

describe('commandEvent', () => {
  it('toggles pause and resume', () => {
    expect(commandEvent('pause-resume', rolling)).toEqual({ type: 'pause' });
    const paused = reduce(rolling, { type: 'pause' }, T0 + 2000);
    expect(commandEvent('pause-resume', paused)).toEqual({ type: 'resume' });
  });

  it('starts a knot hold on an area, and another during a hold', () => {
    expect(commandEvent('knot-hold', rolling)).toEqual({ type: 'holdStart' });
    const holding = reduce(rolling, { type: 'holdStart', seconds: 25 }, T0 + 2000);
    expect(commandEvent('knot-hold', holding)).toEqual({ type: 'holdRestart' });
  });

  it('holds no knot while getting into position or paused', () => {
    expect(commandEvent('knot-hold', started)).toBeNull();
    expect(commandEvent('knot-hold', reduce(rolling, { type: 'pause' }, T0 + 2000))).toBeNull();
  });

  it('does nothing without a running break, or for other commands', () => {
    const idle: SessionState = { status: 'idle' };
    expect(commandEvent('pause-resume', idle)).toBeNull();
    expect(commandEvent('knot-hold', reduce(rolling, { type: 'end' }, T0 + 2000))).toBeNull();
    expect(commandEvent('start-break', rolling)).toBeNull();
  });
});

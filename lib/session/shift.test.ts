import { describe, expect, it } from 'vitest';
import { reduce } from './machine';
import { shiftedBack } from './shift';
import type { Plan, Session } from './types';

const plan: Plan = {
  moment: 'desk',
  tool: 'ball',
  minutes: 1,
  steps: [
    { kind: 'roll', area: 'upper-back', side: null, seconds: 30 },
    { kind: 'roll', area: 'forearms', side: null, seconds: 30 },
  ],
};

describe('shiftedBack', () => {
  it('moves every moment of the break back together, so the break reads that much further on', () => {
    const start = 1_000_000;
    let s = reduce({ status: 'idle' }, { type: 'start', id: 'b1', plan }, start) as Session;
    s = reduce(s, { type: 'holdStart', seconds: 20 }, start + 2_000) as Session;
    s = reduce(s, { type: 'pause' }, start + 3_000) as Session;
    const moved = shiftedBack(s, 11_000);
    expect(moved.startedAt).toBe(s.startedAt - 11_000);
    expect(moved.stepStarts).toEqual(s.stepStarts.map((t) => t - 11_000));
    expect(moved.stepDeadline).toBe(s.stepDeadline - 11_000);
    expect(moved.hold).toEqual({ startedAt: s.hold!.startedAt - 11_000, deadline: s.hold!.deadline - 11_000 });
    expect(moved.pauses).toEqual([{ from: start + 3_000 - 11_000, to: null }]);
    expect(moved.endedAt).toBeNull();
    // Time left in the step, as the break derives it while paused, is unchanged by the move.
    expect(moved.stepDeadline - moved.pauses[0]!.from).toBe(s.stepDeadline - s.pauses[0]!.from);
  });

  it('leaves the break it was given as it was', () => {
    const s = reduce({ status: 'idle' }, { type: 'start', id: 'b1', plan }, 5_000) as Session;
    const copy = structuredClone(s);
    shiftedBack(s, 1_000);
    expect(s).toEqual(copy);
  });
});

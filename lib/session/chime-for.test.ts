import { describe, expect, it } from 'vitest';
import { reduce } from './machine';
import { chimeFor } from './chime-for';
import { oneMinutePlan, started } from '../../tests/fixtures/one-minute-plan';

const plan = oneMinutePlan('feet');
const start = started(plan, 0, 'a');

describe('chimeFor', () => {
  it('chimes when the clock ends an area, a hold or the break', () => {
    expect(chimeFor(start, reduce(start, { type: 'tick' }, 30_000), { type: 'tick' })).toBe('step');
    const holding = reduce(start, { type: 'holdStart', seconds: 20 }, 1_000);
    expect(chimeFor(holding, reduce(holding, { type: 'tick' }, 21_000), { type: 'tick' })).toBe('hold');
    const second = reduce(start, { type: 'tick' }, 30_000);
    expect(chimeFor(second, reduce(second, { type: 'tick' }, 60_000), { type: 'tick' })).toBe('step');
  });

  it("stays quiet for the user's own actions and for ticks that change nothing", () => {
    expect(chimeFor(start, reduce(start, { type: 'skip' }, 5_000), { type: 'skip' })).toBeNull();
    const holding = reduce(start, { type: 'holdStart', seconds: 20 }, 1_000);
    expect(chimeFor(holding, reduce(holding, { type: 'holdCancel' }, 2_000), { type: 'holdCancel' })).toBeNull();
    expect(chimeFor(start, reduce(start, { type: 'tick' }, 10_000), { type: 'tick' })).toBeNull();
    const paused = reduce(start, { type: 'pause' }, 10_000);
    expect(chimeFor(paused, reduce(paused, { type: 'tick' }, 90_000), { type: 'tick' })).toBeNull();
  });
});

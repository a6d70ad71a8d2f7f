import { describe, expect, it } from 'vitest';
import { toBreakEntry } from './entry';
import { checkBreak } from './schema';
import { reduce } from '../session/machine';
import type { Plan, Session, SessionEvent, SessionState } from '../session/types';
import { defaultPlan } from '../../tests/fixtures/default-plan';

const SECOND = 1000;
const HOUR = 3_600_000;
const T0 = 1_700_000_000_000;
const DEVICE = 'device-a';

function smallPlan(): Plan {
  return {
    moment: 'pre',
    tool: 'gun',
    minutes: 1,
    steps: [
      { kind: 'roll', area: 'quads', side: 'left', seconds: 30 },
      { kind: 'roll', area: 'quads', side: 'right', seconds: 30 },
      { kind: 'roll', area: 'upper-back', side: null, seconds: 40 },
    ],
  };
}

function run(plan: Plan, ...events: Array<[SessionEvent, number]>): Session {
  let s: SessionState = reduce({ status: 'idle' }, { type: 'start', id: 'break-42', plan }, T0);
  for (const [event, at] of events) s = reduce(s, event, at);
  if (s.status === 'idle') throw new Error('expected a session');
  return s;
}

describe('toBreakEntry', () => {
  it('is null while the break runs or is paused', () => {
    expect(toBreakEntry(run(smallPlan()), DEVICE)).toBeNull();
    expect(toBreakEntry(run(smallPlan(), [{ type: 'pause' }, T0 + SECOND]), DEVICE)).toBeNull();
  });

  it('builds a completed entry for a finished break', () => {
    const s = run(
      smallPlan(),
      [{ type: 'holdStart', seconds: 25 }, T0 + 2 * SECOND],
      [{ type: 'holdRestart', seconds: 20 }, T0 + 10 * SECOND],
      [{ type: 'tick' }, T0 + HOUR],
    );
    expect(s.status).toBe('finished');
    expect(toBreakEntry(s, DEVICE)).toEqual({
      id: 'break-42',
      deviceId: DEVICE,
      startedAt: T0,
      endedAt: T0 + 100 * SECOND,
      activeSeconds: 100,
      plannedSeconds: 100,
      steps: [
        { area: 'quads', side: 'left', seconds: 30 },
        { area: 'quads', side: 'right', seconds: 30 },
        { area: 'upper-back', side: null, seconds: 40 },
      ],
      holdCount: 2,
      context: 'pre',
      tool: 'gun',
      completed: true,
      // The first hold was restarted after 8 of its 25 s; the second ran its full 20 s.
      knots: [
        { area: 'quads', side: 'left', seconds: 8 },
        { area: 'quads', side: 'left', seconds: 20 },
      ],
    });
  });

  it('builds an incomplete entry for an ended break, with only the steps reached and pauses left out', () => {
    const s = run(
      smallPlan(),
      [{ type: 'tick' }, T0 + 31 * SECOND], // second step from 30 s
      [{ type: 'pause' }, T0 + 40 * SECOND],
      [{ type: 'end' }, T0 + 100 * SECOND],
    );
    expect(toBreakEntry(s, DEVICE)).toEqual({
      id: 'break-42',
      deviceId: DEVICE,
      startedAt: T0,
      endedAt: T0 + 100 * SECOND,
      activeSeconds: 40,
      plannedSeconds: 100,
      steps: [
        { area: 'quads', side: 'left', seconds: 30 },
        { area: 'quads', side: 'right', seconds: 10 },
      ],
      holdCount: 0,
      context: 'pre',
      tool: 'gun',
      completed: false,
    });
  });

  it('rounds active times to whole seconds', () => {
    const s = run(smallPlan(), [{ type: 'end' }, T0 + 12_600]);
    const entry = toBreakEntry(s, DEVICE)!;
    expect(entry.activeSeconds).toBe(13);
    expect(entry.steps).toEqual([{ area: 'quads', side: 'left', seconds: 13 }]);
  });

  it('logs the planned time, not the sleep, for a break that finished while the laptop slept', () => {
    const s = run(defaultPlan(), [{ type: 'tick' }, T0 + 2 * HOUR]);
    const entry = toBreakEntry(s, DEVICE)!;
    expect(entry).toMatchObject({ activeSeconds: 300, plannedSeconds: 300, endedAt: T0 + 300 * SECOND, completed: true });
    expect(entry.context).toBe('rest');
    expect(entry.tool).toBe('roller');
    expect(entry.steps.map((step) => step.seconds)).toEqual(defaultPlan().steps.map((step) => step.seconds));
  });
});

describe("knots and check-in in the log's rules", () => {
  const base = () => ({
    id: 'b1',
    deviceId: 'd1',
    startedAt: Date.UTC(2026, 0, 1),
    endedAt: Date.UTC(2026, 0, 1) + 300_000,
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [
      { area: 'quads', side: 'left', seconds: 60 },
      { area: 'calves', side: 'right', seconds: 60 },
    ],
    holdCount: 1,
    context: 'desk',
    tool: 'ball',
    completed: true,
  });

  it('accepts a break of an older version (neither field) and keeps it as it was', () => {
    const checked = checkBreak(base());
    expect(checked).toEqual({ ok: true, entry: base() });
  });

  it('accepts knots and a check-in and keeps only their known fields', () => {
    const checked = checkBreak({
      ...base(),
      knots: [{ area: 'quads', side: 'left', seconds: 25, x: 1 }],
      checkIn: [{ area: 'calves', feel: 'same', y: 2 }],
    });
    expect(checked.ok && checked.entry.knots).toEqual([{ area: 'quads', side: 'left', seconds: 25 }]);
    expect(checked.ok && checked.entry.checkIn).toEqual([{ area: 'calves', feel: 'same' }]);
  });

  it.each([
    ['an unknown area', { knots: [{ area: 'neck', side: null, seconds: 20 }] }, 'area'],
    ['a hold of hours', { knots: [{ area: 'quads', side: null, seconds: 3600 }] }, 'max'],
    ['too many knots', { knots: Array.from({ length: 201 }, () => ({ area: 'quads', side: 'left', seconds: 20 })) }, 'many'],
    ['an unknown feeling', { checkIn: [{ area: 'quads', feel: 'great' }] }, 'one_of'],
    [
      'two answers for one area',
      {
        checkIn: [
          { area: 'quads', feel: 'same' },
          { area: 'quads', feel: 'worse' },
        ],
      },
      'record',
    ],
    ['an answer for an area not rolled', { checkIn: [{ area: 'chest', feel: 'same' }] }, 'area'],
  ])('refuses %s with a clear problem', (_name, extra, code) => {
    const checked = checkBreak({ ...base(), ...extra });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error.code).toBe(code);
  });
});

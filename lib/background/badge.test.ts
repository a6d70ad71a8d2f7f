import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, nextBadgeChangeAt, showBadge } from './badge';
import { reduce } from '../session/machine';
import type { Plan, Session, SessionEvent, SessionState } from '../session/types';
import { defaultPlan } from '../../tests/fixtures/default-plan';
import { speakEnglish } from '../../tests/unit/english';

speakEnglish();

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = 1_700_000_000_000;
const IDLE: SessionState = { status: 'idle' };

function run(plan: Plan, ...events: Array<[SessionEvent, number]>): Session {
  let s: SessionState = reduce(IDLE, { type: 'start', id: 'b', plan }, T0);
  for (const [event, at] of events) s = reduce(s, event, at);
  if (s.status === 'idle') throw new Error('expected a session');
  return s;
}

/** The default plan caught up to `at`, as the background would hold it then. */
function defaultAt(at: number): SessionState {
  return reduce(run(defaultPlan()), { type: 'tick' }, at);
}

describe('badgeText', () => {
  it('shows 5m at the start of the default plan', () => {
    expect(badgeText(run(defaultPlan()), T0)).toBe('5m');
  });

  it('rounds the minutes left up', () => {
    expect(badgeText(defaultAt(T0 + 1), T0 + 1)).toBe('5m');
    expect(badgeText(defaultAt(T0 + MINUTE - 1), T0 + MINUTE - 1)).toBe('5m');
    expect(badgeText(defaultAt(T0 + MINUTE), T0 + MINUTE)).toBe('4m');
    expect(badgeText(defaultAt(T0 + 150 * SECOND), T0 + 150 * SECOND)).toBe('3m');
    expect(badgeText(defaultAt(T0 + 300 * SECOND - 1), T0 + 300 * SECOND - 1)).toBe('1m');
  });

  it('shows a pause sign while paused, however long', () => {
    const paused = run(defaultPlan(), [{ type: 'pause' }, T0 + 10 * SECOND]);
    expect(badgeText(paused, T0 + 10 * SECOND)).toBe('❚❚');
    expect(badgeText(paused, T0 + HOUR)).toBe('❚❚');
  });

  it('is empty when idle, finished or ended', () => {
    expect(badgeText(IDLE, T0)).toBe('');
    expect(badgeText(defaultAt(T0 + HOUR), T0 + HOUR)).toBe('');
    expect(badgeText(run(defaultPlan(), [{ type: 'end' }, T0 + SECOND]), T0 + SECOND)).toBe('');
  });
});

describe('nextBadgeChangeAt', () => {
  it('is the end of the current minute figure', () => {
    expect(nextBadgeChangeAt(run(defaultPlan()), T0)).toBe(T0 + MINUTE);
    expect(nextBadgeChangeAt(defaultAt(T0 + 10 * SECOND), T0 + 10 * SECOND)).toBe(T0 + MINUTE);
    expect(nextBadgeChangeAt(defaultAt(T0 + MINUTE), T0 + MINUTE)).toBe(T0 + 2 * MINUTE);
    expect(nextBadgeChangeAt(defaultAt(T0 + 299 * SECOND), T0 + 299 * SECOND)).toBe(T0 + 300 * SECOND);
  });

  it('is exactly when the text changes: the same text just before, a different one then', () => {
    for (const now of [T0, T0 + 1, T0 + 17 * SECOND, T0 + 59_999, T0 + 61 * SECOND, T0 + 200 * SECOND, T0 + 250 * SECOND]) {
      const text = badgeText(defaultAt(now), now);
      const change = nextBadgeChangeAt(defaultAt(now), now)!;
      expect(change).toBeGreaterThan(now);
      expect(badgeText(defaultAt(change - 1), change - 1)).toBe(text);
      expect(badgeText(defaultAt(change), change)).not.toBe(text);
    }
  });

  it('counts from the resumed clock after a pause', () => {
    const resumeAt = T0 + 10 * SECOND + HOUR;
    const resumed = run(defaultPlan(), [{ type: 'pause' }, T0 + 10 * SECOND], [{ type: 'resume' }, resumeAt]);
    expect(badgeText(resumed, resumeAt)).toBe('5m');
    expect(nextBadgeChangeAt(resumed, resumeAt)).toBe(resumeAt + 50 * SECOND);
  });

  it('is null when the figure cannot change by itself', () => {
    expect(nextBadgeChangeAt(IDLE, T0)).toBeNull();
    expect(nextBadgeChangeAt(run(defaultPlan(), [{ type: 'pause' }, T0 + SECOND]), T0 + 2 * SECOND)).toBeNull();
    expect(nextBadgeChangeAt(defaultAt(T0 + HOUR), T0 + HOUR)).toBeNull();
    expect(nextBadgeChangeAt(run(defaultPlan(), [{ type: 'end' }, T0 + SECOND]), T0 + SECOND)).toBeNull();
  });
});

describe('showBadge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets the text and a running colour', async () => {
    await showBadge(run(defaultPlan()), T0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5m');
  });

  it('greys the badge while paused', async () => {
    const running = run(defaultPlan());
    await showBadge(running, T0);
    const runningColour = await fakeBrowser.action.getBadgeBackgroundColor({});
    await showBadge(run(defaultPlan(), [{ type: 'pause' }, T0 + SECOND]), T0 + SECOND);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('❚❚');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).not.toEqual(runningColour);
  });

  it('clears the text when idle', async () => {
    await showBadge(run(defaultPlan()), T0);
    await showBadge(IDLE, T0 + SECOND);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

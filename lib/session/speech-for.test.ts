import { describe, expect, it } from 'vitest';
import { english } from '../../tests/unit/english';
import type { MessageKey } from '../i18n';
import type { Plan, Session, SessionEvent, SessionState } from './types';
import { reduce } from './machine';
import { speechFor, speechText } from './speech-for';

const plan: Plan = {
  moment: 'post',
  tool: 'roller',
  minutes: 2,
  steps: [
    { kind: 'move', area: 'calves', side: 'left', seconds: 15, position: 'floor' },
    { kind: 'roll', area: 'calves', side: 'left', seconds: 30 },
    { kind: 'switch', area: 'calves', side: 'right', seconds: 5 },
    { kind: 'roll', area: 'calves', side: 'right', seconds: 30 },
    { kind: 'move', area: 'quads', side: null, seconds: 10 },
    { kind: 'roll', area: 'quads', side: null, seconds: 30 },
    { kind: 'switch', area: 'quads', side: null, seconds: 5 },
    { kind: 'roll', area: 'quads', side: null, seconds: 30 },
  ],
};
const idle: SessionState = { status: 'idle' };
const start = reduce(idle, { type: 'start', id: 'a', plan }, 0) as Session;
const t = (key: MessageKey, subs?: string | string[]) => english(key, subs);

/** What is said when `event` at `now` takes `before` on, as the background runs it. */
function say(before: SessionState, event: SessionEvent, now: number): [string | null, SessionState] {
  const after = reduce(before, event, now);
  const speech = speechFor(before, after, event);
  return [speech ? speechText(speech, t) : null, after];
}

describe('speechFor + speechText', () => {
  it('names the next area, its side and where to be when a break starts', () => {
    expect(say(idle, { type: 'start', id: 'a', plan }, 0)[0]).toBe('Next: Calves, left side. On the floor.');
  });

  it('walks a whole break by the clock: roll, switch sides, the next area, sets, done', () => {
    const heard: Array<string | null> = [];
    let state: SessionState = start;
    let at = 0;
    for (const step of plan.steps) {
      at += step.seconds * 1000;
      const [text, next] = say(state, { type: 'tick' }, at);
      heard.push(text);
      state = next;
    }
    expect(heard).toEqual([
      'Calves, left side. Roll slowly.',
      'Switch sides.',
      'Calves, right side. Roll slowly.',
      'Next: Quads (front of the thigh).',
      'Quads (front of the thigh). Roll slowly.',
      'Breathe. Next set coming.',
      'Quads (front of the thigh). Roll slowly.',
      'Break done. Well rolled.',
    ]);
  });

  it('says where Skip and Switch side led, since the screen may be out of sight', () => {
    expect(say(start, { type: 'skip' }, 2_000)[0]).toBe('Calves, left side. Roll slowly.');
    const rolling = reduce(start, { type: 'skip' }, 2_000);
    expect(say(rolling, { type: 'switchSide' }, 3_000)[0]).toBe('Switch sides.');
  });

  it('says the start of a knot hold, and its end only when the clock ends it', () => {
    const rolling = reduce(start, { type: 'tick' }, 15_000);
    const [begin, holding] = say(rolling, { type: 'holdStart', seconds: 20 }, 16_000);
    expect(begin).toBe('Knot hold. Breathe slowly.');
    expect(say(holding, { type: 'holdRestart', seconds: 20 }, 20_000)[0]).toBe('Knot hold. Breathe slowly.');
    expect(say(holding, { type: 'tick' }, 36_000)[0]).toBe('Hold done. Keep rolling slowly.');
    expect(say(holding, { type: 'holdCancel' }, 20_000)[0]).toBeNull();
  });

  it('stays quiet for pause, resume, ending, dismissing and ticks that change nothing', () => {
    expect(say(start, { type: 'tick' }, 5_000)[0]).toBeNull();
    const paused = reduce(start, { type: 'pause' }, 5_000);
    expect(say(start, { type: 'pause' }, 5_000)[0]).toBeNull();
    expect(say(paused, { type: 'resume' }, 9_000)[0]).toBeNull();
    expect(say(paused, { type: 'tick' }, 90_000)[0]).toBeNull();
    expect(say(start, { type: 'end' }, 5_000)[0]).toBeNull();
    const ended = reduce(start, { type: 'end' }, 5_000);
    expect(say(ended, { type: 'dismiss' }, 6_000)[0]).toBeNull();
    // A second start while a break runs changes nothing and says nothing.
    expect(say(start, { type: 'start', id: 'b', plan }, 1_000)[0]).toBeNull();
  });

  it('speaks only the step the break is on after a long sleep, not every step it passed', () => {
    expect(say(start, { type: 'tick' }, 51_000)[0]).toBe('Calves, right side. Roll slowly.');
  });

  it('says "Glide slowly" with a massage gun, which is not rolled, when the step starts and after a hold', () => {
    const gunPlan: Plan = { ...plan, tool: 'gun' };
    const gun = reduce(idle, { type: 'start', id: 'g', plan: gunPlan }, 0) as Session;
    expect(say(gun, { type: 'skip' }, 2_000)[0]).toBe('Calves, left side. Glide slowly.');
    const rolling = reduce(gun, { type: 'tick' }, 15_000);
    expect(say(rolling, { type: 'tick' }, 51_000)[0]).toBe('Calves, right side. Glide slowly.');
    const holding = reduce(rolling, { type: 'holdStart', seconds: 20 }, 16_000);
    expect(say(holding, { type: 'tick' }, 36_000)[0]).toBe('Hold done. Keep gliding slowly.');
    // Whatever the gun does, it is never told to roll.
    for (const key of ['voice_glide', 'voice_hold_end_gun'] as const) expect(english(key, 'Calves')).not.toMatch(/roll/i);
  });

  it('never names a joint as where to roll, and always says to roll slowly', () => {
    const texts = [
      'voice_next',
      'voice_roll',
      'voice_glide',
      'voice_switch',
      'voice_set',
      'voice_hold',
      'voice_hold_end',
      'voice_hold_end_gun',
      'voice_done',
    ].map((key) => english(key, ['Calves', 'Seated']));
    for (const text of texts) expect(text).not.toMatch(/knee|wrist|elbow|ankle|groin|spine|neck/i);
    expect(english('voice_roll', 'Calves')).toMatch(/slowly/);
  });
});

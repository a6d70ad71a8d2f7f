import { describe, expect, it } from 'vitest';
import { nextReminder } from './schedule';
import {
  initialReminderState,
  pauseFor,
  pauseUntilTomorrow,
  recordActivity,
  recordBreak,
  recordWake,
  reminderShown,
  resumeReminders,
  settingsChanged,
  sleptFromLateAlarm,
  snooze,
} from './state';
import type { ActivityState, ReminderSettings, ReminderState } from './types';
import { DEFAULT_REMINDER_SETTINGS } from './types';

/** Instants are written with their offset spelled out, so the tests do not lean on the code under test. */
const t = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/** Berlin, a plain Tuesday in winter time (UTC+1). */
const tue = (hhmm: string) => t(`2026-03-24T${hhmm}+01:00`);
const wed = (hhmm: string) => t(`2026-03-25T${hhmm}+01:00`);

function settings(over: Partial<ReminderSettings> & { start?: string; end?: string } = {}): ReminderSettings {
  const { start, end, ...rest } = over;
  return { ...DEFAULT_REMINDER_SETTINGS, activeHours: { start: start ?? '09:00', end: end ?? '18:00' }, ...rest };
}
const D = settings();

/** Feeds idle.onStateChanged as the browser reports it: 'idle' arrives a minute after the last input. */
function report(state: ReminderState, events: [number, ActivityState][], s: ReminderSettings = D): ReminderState {
  return events.reduce((st, [at, kind]) => recordActivity(st, { at, state: kind }, s, 60), state);
}

describe('active hours', () => {
  it('counts active minutes and projects the due time', () => {
    const r = nextReminder(D, initialReminderState(tue('10:00')), tue('10:20'), BERLIN);
    expect(r).toEqual({ dueAt: tue('11:00'), reason: 'counting', activeMinutesCounted: 20, minutesLeft: 40 });
  });

  it('does not count time before the hours start', () => {
    const r = nextReminder(D, initialReminderState(tue('08:00')), tue('09:30'), BERLIN);
    expect(r).toMatchObject({ dueAt: tue('10:00'), reason: 'counting', activeMinutesCounted: 30 });
  });

  it('outside hours: due at the next start plus the minutes still to count', () => {
    const r = nextReminder(D, initialReminderState(tue('17:30')), tue('19:00'), BERLIN);
    expect(r).toEqual({ dueAt: wed('09:30'), reason: 'outside-hours', activeMinutesCounted: 30, minutesLeft: 30 });
  });

  it('shows a reminder that came due right at the end of the hours, though the alarm ran a moment late', () => {
    const st = initialReminderState(tue('17:00'));
    expect(nextReminder(D, st, tue('17:00'), BERLIN).dueAt).toBe(tue('18:00'));
    expect(nextReminder(D, st, tue('18:00') + 30_000, BERLIN)).toMatchObject({ reason: 'due', dueAt: tue('18:00') });
    // Much later it waits for the next hours instead of popping up in the evening.
    expect(nextReminder(D, st, tue('18:30'), BERLIN)).toMatchObject({
      reason: 'outside-hours',
      dueAt: wed('09:00'),
      minutesLeft: 0,
    });
  });
});

describe('weekends', () => {
  // Friday 2026-03-27; Berlin moves to summer time on Sunday the 29th.
  const fri = (hhmm: string) => t(`2026-03-27T${hhmm}+01:00`);
  const mon = (hhmm: string) => t(`2026-03-30T${hhmm}+02:00`);

  it('carries the minutes counted on Friday to Monday when nothing breaks the stretch', () => {
    const st = initialReminderState(fri('17:30'));
    // minutesLeft counts countable minutes only: 30 on Friday evening, 30 on Monday morning.
    expect(nextReminder(D, st, fri('17:30'), BERLIN)).toEqual({
      dueAt: mon('09:30'),
      reason: 'counting',
      activeMinutesCounted: 0,
      minutesLeft: 60,
    });
    expect(nextReminder(D, st, t('2026-03-28T12:00+01:00'), BERLIN)).toEqual({
      dueAt: mon('09:30'),
      reason: 'outside-hours',
      activeMinutesCounted: 30,
      minutesLeft: 30,
    });
  });

  it('restarts the count after the weekend away, which is what normally happens', () => {
    let st = initialReminderState(fri('17:30'));
    st = report(st, [
      [fri('18:11'), 'idle'],
      [mon('08:55'), 'active'],
    ]);
    expect(st.countingSince).toBe(mon('08:55'));
    expect(nextReminder(D, st, mon('09:00'), BERLIN)).toEqual({
      dueAt: mon('10:00'),
      reason: 'counting',
      activeMinutesCounted: 0,
      minutesLeft: 60,
    });
  });
});

describe('hours past midnight', () => {
  const nights = settings({ start: '22:00', end: '02:00', days: [5] });

  it("counts on through midnight inside Friday night's hours", () => {
    const st = initialReminderState(t('2026-03-20T23:30+01:00'));
    const r = nextReminder(nights, st, t('2026-03-21T00:10+01:00'), BERLIN);
    expect(r).toEqual({ dueAt: t('2026-03-21T00:30+01:00'), reason: 'counting', activeMinutesCounted: 40, minutesLeft: 20 });
  });

  it('carries what was counted after midnight to next Friday night', () => {
    const st = initialReminderState(t('2026-03-21T01:30+01:00'));
    const r = nextReminder(nights, st, t('2026-03-21T03:00+01:00'), BERLIN);
    expect(r).toEqual({ dueAt: t('2026-03-27T22:30+01:00'), reason: 'outside-hours', activeMinutesCounted: 30, minutesLeft: 30 });
  });
});

describe('all-day hours', () => {
  it('counts straight through midnight every day', () => {
    const always = settings({ start: '00:00', end: '00:00', days: EVERY_DAY, intervalMinutes: 120 });
    const st = initialReminderState(t('2026-03-24T23:30+01:00'));
    expect(nextReminder(always, st, t('2026-03-25T00:30+01:00'), BERLIN)).toEqual({
      dueAt: t('2026-03-25T01:30+01:00'),
      reason: 'counting',
      activeMinutesCounted: 60,
      minutesLeft: 60,
    });
  });
});

describe('DST changes', () => {
  it("counts real minutes across New York's spring-forward night", () => {
    const s = settings({ start: '00:00', end: '12:00', days: EVERY_DAY, intervalMinutes: 180 });
    const st = initialReminderState(t('2026-03-08T00:00-05:00'));
    // Three real hours after midnight the clock reads 04:00.
    expect(nextReminder(s, st, t('2026-03-08T01:00-05:00'), NY).dueAt).toBe(t('2026-03-08T04:00-04:00'));
  });

  it("counts real minutes across New York's fall-back night", () => {
    const s = settings({ start: '00:00', end: '12:00', days: EVERY_DAY, intervalMinutes: 180 });
    const st = initialReminderState(t('2026-11-01T00:00-04:00'));
    expect(nextReminder(s, st, t('2026-11-01T00:30-04:00'), NY).dueAt).toBe(t('2026-11-01T02:00-05:00'));
  });

  it("counts real minutes across Berlin's fall-back night", () => {
    const s = settings({ start: '00:00', end: '06:00', days: EVERY_DAY, intervalMinutes: 180 });
    const st = initialReminderState(t('2026-10-25T01:00+02:00'));
    expect(nextReminder(s, st, t('2026-10-25T01:00+02:00'), BERLIN)).toMatchObject({
      dueAt: t('2026-10-25T03:00+01:00'),
      minutesLeft: 180,
    });
  });

  it("ends hours whose end (02:30) falls in Berlin's gap when the clock jumps, then carries the rest over", () => {
    const s = settings({ start: '22:00', end: '02:30', days: EVERY_DAY });
    const st = initialReminderState(t('2026-03-29T01:30+01:00'));
    // 01:30–02:00 CET (= 03:00 CEST) is 30 counted minutes; the other 30 come after 22:00 CEST.
    const r = nextReminder(s, st, t('2026-03-29T03:10+02:00'), BERLIN);
    expect(r).toEqual({ dueAt: t('2026-03-29T22:30+02:00'), reason: 'outside-hours', activeMinutesCounted: 30, minutesLeft: 30 });
  });

  it('ends such hours at the first 02:30 on the fall-back night', () => {
    const s = settings({ start: '22:00', end: '02:30', days: EVERY_DAY });
    const st = initialReminderState(t('2026-10-25T02:00+02:00'));
    const r = nextReminder(s, st, t('2026-10-25T02:10+01:00'), BERLIN);
    expect(r).toMatchObject({ reason: 'outside-hours', activeMinutesCounted: 30, dueAt: t('2026-10-25T22:30+01:00') });
  });
});

describe('a laptop that slept through a reminder', () => {
  it('gets one reminder on waking when the sleep went unnoticed, and the count restarts after it', () => {
    // Active from 10:00; the 11:00 reminder's alarm only runs at 14:00, when the lid opens.
    let st = report(initialReminderState(tue('10:00')), [[tue('10:00'), 'active']]);
    const wake = nextReminder(D, st, tue('14:00'), BERLIN);
    expect(wake).toMatchObject({ reason: 'due', dueAt: tue('11:00'), minutesLeft: 0 });
    st = reminderShown(st, tue('14:00'));
    expect(st.lastReminderAt).toBe(tue('14:00'));
    // Three intervals had passed, yet nothing more is due: no burst.
    expect(nextReminder(D, st, tue('14:00') + 1000, BERLIN)).toMatchObject({ reason: 'counting', dueAt: tue('15:00') });
  });

  it('gets none when the background reports the sleep and it was a natural break', () => {
    let st = report(initialReminderState(tue('10:00')), [[tue('10:00'), 'active']]);
    // The alarm set for 11:00 ran at 14:00, so the device was asleep from 11:00 at the latest.
    const sleptFrom = sleptFromLateAlarm(tue('11:00'), tue('14:00'));
    expect(sleptFrom).toBe(tue('11:00'));
    expect(sleptFromLateAlarm(tue('11:00'), tue('11:00') + 5000)).toBeNull();
    st = recordWake(st, tue('14:00'), sleptFrom!, D);
    expect(nextReminder(D, st, tue('14:00'), BERLIN)).toEqual({
      dueAt: tue('15:00'),
      reason: 'counting',
      activeMinutesCounted: 0,
      minutesLeft: 60,
    });
  });

  it('neither counts nor resets for a sleep shorter than the natural-break threshold', () => {
    let st = report(initialReminderState(tue('10:00')), [[tue('10:00'), 'active']]);
    st = recordWake(st, tue('10:51'), tue('10:48'), D);
    expect(nextReminder(D, st, tue('10:52'), BERLIN)).toMatchObject({
      activeMinutesCounted: 49,
      dueAt: tue('11:03'),
      reason: 'counting',
    });
  });

  it('does not double-count a sleep that began with the screen locking', () => {
    let st = report(initialReminderState(tue('10:00')), [
      [tue('10:00'), 'active'],
      [tue('10:20'), 'locked'],
    ]);
    st = recordWake(st, tue('14:00'), tue('11:00'), D);
    expect(st.activity.map((r) => r.state)).toEqual(['active']);
    expect(st.countingSince).toBe(tue('14:00'));
  });
});

describe('idle and locked time', () => {
  it('a long idle is a natural break: the count restarts when the user is back', () => {
    // 'idle' reported at 10:31 means the last input was at 10:30.
    const st = report(initialReminderState(tue('10:00')), [
      [tue('10:31'), 'idle'],
      [tue('10:40'), 'active'],
    ]);
    expect(nextReminder(D, st, tue('10:50'), BERLIN)).toEqual({
      dueAt: tue('11:40'),
      reason: 'counting',
      activeMinutesCounted: 10,
      minutesLeft: 50,
    });
  });

  it('a short idle is not counted but does not reset the count', () => {
    const st = report(initialReminderState(tue('10:00')), [
      [tue('10:31'), 'idle'],
      [tue('10:33'), 'active'],
    ]);
    expect(nextReminder(D, st, tue('10:50'), BERLIN)).toEqual({
      dueAt: tue('11:03'),
      reason: 'counting',
      activeMinutesCounted: 47,
      minutesLeft: 13,
    });
  });

  it('back-dates idle by the detection interval it is given', () => {
    const st = recordActivity(initialReminderState(tue('10:00')), { at: tue('10:35'), state: 'idle' }, D, 300);
    expect(st.activity).toEqual([{ at: tue('10:30'), state: 'idle' }]);
  });

  it('a lock counts from the moment it happens, and five minutes of it are a break', () => {
    const short = report(initialReminderState(tue('10:00')), [
      [tue('10:30'), 'locked'],
      [tue('10:34'), 'active'],
    ]);
    expect(nextReminder(D, short, tue('10:50'), BERLIN)).toMatchObject({ activeMinutesCounted: 46, dueAt: tue('11:04') });
    const long = report(initialReminderState(tue('10:00')), [
      [tue('10:30'), 'locked'],
      [tue('10:35'), 'active'],
    ]);
    expect(nextReminder(D, long, tue('10:50'), BERLIN)).toMatchObject({ activeMinutesCounted: 15, dueAt: tue('11:35') });
  });

  it('while still away: frozen for a short absence, restarted once it is long enough', () => {
    const st = report(initialReminderState(tue('10:00')), [[tue('10:30'), 'locked']]);
    expect(nextReminder(D, st, tue('10:32'), BERLIN)).toMatchObject({
      activeMinutesCounted: 30,
      dueAt: tue('11:02'),
      reason: 'counting',
    });
    expect(nextReminder(D, st, tue('10:40'), BERLIN)).toMatchObject({
      activeMinutesCounted: 0,
      dueAt: tue('11:40'),
      reason: 'counting',
    });
  });

  it('a natural break is judged by the current setting until it is folded in', () => {
    const st: ReminderState = {
      ...initialReminderState(tue('10:00')),
      activity: [
        { at: tue('10:30'), state: 'idle' },
        { at: tue('10:37'), state: 'active' },
      ],
    };
    expect(nextReminder(D, st, tue('10:50'), BERLIN).activeMinutesCounted).toBe(13);
    expect(nextReminder(settings({ idleBreakMinutes: 10 }), st, tue('10:50'), BERLIN).activeMinutesCounted).toBe(43);
  });
});

describe('breaks, reminders and snoozes', () => {
  it('a break taken by hand restarts the count', () => {
    const st = recordBreak(initialReminderState(tue('10:00')), tue('10:45'));
    expect(nextReminder(D, st, tue('10:50'), BERLIN)).toMatchObject({ activeMinutesCounted: 5, dueAt: tue('11:45') });
  });

  it('an ignored reminder comes back one interval later', () => {
    const st = reminderShown(initialReminderState(tue('10:00')), tue('11:00'));
    expect(nextReminder(D, st, tue('11:00'), BERLIN)).toMatchObject({ reason: 'counting', dueAt: tue('12:00') });
  });

  it("a snooze puts the reminder at the snooze's end", () => {
    let st = initialReminderState(tue('10:00'));
    expect(nextReminder(D, st, tue('11:00'), BERLIN).reason).toBe('due');
    st = snooze(reminderShown(st, tue('11:00')), 10, tue('11:00'));
    expect(nextReminder(D, st, tue('11:00'), BERLIN)).toMatchObject({ reason: 'snoozed', dueAt: tue('11:10'), minutesLeft: 10 });
    expect(nextReminder(D, st, tue('11:10'), BERLIN)).toMatchObject({ reason: 'due', dueAt: tue('11:10') });
  });

  it('a snooze survives a short idle but not a natural break', () => {
    const snoozed = snooze(reminderShown(initialReminderState(tue('10:00')), tue('11:00')), 10, tue('11:00'));
    const short = report(snoozed, [
      [tue('11:03'), 'idle'],
      [tue('11:05'), 'active'],
    ]);
    expect(nextReminder(D, short, tue('11:10'), BERLIN)).toMatchObject({ reason: 'due', dueAt: tue('11:10') });
    const away = report(snoozed, [
      [tue('11:02'), 'idle'],
      [tue('11:09'), 'active'],
    ]);
    expect(away.snoozedUntil).toBeNull();
    expect(nextReminder(D, away, tue('11:10'), BERLIN)).toMatchObject({ reason: 'counting', dueAt: tue('12:09') });
    // Still away, and long enough to be a break: the snooze is void before the user is even back.
    const stillAway = report(snoozed, [[tue('11:02'), 'idle']]);
    expect(stillAway.snoozedUntil).toBe(tue('11:10'));
    expect(nextReminder(D, stillAway, tue('11:09'), BERLIN)).toMatchObject({
      reason: 'counting',
      activeMinutesCounted: 0,
      dueAt: tue('12:09'),
    });
  });

  it('a snooze that runs past the hours ends at the next start', () => {
    const st = snooze(reminderShown(initialReminderState(tue('16:55')), tue('17:55')), 10, tue('17:55'));
    expect(nextReminder(D, st, tue('17:56'), BERLIN)).toMatchObject({ reason: 'snoozed', dueAt: wed('09:00'), minutesLeft: 4 });
    expect(nextReminder(D, st, tue('18:30'), BERLIN)).toMatchObject({ reason: 'outside-hours', dueAt: wed('09:00') });
  });
});

describe('pauses', () => {
  it('pause for an hour: paused time does not count, the count from before carries on', () => {
    let st = pauseFor(initialReminderState(tue('10:00')), tue('11:40'), tue('10:40'));
    expect(nextReminder(D, st, tue('10:40'), BERLIN)).toEqual({
      dueAt: tue('12:00'),
      reason: 'paused',
      activeMinutesCounted: 40,
      minutesLeft: 20,
    });
    expect(nextReminder(D, st, tue('11:50'), BERLIN)).toMatchObject({
      reason: 'counting',
      activeMinutesCounted: 50,
      dueAt: tue('12:00'),
    });
    st = resumeReminders(st, tue('11:00'));
    expect(nextReminder(D, st, tue('11:00'), BERLIN)).toMatchObject({
      reason: 'counting',
      activeMinutesCounted: 40,
      dueAt: tue('11:20'),
    });
  });

  it('a reminder that came due before the pause waits for its end', () => {
    const st = pauseFor(initialReminderState(tue('10:00')), tue('12:00'), tue('11:30'));
    expect(nextReminder(D, st, tue('11:30'), BERLIN)).toMatchObject({ reason: 'paused', dueAt: tue('12:00'), minutesLeft: 0 });
    // dueAt stays the moment it came due; 'due' says to show it now.
    expect(nextReminder(D, st, tue('12:00'), BERLIN)).toMatchObject({ reason: 'due', dueAt: tue('11:00') });
  });

  it("pause until tomorrow lasts until the next active day's start", () => {
    const st = pauseUntilTomorrow(initialReminderState(tue('10:00')), tue('10:40'), D, BERLIN);
    expect(st.pauses).toEqual([{ from: tue('10:40'), until: wed('09:00') }]);
    expect(nextReminder(D, st, tue('15:00'), BERLIN)).toMatchObject({
      reason: 'paused',
      activeMinutesCounted: 40,
      dueAt: wed('09:20'),
    });
    // The night away restarts the count as usual.
    const back = report(st, [
      [tue('18:01'), 'idle'],
      [wed('08:50'), 'active'],
    ]);
    expect(nextReminder(D, back, wed('09:00'), BERLIN)).toMatchObject({ reason: 'counting', dueAt: wed('10:00') });
  });
});

describe('settings', () => {
  it('a new interval keeps the time already counted', () => {
    const st = initialReminderState(tue('10:00'));
    expect(nextReminder(D, st, tue('10:40'), BERLIN)).toMatchObject({ activeMinutesCounted: 40, dueAt: tue('11:00') });
    const longer = settings({ intervalMinutes: 90 });
    expect(settingsChanged(st, D, longer, tue('10:40'), BERLIN)).toBe(st);
    expect(nextReminder(longer, st, tue('10:40'), BERLIN)).toMatchObject({ activeMinutesCounted: 40, dueAt: tue('11:30') });
    // Shorter than what is already counted: due now, once.
    expect(nextReminder(settings({ intervalMinutes: 30 }), st, tue('10:40'), BERLIN)).toMatchObject({
      reason: 'due',
      dueAt: tue('10:30'),
    });
  });

  it('new active hours keep the time counted under the old ones', () => {
    const before = settings({ intervalMinutes: 90 });
    const after = settings({ intervalMinutes: 90, start: '10:30' });
    const st = initialReminderState(tue('09:30'));
    expect(nextReminder(before, st, tue('10:40'), BERLIN).activeMinutesCounted).toBe(70);
    const changed = settingsChanged(st, before, after, tue('10:40'), BERLIN);
    expect(changed.checkpoint).toEqual({ at: tue('10:40'), countedMs: 70 * MINUTE });
    expect(nextReminder(after, changed, tue('10:50'), BERLIN)).toMatchObject({ activeMinutesCounted: 80, dueAt: tue('11:00') });
    // A natural break after the change ends that stretch like any other.
    const away = report(
      changed,
      [
        [tue('10:51'), 'idle'],
        [tue('11:00'), 'active'],
      ],
      after,
    );
    expect(away.checkpoint).toBeNull();
    expect(nextReminder(after, away, tue('11:10'), BERLIN)).toMatchObject({ activeMinutesCounted: 10, dueAt: tue('12:30') });
  });

  it('turning reminders on starts a fresh count', () => {
    const off = settings({ enabled: false });
    const st = settingsChanged(initialReminderState(tue('09:00')), off, D, tue('14:00'), BERLIN);
    expect(nextReminder(D, st, tue('14:00'), BERLIN)).toMatchObject({ reason: 'counting', dueAt: tue('15:00') });
  });

  it('disabled, or no active days: off', () => {
    const st = initialReminderState(tue('09:00'));
    expect(nextReminder(settings({ enabled: false }), st, tue('14:00'), BERLIN)).toEqual({
      dueAt: null,
      reason: 'off',
      activeMinutesCounted: 0,
      minutesLeft: null,
    });
    expect(nextReminder(settings({ days: [] }), st, tue('14:00'), BERLIN).reason).toBe('off');
  });

  it('takes settings straight from storage, fixing what is out of range', () => {
    const raw = {
      enabled: true,
      intervalMinutes: 5,
      activeHours: { start: 'nine', end: '18:00' },
      days: [2, 2, 9],
      idleBreakMinutes: 5,
    };
    const r = nextReminder(raw, initialReminderState(tue('10:00')), tue('10:00'), BERLIN);
    expect(r.dueAt).toBe(tue('10:20'));
  });
});

import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speakEnglish } from '../../tests/unit/english';
import { DEFAULT_SETTINGS } from '../storage/items';
import { normalizeChoice, normalizeSettings } from './normalize';
import { getSettings } from '../background/settings-service';
import { buildPlan, planFor, reminderChoice } from '../background/plan-for';
import { onReminderSettingsChanged, updateReminders, REMINDER_ALARM } from '../background/reminders/reminders';
import { registerAllRequests } from '../../tests/doubles/background-requests';
import { sendFromPage } from '../../tests/doubles/messages';
import { sessionItem } from '../storage/items';
import { propertyRuns } from '../../tests/unit/property-runs';

/** Settings as a newer version might write them: new moments and tools, new fields, a new version number. */
const FUTURE = {
  holdSeconds: 25,
  sound: true,
  moment: 'commute',
  tool: 'stick',
  minutes: 7,
  weeklyGoalMinutes: 45,
  syncEnabled: false,
  theme: 'dark',
  reminders: {
    enabled: true,
    intervalMinutes: 90,
    activeHours: { start: '08:30', end: '17:00' },
    days: [1, 2, 3, 4],
    idleBreakMinutes: 5,
    firstRunAsked: true,
    snoozeMinutes: 30,
    quietDuringMeetings: true,
    mode: 'adaptive',
  },
};

/** Settings as a broken writer might leave them: every field of the wrong type. */
const BROKEN = {
  holdSeconds: 'long',
  sound: 'yes',
  moment: 7,
  tool: null,
  minutes: 'NaN',
  weeklyGoalMinutes: -3,
  syncEnabled: 'false',
  reminders: {
    enabled: 'true',
    intervalMinutes: NaN,
    activeHours: '9-5',
    days: 'weekdays',
    idleBreakMinutes: {},
    firstRunAsked: 1,
    snoozeMinutes: Infinity,
  },
};

describe('normalizeSettings', () => {
  it('gives the defaults for nothing stored, and for things that are not settings', () => {
    for (const raw of [undefined, null, 42, 'settings', [], [1, 2]]) expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it("keeps a future version's known values, replaces its unknown ones, and passes its new fields through", () => {
    const s = normalizeSettings(FUTURE);
    expect(s).toMatchObject({ holdSeconds: 25, sound: true, minutes: 7, weeklyGoalMinutes: 45, syncEnabled: false });
    expect(s.moment).toBe('desk');
    expect(s.tool).toBe('ball');
    expect(s.reminders).toMatchObject({
      intervalMinutes: 90,
      activeHours: { start: '08:30', end: '17:00' },
      days: [1, 2, 3, 4],
      firstRunAsked: true,
      snoozeMinutes: 30,
    });
    // Kept for the version that wrote them.
    expect((s as unknown as Record<string, unknown>).theme).toBe('dark');
    expect((s.reminders as unknown as Record<string, unknown>).quietDuringMeetings).toBe(true);
  });

  it('falls back field by field on a broken one', () => {
    const s = normalizeSettings(BROKEN);
    const d = DEFAULT_SETTINGS;
    expect(s).toMatchObject({
      holdSeconds: d.holdSeconds,
      sound: d.sound,
      moment: d.moment,
      tool: d.tool,
      minutes: d.minutes,
      syncEnabled: d.syncEnabled,
    });
    expect(s.weeklyGoalMinutes).toBe(5);
    expect(s.reminders).toEqual({ ...d.reminders, snoozeMinutes: d.reminders.snoozeMinutes });
    // One odd field leaves the others alone.
    expect(normalizeSettings({ ...d, minutes: 'x' })).toEqual(d);
    expect(normalizeSettings({ ...d, holdSeconds: 99, minutes: 1 })).toEqual({ ...d, holdSeconds: 30, minutes: 3 });
  });

  it('always gives values the rest of Rollbreak can use (property)', () => {
    const anything = fc.anything({ maxDepth: 3 });
    const shaped = fc.record(Object.fromEntries([...Object.keys(DEFAULT_SETTINGS), 'extra'].map((k) => [k, anything])), {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          shaped,
          shaped.map((s) => ({
            ...s,
            reminders: { ...FUTURE.reminders, ...(typeof s.reminders === 'object' ? s.reminders : {}) },
          })),
        ),
        (raw) => {
          const s = normalizeSettings(raw);
          expect(['pre', 'post', 'rest', 'desk']).toContain(s.moment);
          expect(['roller', 'ball', 'gun']).toContain(s.tool);
          for (const n of [
            s.minutes,
            s.holdSeconds,
            s.weeklyGoalMinutes,
            s.reminders.intervalMinutes,
            s.reminders.snoozeMinutes,
            s.reminders.idleBreakMinutes,
          ]) {
            expect(Number.isInteger(n)).toBe(true);
          }
          expect(
            typeof s.sound === 'boolean' && typeof s.syncEnabled === 'boolean' && typeof s.reminders.enabled === 'boolean',
          ).toBe(true);
          expect(s.reminders.days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)).toBe(true);
          expect(buildPlanInputOk(s)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(500) },
    );
  });
});

describe('normalizeChoice', () => {
  it('keeps what the plan generator accepts, and falls back on anything else', () => {
    expect(normalizeChoice({ moment: 'post', tool: 'gun', minutes: 7 })).toEqual({ moment: 'post', tool: 'gun', minutes: 7 });
    expect(normalizeChoice({ moment: 'nap', tool: 'stick', minutes: 99 })).toEqual({ moment: 'desk', tool: 'ball', minutes: 10 });
  });
});

function buildPlanInputOk(s: ReturnType<typeof normalizeSettings>): boolean {
  const c = normalizeChoice(s);
  return c.minutes >= 3 && c.minutes <= 10;
}

describe('settings from another version in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    speakEnglish();
  });

  for (const [name, raw, version] of [
    ['a future version', FUTURE, 9],
    ['a broken one', BROKEN, 3],
  ] as const) {
    it(`Start, the shortcut and the reminders keep working with settings from ${name}`, async () => {
      await fakeBrowser.storage.sync.set({ settings: raw, settings$: { v: version } });
      const settings = await getSettings();
      expect(settings.moment).toBe('desk');
      // The shortcut starts the last choice; a reminder suggests a desk break.
      const plan = await planFor(undefined);
      expect(plan.steps.length).toBeGreaterThan(0);
      expect((await buildPlan(await reminderChoice('desk'))).steps.length).toBeGreaterThan(0);
      // The reminder's alarm is re-created rather than lost to an exception.
      await updateReminders();
      expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeDefined();
      // The settings arriving through sync, as the background hears of them.
      await fakeBrowser.alarms.clearAll();
      await onReminderSettingsChanged(DEFAULT_SETTINGS.reminders, raw.reminders as never);
      expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeDefined();
      // A knot hold gets a real deadline.
      await sessionItem.setValue(
        await import('../session/machine').then(({ reduce }) =>
          reduce({ status: 'idle' }, { type: 'start', id: 'x', plan }, Date.now()),
        ),
      );
      const { state } = (registerAllRequests(), await sendFromPage({ type: 'session', event: { type: 'holdStart' } }));
      expect(state?.status === 'running' && state.hold && Number.isFinite(state.hold.deadline)).toBe(true);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './defaults';
import { applySettingsPatch } from './patch';
import { normalizeSettings } from './normalize';
import { EDITED, restoreLostEdits, stampEdits } from './field-times';
import type { Settings, SettingsPatch } from './settings';

/** What a browser's settings writer stores for a patch (settings-service.ts). */
function write(stored: Settings, patch: SettingsPatch, now: number): Settings {
  return stampEdits(stored, normalizeSettings(applySettingsPatch(stored, patch)), now);
}

describe('settings merge field by field across browsers', () => {
  const base = normalizeSettings(DEFAULT_SETTINGS);

  it('keeps edits of different fields made on two browsers at once, at any depth', () => {
    const a = write(base, { holdSeconds: 25, reminders: { activeHours: { start: '08:00' } } }, 1_000);
    const b = write(base, { sound: true, reminders: { days: [1, 2, 3] } }, 2_000);
    // The account keeps B's (written last); A sees its value replaced and puts its fields back.
    const merged = restoreLostEdits(a, b)!;
    const s = normalizeSettings(merged);
    expect(s.holdSeconds).toBe(25);
    expect(s.sound).toBe(true);
    expect(s.reminders.activeHours).toEqual({ ...base.reminders.activeHours, start: '08:00' });
    expect(s.reminders.days).toEqual([1, 2, 3]);
    // B, seeing A's merged value replace its own, has nothing newer to put back: both end the same.
    expect(restoreLostEdits(b, merged)).toBeNull();
    expect(restoreLostEdits(a, merged)).toBeNull();
  });

  it('keeps the side of an area left alone through the patch, the normaliser and the merge', () => {
    const a = write(base, { avoid: [{ area: 'calves', until: null, side: 'right' }] }, 2_000);
    const b = write(base, { sound: true }, 1_000);
    const s = normalizeSettings(restoreLostEdits(a, b) ?? a);
    expect(s.avoid).toEqual([{ area: 'calves', until: null, side: 'right' }]);
    expect(normalizeSettings(restoreLostEdits(b, a) ?? a).avoid).toEqual([{ area: 'calves', until: null, side: 'right' }]);
  });

  it('lets the later edit of the same field win', () => {
    const a = write(base, { holdSeconds: 25 }, 1_000);
    const b = write(base, { holdSeconds: 20 }, 2_000);
    expect(restoreLostEdits(a, b)).toBeNull();
    expect(normalizeSettings(restoreLostEdits(b, a)).holdSeconds).toBe(20);
  });

  it('reads values without edit times (older versions) as older than any edit', () => {
    const a = write(base, { weeklyGoalMinutes: 90 }, 1_000);
    const old = { ...base, sound: true } as Record<string, unknown>;
    delete old[EDITED];
    expect(normalizeSettings(restoreLostEdits(a, old)).weeklyGoalMinutes).toBe(90);
    expect(restoreLostEdits(old, a)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { firstDayInRegion, firstDayOfWeek, weekDays } from './week';

type WithWeek = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
const engineFirstDay = (tag: string) => {
  const locale = new Intl.Locale(tag) as WithWeek;
  return (locale.getWeekInfo?.() ?? locale.weekInfo)!.firstDay % 7;
};

describe('firstDayOfWeek', () => {
  it('follows the locale: Sunday in the US and Japan, Monday in Germany and Britain, Saturday in Egypt', () => {
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('de')).toBe(1);
    expect(firstDayOfWeek('ja')).toBe(0);
    expect(firstDayOfWeek('pt-BR')).toBe(0);
    expect(firstDayOfWeek('ar')).toBe(6);
    expect(firstDayOfWeek('en-US-u-fw-mon')).toBe(1);
    expect(firstDayOfWeek('not a tag')).toBe(1);
  });

  it("has a fallback table that agrees with the engine's week data for every region", () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    let checked = 0;
    for (const a of letters)
      for (const b of letters) {
        const region = a + b;
        // Only regions with a name: the others are unassigned or deprecated codes.
        if (!names.of(region) || ['BU', 'RH', 'YD', 'ZR', 'TP', 'DD', 'CS', 'FX', 'SU', 'YU', 'NT'].includes(region)) continue;
        expect(firstDayInRegion(region), region).toBe(engineFirstDay(`und-${region}`));
        checked++;
      }
    expect(checked).toBeGreaterThan(200);
  });

  it('lists the week from its first day', () => {
    expect(weekDays(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(weekDays(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekDays(6)).toEqual([6, 0, 1, 2, 3, 4, 5]);
  });
});

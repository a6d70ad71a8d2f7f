/**
 * The first day of the week where the user lives, for the history's weeks and the settings' day list.
 * Days are counted as `Date#getDay` does: 0 = Sunday … 6 = Saturday.
 */

type WeekInfo = { firstDay: number };
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

// CLDR's week data (supplemental weekData), for engines without Intl.Locale week info. Every region not
// listed starts on Monday. week.test.ts checks this table against the engine's own data.
const SUNDAY = new Set(
  'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN IS JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** The first day of the week in a region (ISO 3166 code), from the table above. */
export function firstDayInRegion(region: string): number {
  if (SUNDAY.has(region)) return 0;
  if (SATURDAY.has(region)) return 6;
  return region === 'MV' ? 5 : 1;
}

/** The first day of the week for a language tag: `en-US` → 0 (Sunday), `de` → 1, `ar` → 6. */
export function firstDayOfWeek(lang: string): number {
  let locale: LocaleWithWeek;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return 1;
  }
  // Intl numbers days 1 = Monday … 7 = Sunday. Chrome and Firefox name it getWeekInfo(); older engines had a getter.
  const info = locale.getWeekInfo?.() ?? locale.weekInfo;
  if (info && typeof info.firstDay === 'number') return info.firstDay % 7;
  // A bare language tag stands for its most likely region: `ja` → JP, `ar` → EG.
  return firstDayInRegion(locale.maximize().region ?? '001');
}

/** The seven days of a week in order, starting on `firstDay`: [1, 2, 3, 4, 5, 6, 0] for a Monday start. */
export const weekDays = (firstDay: number): number[] => Array.from({ length: 7 }, (_, i) => (firstDay + i) % 7);

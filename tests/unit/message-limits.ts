/**
 * How long a message may be where space is tight, in one table. The width counts a character as 1 and an
 * East Asian wide one (kanji, kana, hangul) as 2, roughly its width on screen; `$NAME$` placeholders count
 * as `sample` (a two-digit number unless said). A key ending in `*` covers every key it starts; a plural
 * base key covers each of its forms. locales.test.ts holds every locale to it.
 */
export interface Limit {
  keys: readonly string[];
  max: number;
  /** What a placeholder stands for while measuring. */
  sample?: string;
  /** Where the text goes, and why the limit. */
  where: string;
}

export const LIMITS: readonly Limit[] = [
  { keys: ['extName'], max: 45, where: 'store listing name (Chrome Web Store: 45)' },
  { keys: ['extDescription'], max: 132, where: 'store listing summary (Chrome Web Store: 132)' },
  { keys: ['badgeMinutes'], max: 4, where: 'toolbar badge: four characters fit' },
  { keys: ['timerTitle'], max: 28, where: 'timer window title bar' },
  { keys: ['area_*'], max: 32, where: "timer title (18 px, beside the body map), plan list and the history's area list" },
  { keys: ['stepLeft', 'stepRight'], max: 18, sample: '', where: 'what the timer title adds to the area name' },
  { keys: ['switchSidesTitle'], max: 28, where: 'timer title between sides' },
  { keys: ['knot', 'pause', 'resume', 'skip', 'end'], max: 12, where: 'timer buttons: Pause, Skip and End share a 272 px row' },
  { keys: ['anotherKnot', 'cancelHold', 'switchSide', 'close'], max: 22, where: 'timer buttons, two to a row' },
  {
    keys: ['holdLabel', 'pausedLabel', 'areaTimeLabel', 'transitionLabel'],
    max: 20,
    where: 'small capitals inside the 132 px countdown ring: two lines at most',
  },
  { keys: ['doneShort'], max: 10, where: 'the minimised timer pill' },
  { keys: ['postWorkoutIn'], max: 12, sample: '90', where: 'three buttons in a row on the done screen' },
  { keys: ['startRollMinutes'], max: 32, where: "the popup's main button, one line at 16 px" },
  { keys: ['history', 'settings'], max: 16, where: 'links at the foot of the popup, three to a 312 px row' },
  { keys: ['whyLink'], max: 24, where: 'the third link at the foot of the popup (it may take a line of its own)' },
  { keys: ['chooseMoment', 'chooseTool', 'chooseLength'], max: 16, where: 'popup: small capitals above the choices' },
  {
    keys: ['moment_pre', 'moment_post', 'moment_rest', 'moment_desk'],
    max: 22,
    where: 'popup: four chips that wrap in a 312 px row',
  },
  { keys: ['tool_*'], max: 22, where: 'popup: three chips that wrap in a 312 px row' },
  { keys: ['focusToggle'], max: 22, where: 'popup: link button' },
  { keys: ['showHow'], max: 18, where: 'popup: small link button beside each area of the plan' },
  { keys: ['pictureLarger', 'pictureSmaller'], max: 18, where: 'timer: small button under the 112 px technique picture' },
  { keys: ['focusToggleCount'], max: 26, where: 'popup: link button with the count' },
  { keys: ['showTimerOnPage', 'resumeReminders'], max: 36, where: 'popup: full-width buttons, one line' },
  { keys: ['snoozeFor'], max: 20, sample: '30', where: 'popup button and notification button' },
  { keys: ['notificationStart'], max: 12, where: 'notification button' },
  { keys: ['history_delete'], max: 12, where: 'history: small button in every row of the table' },
  { keys: ['history_undo'], max: 16, where: 'history: button in the notice after a deletion' },
  { keys: ['history_range_7', 'history_range_30'], max: 18, where: 'history: two-way switch in the card head' },
  { keys: ['history_streak_at_least'], max: 6, where: 'history: large figure in a third of the row' },
];

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Rough on-screen width: wide East Asian characters count 2, combining marks 0, anything else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /\p{M}/u.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

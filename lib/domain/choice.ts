import type { Moment, Tool } from './lists';
import { BREAK_MINUTES } from './lists';
import type { AreaId } from './areas';
import type { Trained } from './trained';

/** What the user picks in the popup before a break. Focus areas apply to one break only. */
export interface BreakChoice {
  moment: Moment;
  tool: Tool;
  minutes: number;
  focus: AreaId[];
  /** Before and after a workout: what was trained. Absent (or from another version): the default kind. */
  trained?: Trained;
}

/** First run: a desk break with a massage ball needs no floor and no gear beyond a ball. */
export const DEFAULT_CHOICE: Omit<BreakChoice, 'focus'> = { moment: 'desk', tool: 'ball', minutes: BREAK_MINUTES.default };

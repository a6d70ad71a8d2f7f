import type { Moment, Tool } from '../../session/types';

/** Settings as version 1 stored them. */
export interface SettingsV1 {
  holdSeconds: number;
}

export interface SettingsV2 extends SettingsV1 {
  /** A soft sound when a step or hold ends; off unless the user turns it on. */
  sound: boolean;
  /** The last break's choices, so "Start 5-minute roll" stays one click. */
  moment: Moment;
  tool: Tool;
  minutes: number;
}

/** v1 → v2: the routine library's choices and the sound setting arrive with their defaults. */
export function migrateSettingsV2(v1: SettingsV1): SettingsV2 {
  return { ...v1, sound: false, moment: 'desk', tool: 'ball', minutes: 5 };
}

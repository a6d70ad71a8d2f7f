import type { AreaId } from './areas';

/**
 * What a workout trained, asked in the popup before and after training (one click, remembered). The plan
 * rolls these muscles first, at the moment's full dose, whatever was rolled lately: the purpose of a
 * workout roll is the muscles that were (or are about to be) worked, not the ones neglected longest.
 *
 * This is the one definition of the kinds and their muscles; the popup, the generator and the tests read it.
 * Kept free of other imports so the popup's first paint can use it without pulling in the routine library.
 */
export const TRAINED_IDS = ['legs', 'upper', 'full', 'run'] as const;

export type Trained = (typeof TRAINED_IDS)[number];

/** Until the user picks, a full-body session: it covers the big movers of both halves. */
export const DEFAULT_TRAINED: Trained = 'full';

/**
 * The muscles each kind of training works, most worked first. A plan takes them in this order (those the
 * tool has a technique for), so a short break still covers the first ones at full dose.
 * - legs: squats, lunges, deadlifts: thighs first, then the hips and calves.
 * - upper: presses, rows and pull-ups: the back, then chest, shoulders and grip.
 * - full: alternates lower and upper body, so even two areas cover both halves.
 * - run: calves and thighs take the impact, then the hips and the shin muscle.
 */
export const TRAINED_MUSCLES: Readonly<Record<Trained, readonly AreaId[]>> = {
  legs: ['quads', 'hamstrings', 'glutes', 'calves', 'adductors', 'hip-flexors'],
  upper: ['upper-back', 'lats', 'chest', 'upper-traps', 'forearms'],
  full: ['quads', 'upper-back', 'hamstrings', 'lats', 'glutes', 'calves', 'chest'],
  run: ['calves', 'quads', 'hamstrings', 'glutes', 'hip-flexors', 'shins', 'feet'],
};

/** The areas of the upper body; the rest are the lower body's. A full-body plan alternates the two halves. */
export const UPPER_BODY: ReadonlySet<AreaId> = new Set<AreaId>(['upper-back', 'lats', 'chest', 'upper-traps', 'forearms']);

/**
 * Muscles of a full-body workout that a tool can reach, alternating lower and upper body (each half in its
 * list order), so that even two areas cover both halves when the tool lacks one of the list's first ones.
 */
export function alternateHalves(areas: readonly AreaId[]): AreaId[] {
  const lower = areas.filter((a) => !UPPER_BODY.has(a));
  const upper = areas.filter((a) => UPPER_BODY.has(a));
  const out: AreaId[] = [];
  for (let i = 0; i < Math.max(lower.length, upper.length); i++) {
    if (lower[i]) out.push(lower[i]!);
    if (upper[i]) out.push(upper[i]!);
  }
  return out;
}

/** A stored or received value, checked: anything unknown (another version's kind, a typo) reads as undefined. */
export function asTrained(value: unknown): Trained | undefined {
  return TRAINED_IDS.find((id) => id === value);
}

/** The i18n key of a kind's short name: `trained_legs`. */
export function trainedKey<T extends Trained>(id: T): `trained_${T}` {
  return `trained_${id}`;
}

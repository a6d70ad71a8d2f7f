import type { Tool } from '../session/types';
import type { AreaId, Snake } from '../domain/areas';
import { AREAS, AREA_IDS } from '../domain/areas';
import { TOOLS } from '../domain/lists';

/**
 * The routine library: for every body area, how to work it with each tool that suits it.
 *
 * An (area, tool) pair that is unsafe or pointless is ABSENT rather than present with a warning, so no plan
 * can ever contain it. The reasons are given next to each area below. Two rules hold throughout:
 * - the low back is not an area at all (never rolled directly), and nothing touches the front or the sides
 *   of the neck;
 * - every technique stays on muscle, off joints and bone.
 *
 * Every area has a massage-ball technique that needs no floor (wall, chair, standing or desk), so a desk
 * break can reach any area. Each area has exactly one technique per tool: the best way to use that tool
 * there, not a menu of variations.
 */

export type Position = 'floor' | 'wall' | 'seated' | 'standing' | 'table';

export const POSITIONS = ['floor', 'wall', 'seated', 'standing', 'table'] as const satisfies readonly Position[];

export { TOOLS } from '../domain/lists';

/**
 * Short warnings shown with a technique (`caution_<id>` in messages.json).
 * - bone: stay on the muscle, ease off over bone;
 * - fracture: never over a fracture (roller and ball on a bony area; the gun's own caution names it);
 * - knee: stop short of the knee, front and back;
 * - neck: on the shoulder muscle only, never the front or sides of the neck;
 * - spine: beside the spine, not on it, and stop above the low back;
 * - nerve: a nerve or artery runs close by; move off tingling, numbness, a pulse or an electric feeling;
 * - pressure: start light, tender is fine but sharp pain is not;
 * - varicose: skip with varicose veins, a suspected clot or a swollen leg;
 * - gun: massage-gun contraindications (fracture, clot, tumour, severe varicose veins), keep it moving;
 * - injury: not on a fresh injury, bruise, open wound, skin infection or rash, and stop on numbness,
 *   tingling or sharp pain (applies to everything: see GENERAL_CAUTIONS).
 */
export type CautionId = 'bone' | 'fracture' | 'knee' | 'neck' | 'spine' | 'nerve' | 'pressure' | 'varicose' | 'gun' | 'injury';

export const CAUTION_IDS = [
  'bone',
  'fracture',
  'knee',
  'neck',
  'spine',
  'nerve',
  'pressure',
  'varicose',
  'gun',
  'injury',
] as const satisfies readonly CautionId[];

/** Cautions that apply to every technique, so the UI shows them once rather than on each area. */
export const GENERAL_CAUTIONS: readonly CautionId[] = ['injury'];

export interface Technique {
  position: Position;
  /**
   * The default time per side (for a `bothLegs` technique, for both legs at once), in seconds: within the
   * evidence's 30–120 s per muscle, and a multiple of 5 so plans show round numbers. A moment's range may
   * clamp it.
   */
  secondsPerSide: number;
  cautions: readonly CautionId[];
  /** Both legs on the tool at once (both thighs on the roller): one roll with no side covers both. */
  bothLegs?: true;
}

/*
 * Defaults: 60 s per side for a big muscle on the roller (one set of 30–120 s), 45 s for the ball, which
 * works a smaller patch, and 30–45 s for the gun, which works faster and should keep moving.
 */
export const CATALOGUE = {
  // Gun absent: the spine and shoulder blades sit right under it, and nobody can see or steer a gun
  // between their own shoulder blades. Roller and ball work one side of the spine at a time (leaning to
  // that side on the roller), so neither ever presses on the spine itself.
  'upper-back': {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['spine'] },
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['spine'] },
  },
  // The lats lie over the ribs: every tool stays on the muscle behind the armpit.
  lats: {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['pressure'] },
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['pressure'] },
    gun: { position: 'seated', secondsPerSide: 45, cautions: ['bone', 'gun'] },
  },
  // The sciatic nerve runs deep under the middle of the buttock: the point pressure of a ball or gun
  // carries a nerve caution; the broad roller does not.
  glutes: {
    roller: { position: 'floor', secondsPerSide: 60, cautions: [] },
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['nerve'] },
    gun: { position: 'standing', secondsPerSide: 45, cautions: ['nerve', 'gun'] },
  },
  // Between hip and knee, never over either; the gun works just in front of and behind the band. The
  // roller's knot hold asks for moderate pressure, lighter on the band itself: more pressure brought no
  // more range of motion (Grabow 2018).
  'it-band': {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['knee', 'pressure'] },
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['knee'] },
    gun: { position: 'seated', secondsPerSide: 45, cautions: ['knee', 'bone', 'gun'] },
  },
  // The roller takes both thighs at once, face down, so a dose for both legs costs one roll.
  quads: {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['knee'], bothLegs: true },
    ball: { position: 'seated', secondsPerSide: 45, cautions: ['knee'] },
    gun: { position: 'seated', secondsPerSide: 45, cautions: ['knee', 'gun'] },
  },
  // The back of the knee holds a nerve and an artery: every technique stops above the knee crease. The
  // roller takes both thighs at once, seated. Varicose veins run in the back of the thigh: every tool
  // carries that caution.
  hamstrings: {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['knee', 'varicose'], bothLegs: true },
    ball: { position: 'seated', secondsPerSide: 45, cautions: ['knee', 'nerve', 'varicose'] },
    gun: { position: 'standing', secondsPerSide: 45, cautions: ['knee', 'varicose', 'gun'] },
  },
  // The femoral nerve and vessels run through the groin: every tool stays a hand's width below it, the
  // gun in the middle of the inner thigh only. The great saphenous vein runs down the inner thigh, where
  // varicose veins are common: every tool carries that caution.
  adductors: {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['nerve', 'pressure', 'varicose'] },
    ball: { position: 'seated', secondsPerSide: 45, cautions: ['nerve', 'varicose'] },
    gun: { position: 'seated', secondsPerSide: 30, cautions: ['nerve', 'varicose', 'gun'] },
  },
  // Gun absent: the femoral nerve and artery lie just inside the front of the hip, and a percussing head
  // there does more harm than good. Roller and ball stay just below and outside the front hip bone.
  'hip-flexors': {
    roller: { position: 'floor', secondsPerSide: 45, cautions: ['nerve', 'pressure'] },
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['nerve', 'pressure'] },
  },
  calves: {
    roller: { position: 'floor', secondsPerSide: 60, cautions: ['varicose', 'knee'] },
    ball: { position: 'seated', secondsPerSide: 45, cautions: ['varicose', 'knee'] },
    gun: { position: 'seated', secondsPerSide: 45, cautions: ['varicose', 'knee', 'gun'] },
  },
  // Only the muscle on the outer side of the shin bone, never the bone. Gun absent: that strip of muscle is
  // narrow and a percussing head slips onto the bare tibia; body weight on a roller or a hand on a ball can
  // be steered onto the muscle instead.
  shins: {
    roller: { position: 'floor', secondsPerSide: 45, cautions: ['bone', 'fracture'] },
    ball: { position: 'seated', secondsPerSide: 45, cautions: ['bone', 'fracture'] },
  },
  // Gun absent: the sole has little padding over many small bones; a ball does the job gently.
  // The roller and ball are used seated, so they also suit a desk.
  feet: {
    roller: { position: 'seated', secondsPerSide: 45, cautions: ['pressure'] },
    ball: { position: 'seated', secondsPerSide: 45, cautions: ['pressure'] },
  },
  // On the desk, never the floor (kneeling on the forearms loads the wrists and elbows); every tool stops
  // short of the wrist and the elbow.
  forearms: {
    roller: { position: 'table', secondsPerSide: 45, cautions: ['bone', 'fracture'] },
    ball: { position: 'table', secondsPerSide: 45, cautions: ['bone', 'fracture'] },
    gun: { position: 'table', secondsPerSide: 30, cautions: ['bone', 'gun'] },
  },
  // Roller absent: it is too broad to reach the chest muscle under the collarbone without loading the ribs
  // and breastbone. Ball and gun stay off the collarbone, breastbone and armpit (nerves run there).
  chest: {
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['bone', 'fracture', 'nerve'] },
    gun: { position: 'seated', secondsPerSide: 30, cautions: ['bone', 'nerve', 'gun'] },
  },
  // Roller absent: a roller under the top of the shoulder ends up under the neck. Both tools stay halfway
  // between neck and shoulder tip, never on the neck: the ball between the wall and the back of the
  // muscle, the gun on top of it.
  'upper-traps': {
    ball: { position: 'wall', secondsPerSide: 45, cautions: ['neck'] },
    gun: { position: 'seated', secondsPerSide: 30, cautions: ['neck', 'gun'] },
  },
} as const satisfies Record<AreaId, Partial<Record<Tool, Technique>>>;

type Catalogue = typeof CATALOGUE;

/**
 * The tools with a technique for area `A`. For a union of areas this is the tools they ALL have, so a key
 * built from it exists for every member of the union.
 */
export type ToolFor<A extends AreaId> = keyof Catalogue[A] & Tool;

/** The i18n key of a technique's one-line movement cue: `tech_upper_back_ball_move`. */
export type MoveKeyOf<A extends AreaId, T extends Tool> = `tech_${Snake<A>}_${T}_move`;
/** The i18n key of a technique's one-line knot cue: `tech_upper_back_ball_knot`. */
export type KnotKeyOf<A extends AreaId, T extends Tool> = `tech_${Snake<A>}_${T}_knot`;

/** Every movement-cue key of the catalogue (only pairs that exist). */
export type TechniqueMoveKey = { [A in AreaId]: MoveKeyOf<A, ToolFor<A>> }[AreaId];
/** Every knot-cue key of the catalogue (only pairs that exist). */
export type TechniqueKnotKey = { [A in AreaId]: KnotKeyOf<A, ToolFor<A>> }[AreaId];

function snake(area: AreaId): string {
  return area.replace(/-/g, '_');
}

function lookup(area: AreaId, tool: Tool): Technique | undefined {
  const techniques: Partial<Record<Tool, Technique>> | undefined = (
    CATALOGUE as Record<string, Partial<Record<Tool, Technique>>>
  )[area];
  // `hasOwn` so an inherited name ('constructor', ...) never reads as a technique.
  return techniques && Object.hasOwn(techniques, tool) ? techniques[tool] : undefined;
}

/** How to work `area` with `tool`, or undefined when that tool must not (or cannot usefully) be used there. */
export function techniqueFor<A extends AreaId, T extends ToolFor<A>>(area: A, tool: T): Technique;
export function techniqueFor(area: AreaId, tool: Tool): Technique | undefined;
export function techniqueFor(area: AreaId, tool: Tool): Technique | undefined {
  return lookup(area, tool);
}

/**
 * How many rolls one set of `area` with `tool` takes: 2 for a sided area done one side at a time (left,
 * then right), 1 for a technique that rolls both legs at once.
 */
export function rollsPerSet(area: AreaId, tool: Tool): 1 | 2 {
  return AREAS[area].sided && !lookup(area, tool)?.bothLegs ? 2 : 1;
}

/** Whether the catalogue has a technique for this pair. */
export function hasTechnique(area: AreaId, tool: Tool): boolean {
  return lookup(area, tool) !== undefined;
}

/** The tools that have a technique for `area`, in TOOLS order. */
export function toolsFor(area: AreaId): Tool[] {
  return TOOLS.filter((tool) => hasTechnique(area, tool));
}

/** Every (area, tool) pair of the catalogue, in AREA_IDS then TOOLS order. */
export function allTechniques(): Array<{ area: AreaId; tool: Tool; technique: Technique }> {
  return AREA_IDS.flatMap((area) =>
    TOOLS.flatMap((tool) => {
      const technique = lookup(area, tool);
      return technique ? [{ area, tool, technique }] : [];
    }),
  );
}

/**
 * The movement cue's key. With literal arguments the result is the literal key (so `t()` accepts it and a
 * missing pair fails to compile); with arbitrary ones it is undefined for a pair the catalogue lacks.
 */
export function techniqueMoveKey<A extends AreaId, T extends ToolFor<A>>(area: A, tool: T): MoveKeyOf<A, T>;
export function techniqueMoveKey(area: AreaId, tool: Tool): TechniqueMoveKey | undefined;
export function techniqueMoveKey(area: AreaId, tool: Tool): string | undefined {
  return hasTechnique(area, tool) ? `tech_${snake(area)}_${tool}_move` : undefined;
}

/** The knot cue's key; typed like `techniqueMoveKey`. */
export function techniqueKnotKey<A extends AreaId, T extends ToolFor<A>>(area: A, tool: T): KnotKeyOf<A, T>;
export function techniqueKnotKey(area: AreaId, tool: Tool): TechniqueKnotKey | undefined;
export function techniqueKnotKey(area: AreaId, tool: Tool): string | undefined {
  return hasTechnique(area, tool) ? `tech_${snake(area)}_${tool}_knot` : undefined;
}

/** The i18n key of a position's name: `pos_wall`. */
export function positionKey<P extends Position>(position: P): `pos_${P}` {
  return `pos_${position}`;
}

/** The i18n key of a caution's text: `caution_knee`. */
export function cautionKey<C extends CautionId>(id: C): `caution_${C}` {
  return `caution_${id}`;
}

/** The i18n key of a tool's name: `tool_ball`. */
export function toolKey<T extends Tool>(tool: T): `tool_${T}` {
  return `tool_${tool}`;
}

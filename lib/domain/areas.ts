/** Which body-map picture shows an area best: the body from the front or from the back. */
export type AreaView = 'front' | 'back';

/**
 * Body areas Rollbreak knows. Each has a stable id (also its body-map region id and its i18n key stem),
 * whether it has a left and a right side, and the body-map view it is drawn on. The low back is
 * deliberately not an area: it is never rolled directly. The upper back is sided because every technique
 * works beside the spine, one side at a time, never on it.
 */
export const AREAS = {
  'upper-back': { sided: true, view: 'back' },
  lats: { sided: true, view: 'back' },
  glutes: { sided: true, view: 'back' },
  'it-band': { sided: true, view: 'front' },
  quads: { sided: true, view: 'front' },
  hamstrings: { sided: true, view: 'back' },
  adductors: { sided: true, view: 'front' },
  'hip-flexors': { sided: true, view: 'front' },
  calves: { sided: true, view: 'back' },
  shins: { sided: true, view: 'front' },
  feet: { sided: true, view: 'back' },
  forearms: { sided: true, view: 'front' },
  chest: { sided: true, view: 'front' },
  'upper-traps': { sided: true, view: 'back' },
} as const satisfies Record<string, { sided: boolean; view: AreaView }>;

export type AreaId = keyof typeof AREAS;

export const AREA_IDS = /* @__PURE__ */ Object.keys(AREAS) as AreaId[];

/** `upper_back` for `upper-back`: the snake-case stem of i18n keys. */
export type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;

/** The i18n key of an area's name: `area_upper_back` for `upper-back`. */
export function areaMessageKey<A extends AreaId>(area: A): `area_${Snake<A>}` {
  return `area_${area.replace(/-/g, '_')}` as `area_${Snake<A>}`;
}

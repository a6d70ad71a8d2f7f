/**
 * Body areas Rollbreak knows. Each has a stable id (also its body-map region id and its i18n key stem)
 * and whether it is rolled one side at a time.
 */
export const AREAS = {
  'upper-back': { sided: false },
  lats: { sided: true },
  glutes: { sided: true },
  'it-band': { sided: true },
  quads: { sided: true },
  hamstrings: { sided: true },
  adductors: { sided: true },
  'hip-flexors': { sided: true },
  calves: { sided: true },
  shins: { sided: true },
  feet: { sided: true },
  forearms: { sided: true },
  chest: { sided: true },
  'upper-traps': { sided: true },
} as const satisfies Record<string, { sided: boolean }>;

export type AreaId = keyof typeof AREAS;

export const AREA_IDS = Object.keys(AREAS) as AreaId[];

type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;

/** The i18n key of an area's name: `area_upper_back` for `upper-back`. */
export function areaMessageKey<A extends AreaId>(area: A): `area_${Snake<A>}` {
  return `area_${area.replace(/-/g, '_')}` as `area_${Snake<A>}`;
}

/** The i18n key of an area's movement cue: `cue_upper_back` for `upper-back`. */
export function areaCueKey<A extends AreaId>(area: A): `cue_${Snake<A>}` {
  return `cue_${area.replace(/-/g, '_')}` as `cue_${Snake<A>}`;
}

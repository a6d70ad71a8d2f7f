/**
 * The product's domain lists, each defined once. Everything else imports them: the popup's pickers, the
 * plan generator, the importer's validator, the history filters and the sync encoding.
 *
 * The ORDER of MOMENT_IDS and TOOLS is part of the sync format (an index into these lists is stored on
 * every synced break, see lib/sync/encode.ts): new values may only be appended. The golden test in
 * lib/sync/golden.test.ts fails if they are reordered. The same holds for AREA_IDS in lib/domain/areas.ts.
 */

/** When a break is taken: before or after a workout, on a rest day, or at the desk. */
export const MOMENT_IDS = ['pre', 'post', 'rest', 'desk'] as const;
export type Moment = (typeof MOMENT_IDS)[number];

/** What the break is done with. */
export const TOOLS = ['roller', 'ball', 'gun'] as const;
export type Tool = (typeof TOOLS)[number];

/** Break lengths the popup offers, in whole minutes; the plan generator clamps to the same range. */
export const BREAK_MINUTES = { min: 3, max: 10, default: 5 } as const;

/** The optional host permission behind "show the timer on the page I am on" (also in the manifest). */
export const ALL_PAGES_PATTERN = '<all_urls>';
export const ALL_PAGES = { origins: [ALL_PAGES_PATTERN] };

export const isMoment = (value: unknown): value is Moment => (MOMENT_IDS as readonly unknown[]).includes(value);
export const isTool = (value: unknown): value is Tool => (TOOLS as readonly unknown[]).includes(value);

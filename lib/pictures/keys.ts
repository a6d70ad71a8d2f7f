import type { Tool } from '../domain/lists';
import type { AreaId } from '../domain/areas';
import { allTechniques } from '../routines/catalogue';

/** A technique's picture's name: `upper-back-ball`. Also its script's name in the build (`pictures/upper-back-ball.js`). */
export const pictureKey = (area: AreaId, tool: Tool): string => `${area}-${tool}`;

/** Every technique's picture name, in catalogue order. */
export const PICTURE_KEYS: readonly string[] = allTechniques().map(({ area, tool }) => pictureKey(area, tool));

/** Whether a value from outside (a message) names one of the pictures. */
export const isPictureKey = (value: unknown): value is string => typeof value === 'string' && PICTURE_KEYS.includes(value);

import { allTechniques } from '../routines/catalogue';
import { pictureKey } from './keys';
import { pictureFor } from './pictures';

/**
 * Each technique's picture as a script of its own for the timer over a page (`pictures/<name>.js` in the
 * build; wxt.config.ts writes them): it adds its drawing data to the timer's isolated world, where the
 * picture frame of overlay-parts.js draws it. Data, not code, so each is a few hundred bytes.
 */
export function pictureScripts(): Array<{ name: string; contents: string }> {
  return allTechniques().map(({ area, tool }) => {
    const name = pictureKey(area, tool);
    return {
      name,
      contents: `(globalThis.rollbreakPictures??={})[${JSON.stringify(name)}]=${JSON.stringify(pictureFor(area, tool))};void 0;\n`,
    };
  });
}

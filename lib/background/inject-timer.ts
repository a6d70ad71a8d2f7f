import { browser } from 'wxt/browser';
import { isPictureKey } from '../pictures/keys';

/**
 * Runs the timer script (entrypoints/overlay.ts) in a tab's top frame. The script answers `true` once the
 * timer is on the page. The script running is not enough: a document the timer can't live in (an SVG
 * image or an XML file opened in the tab) runs it and fails, and Chrome does not report that as an error.
 * Resolves with the injection (its documentId included) only when the timer is there; otherwise rejects,
 * as for a page that can't be scripted at all, so the caller opens the timer window instead.
 */
export async function injectTimer(tabId: number): Promise<{ documentId?: string }> {
  const [injected] = await browser.scripting.executeScript({ target: { tabId }, files: ['/overlay.js'] });
  if (injected?.result !== true) throw new Error('The timer could not be shown in this document.');
  return injected;
}

/**
 * Runs the timer's parts in the frame whose timer asked for them, in one injection: with `picture`, that
 * technique's picture (pictures/<name>.js, a few hundred bytes of drawing data); without, its rarely shown
 * parts (overlay-parts.js: the step's picture frame, the done screen, the pill) preceded by the pictures
 * `along` names (the step on screen now), so a timer that just arrived on a page asks the background once,
 * not once for its parts and again for its picture (`npm run bench` counts the wake-ups). The picture's
 * script goes first: the frame that draws it must find it there. Only names from the catalogue become paths.
 */
export async function injectPart(tabId: number, frameId: number, picture?: string, along: string[] = []): Promise<void> {
  if (picture !== undefined && !isPictureKey(picture)) throw new Error('Rollbreak: no such picture.');
  // The pictures' scripts are written by the build (wxt.config.ts), so WXT's list of public paths lacks them.
  const drawn = (key: string) => `/pictures/${key}.js` as '/overlay-parts.js';
  const files =
    picture === undefined ? [...along.filter(isPictureKey).map(drawn), '/overlay-parts.js' as const] : [drawn(picture)];
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files });
}

import { playChime } from '../../offscreen/chime';
import { send } from '../../messaging/send';
import type { Request } from '../../messaging/protocol';

const OFFSCREEN_URL = '/offscreen.html';

/**
 * Plays a chime from the background, so it sounds whatever page is open and whether or not the user has
 * clicked on it. Firefox's event page is a document and plays it itself; Chrome's service worker has no
 * audio and uses an offscreen document, which Chrome closes again after a while of silence.
 */
export async function chimeFromBackground(kind: Request<'chime'>['kind']): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) {
    playChime(kind);
    return;
  }
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['AUDIO_PLAYBACK'],
      justification: 'Chimes at the end of a step or knot hold',
    });
  } catch {
    // Already open: one offscreen document per extension.
  }
  await send({ type: 'chime', kind }).catch(() => undefined);
}

interface ChromeOffscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

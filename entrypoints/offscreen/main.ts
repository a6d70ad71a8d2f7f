import { playChime } from '../../lib/offscreen/chime';
import { registerHandlers } from '../../lib/messaging/register';

// Chrome's service worker has no audio: this offscreen document plays the chimes it asks for.
registerHandlers({ chime: ({ kind }) => playChime(kind) }, { owner: false });

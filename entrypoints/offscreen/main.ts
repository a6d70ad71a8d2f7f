import { browser } from 'wxt/browser';
import { playChime } from '../../lib/chime';
import { isChimeMessage } from '../../lib/background/sound';

// Chrome's service worker has no audio: this offscreen document plays the chimes it asks for.
browser.runtime.onMessage.addListener((message: unknown) => {
  if (isChimeMessage(message)) playChime(message.kind);
  return undefined;
});

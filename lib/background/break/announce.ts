import type { SessionEvent, SessionState } from '../../session/types';
import { chimeFor } from '../../session/chime-for';
import { speechFor, speechText } from '../../session/speech-for';
import { getSettings } from '../settings-service';
import { t } from '../../i18n';
import { chimeFromBackground } from './sound';
import { speak } from './voice';

/**
 * The sound of a transition: the spoken cue when voice coaching is on (Settings, off by default), else
 * the chime when that is on. With voice on but no local voice for the language, the chime stands in, at
 * the moments it always marks. Never throws: sound is a nicety, the break goes on without it.
 */
export async function announce(before: SessionState, after: SessionState, event: SessionEvent): Promise<void> {
  try {
    const chime = chimeFor(before, after, event);
    const speech = speechFor(before, after, event);
    if (!chime && !speech) return;
    const settings = await getSettings();
    if (settings.voice && speech) {
      await speak(speechText(speech, t), t('voice_lang'), () => {
        if (chime) void chimeFromBackground(chime);
      });
    } else if (chime && settings.sound) {
      await chimeFromBackground(chime);
    }
  } catch {
    // Storage or audio unavailable for a moment: stay silent rather than disturb the break.
  }
}

/**
 * Speaks a line from the background with a voice installed on this computer, never a network voice.
 * Chrome's service worker has `chrome.tts` (the "tts" permission); Firefox's event page is a document with
 * `speechSynthesis`. Where no local voice speaks the language, or speaking fails, `fallback` runs instead
 * (the caller plays the chime), so a person who asked for sound always gets some.
 */
export async function speak(text: string, lang: string, fallback: () => void): Promise<void> {
  const scope = globalThis as { chrome?: { tts?: ChromeTts }; speechSynthesis?: SpeechSynthesis };
  try {
    if (scope.chrome?.tts) await speakWithTts(scope.chrome.tts, text, lang, fallback);
    else if (scope.speechSynthesis) await speakWithSynthesis(scope.speechSynthesis, text, lang, fallback);
    else fallback();
  } catch {
    fallback();
  }
}

/** "en-GB" speaks "en": voices match on the primary language. */
export function speaksLanguage(voiceLang: string | undefined, lang: string): boolean {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return voiceLang !== undefined && voiceLang !== '' && primary(voiceLang) === primary(lang);
}

interface ChromeTtsVoice {
  voiceName?: string;
  lang?: string;
  remote?: boolean;
}

interface ChromeTts {
  getVoices(): Promise<ChromeTtsVoice[]>;
  speak(
    text: string,
    options: { lang?: string; voiceName?: string; enqueue?: boolean; onEvent?: (event: { type: string }) => void },
  ): unknown;
}

async function speakWithTts(tts: ChromeTts, text: string, lang: string, fallback: () => void): Promise<void> {
  const voices = await tts.getVoices();
  const local = voices.find((voice) => !voice.remote && speaksLanguage(voice.lang, lang));
  // A list with voices, none of them local in this language: a network voice is all there is.
  if (!local && voices.length > 0) {
    fallback();
    return;
  }
  // With no voice listed at all, the engine may still have a default; if not, it reports an error.
  // `enqueue: false`: a new step's words replace any still being spoken.
  tts.speak(text, {
    lang,
    ...(local?.voiceName ? { voiceName: local.voiceName } : {}),
    enqueue: false,
    onEvent: (event) => {
      if (event.type === 'error') fallback();
    },
  });
}

/** Firefox lists voices only once they have loaded: wait for that briefly. */
function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1000);
  });
}

async function speakWithSynthesis(synth: SpeechSynthesis, text: string, lang: string, fallback: () => void): Promise<void> {
  const voice = (await voicesOf(synth)).find((v) => v.localService && speaksLanguage(v.lang, lang));
  if (!voice) {
    fallback();
    return;
  }
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.onerror = (event) => {
    // Cancelled by the next line's `cancel()`: not a failure.
    if (event.error !== 'interrupted' && event.error !== 'canceled') fallback();
  };
  synth.speak(utterance);
}

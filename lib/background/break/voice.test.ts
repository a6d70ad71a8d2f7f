import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak, speaksLanguage } from './voice';

/*
 * The two speech APIs are browser-only; these stand-ins record what Rollbreak asks of them, the way the
 * real ones are called (Chrome's `tts` in the service worker, `speechSynthesis` in Firefox's event page).
 */
function fakeTts(voices: Array<{ voiceName?: string; lang?: string; remote?: boolean }>, outcome: 'end' | 'error' = 'end') {
  const calls: Array<{ text: string; options: Record<string, unknown> }> = [];
  return {
    calls,
    getVoices: () => Promise.resolve(voices),
    speak(text: string, options: { onEvent?: (event: { type: string }) => void }) {
      calls.push({ text, options });
      options.onEvent?.({ type: 'start' });
      options.onEvent?.({ type: outcome });
    },
  };
}

class FakeUtterance {
  voice: unknown = null;
  lang = '';
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeSynthesis(voices: Array<{ lang: string; localService: boolean }>) {
  const spoken: FakeUtterance[] = [];
  return {
    spoken,
    cancelled: 0,
    getVoices: () => voices,
    addEventListener: () => undefined,
    cancel() {
      this.cancelled += 1;
    },
    speak: (utterance: FakeUtterance) => spoken.push(utterance),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('speak', () => {
  it('uses a local Chrome voice for the language, replacing whatever is still being said', async () => {
    const tts = fakeTts([
      { voiceName: 'Google US English', lang: 'en-US', remote: true },
      { voiceName: 'Local German', lang: 'de-DE', remote: false },
      { voiceName: 'Local English', lang: 'en-GB', remote: false },
    ]);
    vi.stubGlobal('chrome', { tts });
    const fallback = vi.fn();
    await speak('Switch sides.', 'en', fallback);
    expect(tts.calls).toHaveLength(1);
    expect(tts.calls[0]).toMatchObject({
      text: 'Switch sides.',
      options: { lang: 'en', voiceName: 'Local English', enqueue: false },
    });
    expect(fallback).not.toHaveBeenCalled();
  });

  it('never speaks with a network voice: the chime stands in', async () => {
    const tts = fakeTts([
      { voiceName: 'Google US English', lang: 'en-US', remote: true },
      { voiceName: 'Anna', lang: 'de-DE' },
    ]);
    vi.stubGlobal('chrome', { tts });
    const fallback = vi.fn();
    await speak('Switch sides.', 'en', fallback);
    expect(tts.calls).toHaveLength(0);
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('tries the default engine when Chrome lists no voice, and falls back when it reports an error', async () => {
    const tts = fakeTts([], 'error');
    vi.stubGlobal('chrome', { tts });
    const fallback = vi.fn();
    await speak('Break done. Well rolled.', 'en', fallback);
    expect(tts.calls[0]).toMatchObject({ text: 'Break done. Well rolled.', options: { lang: 'en' } });
    expect(tts.calls[0]!.options.voiceName).toBeUndefined();
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('uses speechSynthesis where there is no tts API (Firefox), with a local voice only', async () => {
    const synth = fakeSynthesis([
      { lang: 'en-US', localService: false },
      { lang: 'en-US', localService: true },
    ]);
    vi.stubGlobal('chrome', {});
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
    const fallback = vi.fn();
    await speak('Next: Calves.', 'en', fallback);
    expect(synth.spoken.map((u) => [u.text, u.lang, u.voice])).toEqual([['Next: Calves.', 'en-US', synth.getVoices()[1]]]);
    expect(synth.cancelled).toBe(1);
    // Cut short by the next line: not a failure. A real error: the chime.
    synth.spoken[0]!.onerror?.({ error: 'interrupted' });
    expect(fallback).not.toHaveBeenCalled();
    synth.spoken[0]!.onerror?.({ error: 'synthesis-failed' });
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('falls back when speechSynthesis has no local voice for the language, or there is no speech at all', async () => {
    vi.stubGlobal('chrome', undefined);
    vi.stubGlobal('speechSynthesis', fakeSynthesis([{ lang: 'fr-FR', localService: true }]));
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
    const fallback = vi.fn();
    await speak('Next: Calves.', 'en', fallback);
    expect(fallback).toHaveBeenCalledOnce();
    vi.stubGlobal('speechSynthesis', undefined);
    await speak('Next: Calves.', 'en', fallback);
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it('matches voices on the primary language', () => {
    expect(speaksLanguage('en-GB', 'en')).toBe(true);
    expect(speaksLanguage('pt_BR', 'pt-PT')).toBe(true);
    expect(speaksLanguage('de-DE', 'en')).toBe(false);
    expect(speaksLanguage(undefined, 'en')).toBe(false);
    expect(speaksLanguage('', 'en')).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SessionEvent, SessionState } from '../../session/types';
import { reduce } from '../../session/machine';
import { DEFAULT_SETTINGS, settingsItem } from '../../storage/items';
import { announce } from './announce';
import { oneMinutePlan, started } from '../../../tests/fixtures/one-minute-plan';

vi.mock('../../i18n', async (importOriginal) => {
  const { english } = await import('../../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../i18n')>()), t: english };
});

const plan = oneMinutePlan('feet');
const start = started(plan, 0, 'a');

/** Chrome's background as announce sees it: a tts engine (with no voice, as in a bare Linux) and offscreen audio. */
let spoken: Array<{ text: string; lang?: string }>;
let chimes: number;
let ttsOutcome: 'end' | 'error';
beforeEach(() => {
  fakeBrowser.reset();
  spoken = [];
  chimes = 0;
  ttsOutcome = 'end';
  vi.stubGlobal('chrome', {
    tts: {
      getVoices: () => Promise.resolve([]),
      speak(text: string, options: { lang?: string; onEvent?: (event: { type: string }) => void }) {
        spoken.push({ text, lang: options.lang });
        options.onEvent?.({ type: ttsOutcome });
      },
    },
    offscreen: {
      createDocument: async () => {
        chimes += 1;
      },
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

async function run(before: SessionState, event: SessionEvent, now: number) {
  await announce(before, reduce(before, event, now), event);
  // The fallback chime is started without being awaited.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('announce', () => {
  it('is silent by default: no voice, no chime', async () => {
    await run(start, { type: 'tick' }, 30_000);
    expect(spoken).toEqual([]);
    expect(chimes).toBe(0);
  });

  it("chimes at the clock's transitions when only the chime is on", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sound: true });
    await run(start, { type: 'tick' }, 30_000);
    await run(start, { type: 'skip' }, 1_000);
    expect(chimes).toBe(1);
    expect(spoken).toEqual([]);
  });

  it("speaks in the messages' language when voice coaching is on, instead of the chime", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sound: true, voice: true });
    await run(start, { type: 'tick' }, 30_000);
    await run(start, { type: 'skip' }, 1_000);
    expect(spoken).toEqual([
      { text: 'Soles of the feet, right side. Roll slowly.', lang: 'en' },
      { text: 'Soles of the feet, right side. Roll slowly.', lang: 'en' },
    ]);
    expect(chimes).toBe(0);
  });

  it('plays the chime where the voice fails, at the moments the chime marks', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, voice: true });
    ttsOutcome = 'error';
    await run(start, { type: 'tick' }, 30_000);
    expect(chimes).toBe(1);
    // A button press: the voice tried, but a chime would only echo the click.
    await run(start, { type: 'skip' }, 1_000);
    expect(spoken).toHaveLength(2);
    expect(chimes).toBe(1);
  });
});

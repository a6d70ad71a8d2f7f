import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn } from './support/overlay';
import { ARTIFACTS, CHROME_BUILD } from './support/paths';
import { allTechniques, techniqueMoveKey, toolKey } from '../../lib/routines/catalogue';
import { areaMessageKey } from '../../lib/domain/areas';

const DAY = 24 * 60 * 60 * 1000;
const QUADS = 'Quads (front of the thigh)';
const HAMSTRINGS = 'Hamstrings (back of the thigh)';
/** English as the build ships it: the pictures' text alternatives are the cues, word for word. */
const EN = JSON.parse(readFileSync(join(CHROME_BUILD, '_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const QUADS_ROLLER = EN.tech_quads_roller_move!.message;

/**
 * Guidance that fits the moment: the popup's first-run safety note, a post-workout plan that covers what
 * was trained whatever was rolled yesterday, the cautions on screen for the whole step, and the spoken
 * cues (voice coaching on), each checked in the built extension as a person meets them.
 */
describe('Chromium: guidance for the moment, safety on screen, and the voice', () => {
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  let probe: Page;
  const overlay = () => overlayOn(page);
  const heading = () => overlay().getByRole('heading', { level: 2 }).textContent();
  /** What the worker asked `chrome.tts` to say, through a spy that still calls the real API. */
  const spoken = async () =>
    (await run.worker()).evaluate(
      () => (globalThis as unknown as { spoken?: Array<{ text: string; lang?: string }> }).spoken ?? [],
    );

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium();
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
    probe = await run.openExtensionWindow('options.html');
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it('shows "not medical advice" and who should ask first in the popup until it is read', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    const note = popup.getByRole('region', { name: 'Before your first roll' });
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.getByText('Rollbreak is a timer and a guide, not medical advice.').isVisible()).toBe(true);
    expect(await note.getByText('Ask a doctor or physiotherapist first if any of these apply to you:').isVisible()).toBe(true);
    // Who should ask first, as a list to scan: every condition its own item, the massage gun's too.
    const items = note.getByRole('listitem');
    expect(await items.count()).toBe(11);
    for (const condition of [
      'Pregnancy',
      'Varicose veins',
      'Cancer or a tumour',
      'A pacemaker or another implant',
      'A joint replacement',
    ]) {
      expect(await items.filter({ hasText: condition }).isVisible(), condition).toBe(true);
    }
    await popup.screenshot({ path: `${ARTIFACTS}popup-first-run-chromium.png` });
    await note.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => note.count()).toBe(0);
    await popup.close();
    const again = await run.openExtensionWindow('popup.html');
    await expect.poll(() => again.getByRole('button', { name: /^Start \d+-minute roll$/ }).isVisible()).toBe(true);
    expect(await again.getByRole('region', { name: 'Before your first roll' }).count()).toBe(0);
    await again.close();
  });

  it('turns on voice coaching in Settings (off by default)', async () => {
    const voice = probe.getByRole('checkbox', { name: /^Speak each step aloud/ });
    expect(await voice.isChecked()).toBe(false);
    await voice.check();
    await expect
      .poll(() =>
        probe.evaluate(() => chrome.storage.sync.get('settings').then((r) => (r.settings as { voice?: boolean }).voice)),
      )
      .toBe(true);
  });

  it('starts a post-workout legs plan with quads and hamstrings after a day of rolled legs', async () => {
    // Yesterday's break rolled the legs; the upper back and lats wait from last week.
    await probe.evaluate((day) => {
      const now = Date.now();
      const legs = ['quads', 'hamstrings', 'glutes', 'calves', 'adductors', 'hip-flexors'];
      const lastRolled: Record<string, number> = { 'upper-back': now - 7 * day, lats: now - 7 * day };
      for (const area of legs) lastRolled[area] = now - day;
      return chrome.storage.local.set({ lastRolled });
    }, DAY);
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('radio', { name: 'After a workout' }).check();
    await popup.getByRole('radio', { name: 'Foam roller' }).check();
    await popup.getByRole('group', { name: 'What did you train?' }).getByRole('radio', { name: 'Legs' }).check();
    // The length grows to fit full doses, and the preview follows at once.
    await expect.poll(() => popup.getByRole('button', { name: 'Start 7-minute roll' }).isVisible()).toBe(true);
    const items = popup.getByRole('region', { name: 'Your plan' }).getByRole('listitem');
    await expect
      .poll(async () => (await items.allTextContents()).slice(0, 2))
      .toEqual([`${QUADS}1:35, both legs`, `${HAMSTRINGS}1:35, both legs`]);
    await popup.screenshot({ path: `${ARTIFACTS}popup-post-legs-chromium.png` });

    // Spy on the worker's speech calls; the real chrome.tts still runs (this headless browser has no voice).
    await (
      await run.worker()
    ).evaluate(() => {
      const scope = globalThis as unknown as { spoken: Array<{ text: string; lang?: string }> };
      scope.spoken = [];
      const speak = chrome.tts.speak.bind(chrome.tts);
      chrome.tts.speak = ((text: string, options?: { lang?: string }) => {
        scope.spoken.push({ text, lang: options?.lang });
        return speak(text, options);
      }) as typeof chrome.tts.speak;
    });
    // "Show how": each area's picture and cue, on demand.
    const how = popup.getByRole('button', { name: 'Show how' });
    expect(await how.getAttribute('aria-expanded')).toBe('false');
    await how.click();
    await expect.poll(() => popup.getByRole('img', { name: QUADS_ROLLER }).isVisible()).toBe(true);
    expect(await how.getAttribute('aria-expanded')).toBe('true');
    await popup.screenshot({ path: `${ARTIFACTS}popup-show-how-chromium.png`, fullPage: true });
    await popup.getByRole('button', { name: 'Start 7-minute roll' }).click();
    await expect.poll(heading).toBe(`Get into position: ${QUADS}`);
    expect(await overlay().getByText('Position: On the floor').isVisible()).toBe(true);
    // The get-ready step shows how: the picture arrives as its own small script.
    await expect.poll(() => overlay().getByRole('img', { name: QUADS_ROLLER }).isVisible()).toBe(true);
  });

  it('speaks the area, its position and each change, in the UI language', async () => {
    await expect.poll(spoken).toEqual([{ text: `Next: ${QUADS}. On the floor.`, lang: 'en' }]);
    // The clock ends the get-ready moment: the voice says to roll (the chime stands in for the missing voice).
    await expect.poll(heading, { timeout: 25_000, interval: 500 }).toBe(QUADS);
    await expect.poll(async () => (await spoken()).at(-1)?.text).toBe(`${QUADS}. Roll slowly.`);
    await expect
      .poll(() =>
        probe.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length)),
      )
      .toBe(1);
  });

  it("shows the technique's picture during the step, larger on demand, in light, dark and forced colors", async () => {
    const picture = overlay().getByRole('img', { name: QUADS_ROLLER });
    await expect.poll(() => picture.isVisible()).toBe(true);
    // Both legs at once: no side, so the picture is not mirrored.
    expect(await picture.locator('g').first().getAttribute('transform')).toBeNull();
    const card = overlay().locator('.rb-card');
    await card.screenshot({ path: `${ARTIFACTS}timer-picture-light-chromium.png` });
    const small = (await picture.boundingBox())!.width;
    await overlay().getByRole('button', { name: 'Show larger' }).click();
    await expect.poll(async () => (await picture.boundingBox())!.width).toBeGreaterThan(2 * small);
    await card.screenshot({ path: `${ARTIFACTS}timer-picture-large-chromium.png` });
    await overlay().getByRole('button', { name: 'Show smaller' }).click();
    await expect.poll(async () => (await picture.boundingBox())!.width).toBe(small);
    // The figure is the text colour and the tool the accent, in whichever theme.
    const paints = () =>
      picture.evaluate((svg) => {
        const fg = getComputedStyle(svg).color;
        // The first circle drawn is the roller (the tool comes before the figure).
        return { fg, accent: getComputedStyle(svg.querySelector('circle')!).fill };
      });
    const light = await paints();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await paints()).fg).not.toBe(light.fg);
    expect((await paints()).accent).not.toBe(light.accent);
    await card.screenshot({ path: `${ARTIFACTS}timer-picture-dark-chromium.png` });
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    // With forced colors, the system's colours: the accent becomes Highlight (the timer redraws every second).
    const highlight = await picture.evaluate((svg) => {
      const probe = document.createElement('span');
      probe.style.color = 'Highlight';
      probe.style.forcedColorAdjust = 'none';
      svg.parentElement!.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    await expect.poll(async () => (await paints()).accent).toBe(highlight);
    await card.screenshot({ path: `${ARTIFACTS}timer-picture-forced-colors-chromium.png` });
    await page.emulateMedia({ colorScheme: null, forcedColors: null });
  });

  it("keeps the area's caution and the stop-if line on screen through the roll and the knot hold", async () => {
    const stop = overlay().getByText(
      /Stop short of the knee, front and back\. Not on a fresh injury, bruise, open wound, skin infection or rash\. Stop if you feel numbness, tingling or sharp pain\./,
    );
    expect(await stop.isVisible()).toBe(true);
    await overlay().getByRole('button', { name: 'Knot', exact: true }).click();
    await expect.poll(() => overlay().getByText('Knot hold', { exact: true }).isVisible()).toBe(true);
    expect(await stop.isVisible()).toBe(true);
    expect(
      await overlay()
        .getByText(/let your weight sink into the roller\. Breathe in for 4 seconds, out for 6\./)
        .isVisible(),
    ).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}overlay-hold-chromium.png` });
    await expect.poll(async () => (await spoken()).at(-1)?.text).toBe('Knot hold. Breathe slowly.');
  });

  it('says what comes next when the user skips on, and nothing when the break is ended', async () => {
    await overlay().getByRole('button', { name: 'Skip' }).click();
    await expect.poll(heading).toBe(`Get into position: ${HAMSTRINGS}`);
    await expect.poll(async () => (await spoken()).at(-1)?.text).toBe(`Next: ${HAMSTRINGS}. On the floor.`);
    const count = (await spoken()).length;
    await overlay().getByRole('button', { name: 'End' }).click();
    await expect.poll(() => overlay().getByRole('heading', { name: 'Break ended' }).isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(await spoken()).toHaveLength(count);
    expect((await spoken()).every((line) => line.lang === 'en')).toBe(true);
  });

  it('draws every technique on "Why roll?", each named by its cue, into one contact sheet', async () => {
    const why = await run.openExtensionWindow('why.html');
    await why.setViewportSize({ width: 1000, height: 800 });
    const gallery = why.getByRole('region', { name: 'What each technique looks like' });
    await gallery.waitFor();
    const techniques = allTechniques();
    expect(await gallery.getByRole('img').count()).toBe(techniques.length);
    for (const { area, tool } of techniques) {
      const figure = gallery.locator(`figure[data-picture="${area}-${tool}"]`);
      expect(await figure.getByRole('img').getAttribute('aria-label'), `${area} ${tool}`).toBe(
        EN[techniqueMoveKey(area, tool)!]!.message,
      );
      expect(await figure.locator('figcaption strong').textContent()).toBe(EN[toolKey(tool)]!.message);
    }
    expect(await gallery.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      ...new Set(techniques.map(({ area }) => EN[areaMessageKey(area)]!.message)),
    ]);
    await gallery.screenshot({ path: `${ARTIFACTS}why-pictures-chromium.png` });
    // The contact sheet: the same pictures in one grid, each named by its technique, to review at a glance.
    await why.setViewportSize({ width: 1400, height: 800 });
    await why.addStyleTag({
      content: `main { max-width: none !important; }
        .rb-gallery { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; }
        .rb-gallery > h2, .rb-gallery > p, .rb-gallery h3, .rb-gallery figcaption { display: none; }
        .rb-gallery > section, .rb-gallery__grid { display: contents; }
        .rb-gallery figure { border: 1px solid var(--rb-line); border-radius: 6px; padding: 4px; }
        .rb-gallery figure::before { content: attr(data-picture); font: 600 13px system-ui; }`,
    });
    await gallery.screenshot({ path: `${ARTIFACTS}pictures-contact-sheet.png` });
    await why.close();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/server';
import { overlayOn } from './support/overlay';
import { seedLog } from './support/seed-log';
import { ARTIFACTS, CHROME_BUILD } from './support/paths';
import { speaker } from './support/speaker';
import { openToolbarPopup } from './support/toolbar-popup';
import { realisticLog } from '../fixtures/breaks';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Elements that stick out of `frame` sideways (visually hidden ones aside): text too long for its place. */
const outside = (frame: Locator) =>
  frame.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll<HTMLElement>('*:not(.rb-sr):not(.rb-sr *)')]
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      })
      .map((c) => `${c.tagName}.${String(c.className)}: ${c.textContent?.slice(0, 40)}`);
  });

/** The language, text direction and computed direction of a page's root (or of the timer's host and card). */
const languageOf = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
  }));

describe.each([
  ['de', 'de'],
  ['ja', 'ja'],
  ['ar', 'ar'],
])('Chromium in %s (--lang=%s)', (flag, locale) => {
  const { lang, dir, msg, plural } = speaker(locale);
  let server: FixtureServer;
  let run: ChromiumRun;
  let page: Page;
  /** Numbers as the extension writes them: in the browser's UI language (the first test checks it is `flag`). */
  const num = (n: number) => new Intl.NumberFormat(flag).format(n);

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchChromium({ lang: flag });
    page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
  });
  afterAll(async () => {
    await run?.close();
    await server?.close();
  });

  it("opens the toolbar popup in that language from its first frame: rendered before the page's load, which the browser waits for to show it", async () => {
    await page.bringToFront();
    const cdp = await run.context.browser()!.newBrowserCDPSession();
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const popup = await openToolbarPopup(run, cdp);
    type Seen = { lang: string; dir: string; title: string; start: string; rendered: number; load: number };
    let seen: Seen | null = null;
    await expect
      .poll(async () => {
        seen = await popup.evaluate<Seen | null>(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const rendered = performance.getEntriesByName('rollbreak:interactive')[0];
          if (!nav || !(nav.loadEventStart > 0) || !rendered) return null;
          return {
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            title: document.title,
            start: document.querySelector('.rb-start .rb-primary')?.textContent ?? '',
            rendered: rendered.startTime,
            load: nav.loadEventStart,
          };
        })()`);
        return seen !== null;
      })
      .toBe(true);
    const { rendered, load, ...text } = seen!;
    expect(text).toEqual({ lang, dir, title: msg('extName'), start: plural('startRollMinutes', 5, [num(5)]) });
    // Language, direction and the start view are in place before the load event: nothing else was ever shown.
    expect(rendered).toBeLessThan(load);
    await popup.close();
    await cdp.detach();
  });

  it('shows the popup in that language, with its lang and dir', async () => {
    const popup = await run.openExtensionWindow('popup.html');
    const ui = await popup.evaluate(() => chrome.i18n.getUILanguage());
    expect(ui).toBe(flag);
    expect(await languageOf(popup)).toEqual({ lang, dir, direction: dir });
    expect(await popup.title()).toBe(msg('extName'));
    // The toolbar button's tooltip is the manifest's translated actionTitle (a <title> in the popup's HTML
    // would replace it with one fixed text in every language).
    const tooltip = await (await run.worker()).evaluate(() => chrome.action.getTitle({}));
    expect(tooltip).toBe(msg('actionTitle'));
    // A fresh install has no news to tell.
    await popup.waitForTimeout(300);
    expect(await popup.getByRole('complementary', { name: msg('whatsNewLabel') }).count()).toBe(0);
    const start = popup.getByRole('button', { name: plural('startRollMinutes', 5, [num(5)]), exact: true });
    await expect.poll(() => start.isVisible()).toBe(true);
    for (const key of ['history', 'settings', 'whyLink'])
      expect(await popup.getByRole('button', { name: msg(key), exact: true }).isVisible(), key).toBe(true);
    expect(await popup.getByRole('radio', { name: msg('moment_desk'), exact: true }).isChecked()).toBe(true);
    // The plan preview has loaded: the body map names its highlighted areas.
    await expect.poll(() => popup.getByRole('img', { name: new RegExp(`^${escape(msg('bodymap_label'))}`) }).count()).toBe(1);
    // The first-run note lists who should ask first, in that language.
    const note = popup.getByRole('region', { name: msg('safetyNoteLabel'), exact: true });
    expect(await note.getByText(msg('askFirstIntro'), { exact: true }).isVisible()).toBe(true);
    for (const key of ['askFirst_pregnancy', 'askFirst_skin', 'askFirst_joint'])
      expect(
        await note
          .getByRole('listitem')
          .filter({ hasText: msg(key) })
          .isVisible(),
        key,
      ).toBe(true);
    // Nothing sticks out of the popup sideways.
    expect(await outside(popup.locator('main'))).toEqual([]);
    await popup.locator('main').screenshot({ path: `${ARTIFACTS}i18n-${flag}-popup.png` });
    await start.click();
  });

  it('says once, in that language, what an update brought, until dismissed', async () => {
    // What the background notes when the browser updates Rollbreak (lib/background/whats-new.ts; unit-tested).
    const version = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')).version as string;
    await (await run.worker()).evaluate((v) => chrome.storage.local.set({ whatsNew: v }), version);
    const popup = await run.openExtensionWindow('popup.html');
    const news = popup.getByRole('complementary', { name: msg('whatsNewLabel') });
    await expect.poll(() => news.isVisible()).toBe(true);
    expect(await news.textContent()).toContain(msg(`whatsNew_${version.replace(/\./g, '_')}`));
    expect(await news.getByRole('link', { name: msg('whatsNewLink') }).getAttribute('href')).toMatch(/CHANGELOG\.md$/);
    await popup.screenshot({ path: `${ARTIFACTS}i18n-${locale}-whats-new.png` });
    await news.getByRole('button', { name: msg('whatsNewDismiss') }).click();
    await expect.poll(() => news.count()).toBe(0);
    await expect
      .poll(() =>
        run.worker().then((w) => w.evaluate(() => chrome.storage.local.get('whatsNew').then((r) => r.whatsNew ?? null))),
      )
      .toBeNull();
    await popup.close();
    const again = await run.openExtensionWindow('popup.html');
    await again.getByRole('button', { name: msg('history'), exact: true }).waitFor();
    await again.waitForTimeout(300);
    expect(await again.getByRole('complementary', { name: msg('whatsNewLabel') }).count()).toBe(0);
    await again.close();
  });
  it('puts the timer on the page in that language, mirrored for a right-to-left one, with keys that move it as they point', async () => {
    const overlay = overlayOn(page);
    const heading = overlay.getByRole('heading', { level: 2 });
    // The upper back is rolled one side at a time, left first.
    const upperBackLeft = msg('stepLeft', [msg('area_upper_back')]);
    await expect.poll(() => heading.textContent()).toBe(msg('getReady', [upperBackLeft]));
    // Skip the get-ready phase at once: checked after it, on a busy machine, the phase ran out first and Skip
    // then skipped the left side.
    await overlay.getByRole('button', { name: msg('skip'), exact: true }).click();
    await expect.poll(() => heading.textContent()).toBe(upperBackLeft);
    // The step's picture, named by the cue in this language. The step is on the left side, so the picture is
    // the mirrored one, in every language alike: a right-to-left layout never turns the body around.
    const picture = overlay.getByRole('img', { name: msg('tech_upper_back_ball_move'), exact: true });
    await expect.poll(() => picture.isVisible()).toBe(true);
    expect(
      await picture.evaluate((svg) => [svg.querySelector('g')!.getAttribute('transform'), getComputedStyle(svg).transform]),
    ).toEqual(['matrix(-1 0 0 1 96 0)', 'none']);
    expect(await overlay.getByRole('button', { name: msg('pictureLarger'), exact: true }).isVisible()).toBe(true);
    // The page is English and left to right; the timer carries its own language.
    expect(
      await overlay.evaluate((host: HTMLElement) => ({
        lang: host.lang,
        dir: host.dir,
        direction: getComputedStyle(host.shadowRoot!.querySelector('.rb-root')!).direction,
      })),
    ).toEqual({ lang, dir, direction: dir });
    for (const key of ['pause', 'skip', 'end'])
      expect(await overlay.getByRole('button', { name: msg(key), exact: true }).isVisible(), key).toBe(true);
    expect(await overlay.getByRole('button', { name: msg('knot'), exact: true }).isVisible()).toBe(true);
    expect(await overlay.getByText(msg('areaTimeLabel'), { exact: true }).isVisible()).toBe(true);

    // The timer sits in the inline-end corner: bottom right, or bottom left in a right-to-left language.
    const card = overlay.locator('.rb-card');
    const box = (await card.boundingBox())!;
    const width = page.viewportSize()!.width;
    if (dir === 'rtl') expect(box.x).toBeLessThan(width / 2 - box.width / 2);
    else expect(box.x + box.width).toBeGreaterThan(width / 2 + box.width / 2);
    // Nothing sticks out of the card (which would clip it).
    expect(await outside(card)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}i18n-${flag}-timer.png` });

    // Arrow keys move the timer the way they point, whichever side it is anchored to.
    await overlay.getByRole('button', { name: msg('moveTimer', [msg('extName')]), exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await card.boundingBox())!.x - box.x).toBe(-16);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await card.boundingBox())!.x - box.x).toBe(16);

    // Long enough on the upper back (10 s) for the done screen's check-in to ask about it.
    await run.ageBreak(11);
    await overlay.getByRole('button', { name: msg('end'), exact: true }).click();
    await expect.poll(() => heading.textContent()).toBe(msg('endedTitle'));
    // The check-in, in that language: the area, its three answers, and Skip beside Close.
    await expect.poll(() => overlay.getByText(msg('checkInQuestion'), { exact: true }).isVisible()).toBe(true);
    const upperBack = overlay.getByRole('group', { name: msg('area_upper_back'), exact: true });
    expect(await upperBack.getByRole('button').allTextContents()).toEqual([
      msg('feel_eased'),
      msg('feel_same'),
      msg('feel_worse'),
    ]);
    expect(await outside(card)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}i18n-${flag}-check-in.png` });
    await overlay.getByRole('button', { name: msg('checkInSkip'), exact: true }).click();
    await expect.poll(() => upperBack.count()).toBe(0);
    const clock = '[0-9\\u0660-\\u0669]+:[0-9\\u0660-\\u0669]{2}';
    // The summary, then whether the break is in the log yet.
    const summary = new RegExp(
      `^${escape(plural('doneSummary', 0, ['\u0000', num(0)])).replace('\u0000', clock)} (${escape(msg('doneSaved'))}|${escape(msg('doneSaving'))})$`,
    );
    expect(await overlay.getByText(summary).count()).toBe(1);
    await overlay.getByRole('button', { name: msg('close'), exact: true }).click();
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('shows the history page in that language', async () => {
    const seeder = await run.openExtensionWindow('options.html');
    expect((await languageOf(seeder)).lang).toBe(lang);
    const seeded = await seedLog(seeder, realisticLog(12, 'e2e-i18n', 8, Date.now() - 20 * 86_400_000));
    await seeder.close();
    const history = await run.openExtensionWindow('log.html');
    await history.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(() => history.getByRole('heading', { level: 1 }).textContent()).toBe(msg('historyTitle'));
    expect(await languageOf(history)).toEqual({ lang, dir, direction: dir });
    expect(await history.title()).toBe(msg('historyTitle'));
    // The break ended above is in the log too.
    const total = seeded + 1;
    await expect
      .poll(() => history.getByText(plural('history_showing', total, [num(total), num(total)]), { exact: true }).isVisible())
      .toBe(true);
    expect(await history.getByRole('heading', { name: msg('history_total_label'), exact: true }).isVisible()).toBe(true);
    expect(await history.getByRole('heading', { name: msg('history_coverage_title'), exact: true }).isVisible()).toBe(true);
    expect(await history.getByRole('columnheader', { name: msg('colWhen'), exact: true }).isVisible()).toBe(true);
    // Nothing sticks out of the page sideways (the recent breaks table scrolls within its card).
    expect(await outside(history.locator('body'))).toEqual([]);
    await history.screenshot({ path: `${ARTIFACTS}i18n-${flag}-history.png`, fullPage: true });
  });
});

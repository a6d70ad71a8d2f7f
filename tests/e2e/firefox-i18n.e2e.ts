import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, queryIn, waitFor, type FirefoxRun } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';
import { ARTIFACTS } from './support/paths';
import { clickOverlayButton, overlayButton } from './support/firefox-overlay';
import { speaker } from './support/speaker';

/**
 * Firefox shows an add-on in the language of its own UI, so the run asks for that language
 * (`intl.locale.requested`), which Firefox takes only when its language pack is installed (Debian:
 * firefox-esr-l10n-de and -ar, which .ci/run installs).
 *
 * The build ships its locale files as scripts/ship-locales.ts writes them: placeholders inline (`$1`, not
 * `$COUNT$` and a placeholders block), and without a language's messages that read as English's, which the
 * browser takes from the default locale. The expectations come from the sources, as translators wrote them.
 */
describe.each(['de', 'ar'])('Firefox in %s', (locale) => {
  const { lang, dir, msg, plural } = speaker(locale);
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  let server: FixtureServer;
  let run: FirefoxRun;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    run = await launchFirefox({ startUrl: server.url('article.html'), prefs: { 'intl.locale.requested': locale } });
    page = run.page;
  }, 60_000);

  afterAll(async () => {
    if (run) {
      await run.saveConsole(`${ARTIFACTS}console-firefox-i18n-${locale}.txt`).catch(() => undefined);
      if (run.console.length > 0)
        console.log('Firefox console:\n' + run.console.map((r) => `  [${r.source}] ${r.type}: ${r.text}`).join('\n'));
    }
    await run?.close();
    await server?.close();
  });

  it('shows the popup in that language: counted and substituted messages, and those it takes from English', async () => {
    const popup = run.installPopup;
    const ui = await popup.evaluate(() =>
      (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage(),
    );
    expect(ui, `Firefox's UI language (is the ${locale} language pack installed?)`).toBe(locale);
    // The start button counts its minutes: a plural form with a placeholder, in that language's digits.
    const startName = plural('startRollMinutes', 5, [num(5)]);
    await waitFor(() => queryIn(popup, `::-p-aria([name=${JSON.stringify(startName)}][role="button"])`), {
      message: `the popup's "${startName}" button`,
    });
    // extName (both) and dir (German) read as in English: Firefox takes them from the default locale.
    expect(
      await popup.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        title: document.title,
      })),
    ).toEqual({ lang, dir, title: msg('extName') });
    await popup.screenshot({ path: `${ARTIFACTS}firefox-i18n-${locale}-popup.png` });
  });

  it('puts the timer on the page in that language, placeholders within placeholders filled in', async () => {
    const popup = run.installPopup;
    const start = await waitFor(
      () => queryIn(popup, `::-p-aria([name=${JSON.stringify(plural('startRollMinutes', 5, [num(5)]))}][role="button"])`),
      { message: 'the start button' },
    );
    await start.click();
    const heading = () =>
      page.evaluate(() => document.querySelector('rollbreak-timer')?.shadowRoot?.querySelector('h2')?.textContent ?? null);
    const ready = msg('getReady', [msg('stepLeft', [msg('area_upper_back')])]);
    await waitFor(async () => (await heading()) === ready, { message: `the heading "${ready}"` });
    // German's Pause reads as English's: a message the shipped de file leaves to the default locale.
    for (const key of ['pause', 'skip', 'end']) expect(await overlayButton(page, msg(key)), key).not.toBeNull();
    const host = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('rollbreak-timer')!;
      return { lang: el.lang, dir: el.dir };
    });
    expect(host).toEqual({ lang, dir });
    await page.screenshot({ path: `${ARTIFACTS}firefox-i18n-${locale}-timer.png` });
    await clickOverlayButton(page, msg('end'));
    await waitFor(async () => (await heading()) === msg('endedTitle'), { message: 'the ended screen' });
    await clickOverlayButton(page, msg('close'));
    await waitFor(async () => (await heading()) === null, { message: 'the timer to go' });
  });
});

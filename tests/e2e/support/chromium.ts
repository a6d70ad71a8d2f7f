import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, FAKETIME_LIB } from './paths';

export interface ChromiumRun {
  context: BrowserContext;
  extensionId: string;
  /** The extension's current service worker, waiting for a new one if the last was stopped. */
  worker(): Promise<Worker>;
  /** Opens an extension page in a popup-type window, as the popup acts on the last-focused normal window. */
  openExtensionWindow(path: string): Promise<Page>;
  /** Kills the service worker the way Chrome does after 30 s idle. */
  stopServiceWorker(): Promise<void>;
  /** The running break as if it had started `seconds` earlier (e2e build): no real-time wait for "10 s on this area". */
  ageBreak(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Runs the whole browser on an accelerated clock, e.g. '@2026-11-24 10:30:00 x60'. */
  faketime?: string;
  /** Reuse a profile directory (for restart tests); a fresh temporary one otherwise. */
  userDataDir?: string;
  /** The unpacked extension to load; the e2e build by default. */
  extensionDir?: string;
  /** The browser's UI language (`de`, `ja`, `ar`): what `i18n.getUILanguage()` answers and the locale the extension speaks. */
  lang?: string;
  /** How long the browser may take to start before the launch fails (Playwright's default is 3 minutes). */
  launchTimeout?: number;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumRun> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const dir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'rollbreak-chromium-')));
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  if (options.faketime) {
    env.LD_PRELOAD = FAKETIME_LIB;
    env.FAKETIME = options.faketime;
    env.FAKETIME_DONT_RESET = '1';
  }
  // Chromium on Linux picks the extension's locale from --lang (and LANGUAGE where that is not given).
  // Headless Chromium still reports en-US as the UI language to pages; Playwright's locale makes the
  // extension pages and the page under test answer i18n.getUILanguage() in that language, as a browser
  // running in it does. (The service worker keeps en-US: it only words notifications and the badge.)
  if (options.lang) env.LANGUAGE = options.lang;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    env,
    viewport: { width: 1100, height: 760 },
    ...(options.launchTimeout ? { timeout: options.launchTimeout } : {}),
    ...(options.lang ? { locale: options.lang } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = async () => {
    const alive = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return alive ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  };
  const extensionId = await worker().then(
    (w) => new URL(w.url()).host,
    async (error: unknown) => {
      // No worker came up: close the browser rather than leave it running behind a failed launch.
      await context.close();
      throw error;
    },
  );
  const base = `chrome-extension://${extensionId}`;

  return {
    context,
    extensionId,
    worker,
    async openExtensionWindow(path) {
      const url = `${base}/${path.replace(/^\//, '')}`;
      const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 20_000 });
      const sw = await worker();
      await sw.evaluate(
        (u) => chrome.windows.create({ url: u, type: 'popup', width: 360, height: 640 }).then(() => undefined),
        url,
      );
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async ageBreak(seconds) {
      const sw = await worker();
      await sw.evaluate(
        (ms) =>
          (globalThis as unknown as { rollbreakE2e: { ageSession(ms: number): Promise<void> } }).rollbreakE2e.ageSession(ms),
        seconds * 1000,
      );
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

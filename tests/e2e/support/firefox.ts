import { writeFile } from 'node:fs/promises';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { FAKETIME_LIB, FIREFOX_BUILD, FIREFOX_PATH } from './paths';

/**
 * One console message or uncaught error. `source` is 'page', 'popup' or an extension path for what WebDriver
 * BiDi reports of a watched page (the page's own scripts and the overlay's content script), or 'browser'
 * for a line Firefox printed: those come from every content process, so they also cover the background page
 * and extension pages, which BiDi does not report, and repeat the page's own messages.
 */
export interface ConsoleRecord {
  source: string;
  type: string;
  text: string;
}

export interface FirefoxRun {
  browser: Browser;
  /** The normal window's tab, on the start URL since before the extension was installed. */
  page: Page;
  /** moz-extension://<uuid> of this install (the UUID is random per profile). */
  origin: string;
  /** Console messages and uncaught errors of the watched pages, plus the browser's console lines. */
  console: ConsoleRecord[];
  /** The popup page the e2e build opens in a popup-type window when it is installed. */
  installPopup: Page;
  /**
   * Opens an extension page in a background tab of the normal window and returns it. BiDi cannot navigate
   * to moz-extension:// URLs, so an open extension page (`opener`) asks tabs.create for it; the active
   * tab stays the same, so a later Start still acts on the page under test.
   */
  openExtensionTab(opener: Page, path: string): Promise<Page>;
  /** Saves the collected console to a file. */
  saveConsole(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface WaitOptions {
  timeout?: number;
  interval?: number;
  message?: string;
}

/** Polls `fn` until it returns something other than undefined, null or false, and returns that. */
export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeout = 20_000, interval = 100, message = 'condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * `location.href` of a page, or null if its browsing context is gone. Puppeteer's page.url() can stay
 * stale for a tab the extension opened, so this asks the page itself.
 */
export async function hrefOf(page: Page): Promise<string | null> {
  if (page.isClosed()) return null;
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return null;
  }
}

/** Whether a page's browsing context is gone (closed by the page itself, for instance). */
export async function isGone(page: Page): Promise<boolean> {
  return (await hrefOf(page)) === null;
}

/** Finds an open page whose location ends with `suffix` (e.g. '/popup.html'), polling until one appears. */
export async function findPage(
  browser: Browser,
  suffix: string,
  options: WaitOptions & { exclude?: ReadonlySet<Page> } = {},
): Promise<Page> {
  return waitFor(
    async () => {
      for (const page of await browser.pages()) {
        if (options.exclude?.has(page)) continue;
        const href = await hrefOf(page);
        if (href?.endsWith(suffix)) return page;
      }
      return null;
    },
    { message: `a page at *${suffix}`, ...options },
  );
}

/** The first element matching `selector` under `scope` (a page or an element, e.g. a shadow root's), or null. */
export async function queryIn(scope: Page | ElementHandle<Node>, selector: string): Promise<ElementHandle<Element> | null> {
  return (await scope.$(selector)) as ElementHandle<Element> | null;
}

// Errors Firefox reports of its own code whatever the extension does (remote settings offline, chrome code).
const BROWSER_NOISE = /RSLoader|resource:\/\/|chrome:\/\//;

export interface LaunchOptions {
  /** The page the normal window's tab shows before the extension is installed. */
  startUrl: string;
  viewport?: { width: number; height: number };
  /** Runs the whole browser on an accelerated clock, e.g. '@2026-11-24 10:30:00 x60' (libfaketime). */
  faketime?: string;
  /** Extra Firefox preferences. */
  prefs?: Record<string, unknown>;
}

/**
 * Starts Firefox (a fresh temporary profile, headless) over WebDriver BiDi with `startUrl` as the active
 * tab of its normal window, then installs the e2e build as a temporary add-on and waits for the popup page
 * the build opens on install.
 */
export async function launchFirefox({
  startUrl,
  viewport = { width: 1100, height: 760 },
  faketime,
  prefs = {},
}: LaunchOptions): Promise<FirefoxRun> {
  const records: ConsoleRecord[] = [];
  const env: Record<string, string | undefined> = { ...process.env };
  if (faketime) Object.assign(env, { LD_PRELOAD: FAKETIME_LIB, FAKETIME: faketime, FAKETIME_DONT_RESET: '1' });
  const browser = await puppeteer.launch({
    env,
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: null,
    // With this pref Firefox prints every content process's console (extension pages and the background
    // page included, which BiDi does not report) to stdout, and script errors to stderr. dumpio gives
    // access to stdout; both streams are read below rather than echoed.
    dumpio: true,
    extraPrefsFirefox: { 'devtools.console.stdout.content': true, ...prefs },
  });
  try {
    const proc = browser.process();
    if (proc) {
      for (const stream of [proc.stdout, proc.stderr]) {
        if (!stream) continue;
        stream.unpipe();
        let pending = '';
        stream.on('data', (chunk: Buffer) => {
          pending += chunk.toString();
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            const match = /^(console\.(error|warn)|JavaScript (error|warning)):?\s*(.*)$/.exec(line);
            if (match && !BROWSER_NOISE.test(line)) {
              records.push({
                source: 'browser',
                type: match[2] ?? (match[3] === 'error' ? 'error' : 'warn'),
                text: match[4] ?? '',
              });
            }
          }
        });
        // Unpiping the last destination pauses the stream; read it from here on.
        stream.resume();
      }
    }

    const watch = (page: Page, source: string) => {
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warn')
          records.push({ source, type: message.type(), text: message.text() });
      });
      page.on('pageerror', (error) => records.push({ source, type: 'pageerror', text: String(error) }));
    };

    const page = (await browser.pages())[0] ?? (await browser.newPage());
    watch(page, 'page');
    await page.setViewport(viewport);
    await page.goto(startUrl, { waitUntil: 'load' });

    await browser.installExtension(FIREFOX_BUILD);
    const installPopup = await findPage(browser, '/popup.html', {
      timeout: 20_000,
      message: 'the popup page the e2e build opens on install',
    });
    watch(installPopup, 'popup');
    // Not `new URL(...).origin`: Node's URL gives 'null' for moz-extension:, a scheme it does not know.
    const origin = /^moz-extension:\/\/[^/]+/.exec((await hrefOf(installPopup))!)![0];

    return {
      browser,
      page,
      origin,
      console: records,
      installPopup,
      async openExtensionTab(opener, path) {
        const url = `${origin}/${path.replace(/^\//, '')}`;
        const before = new Set(await browser.pages());
        const create = () =>
          opener.evaluate(async (u) => {
            const ext = (
              globalThis as unknown as { browser: { tabs: { create(p: { url: string; active: boolean }): Promise<unknown> } } }
            ).browser;
            await ext.tabs.create({ url: u, active: false });
          }, url);
        // A busy machine can take a while to list a new background tab, and WebDriver BiDi now and then never
        // reports one: after a while the tab is opened again (a page opened before this call never counts).
        let opened: Page | null = null;
        for (let attempt = 0; attempt < 3 && !opened; attempt++) {
          await create();
          opened = await findPage(browser, `/${path.replace(/^\//, '')}`, {
            message: url,
            timeout: 20_000,
            exclude: before,
          }).catch(() => null);
        }
        if (!opened) throw new Error(`Timed out waiting for ${url}`);
        watch(opened, path);
        await waitFor(() => opened.evaluate(() => document.readyState === 'complete'), { message: `${url} to load` });
        return opened;
      },
      async saveConsole(path) {
        await writeFile(path, records.map((r) => `[${r.source}] ${r.type}: ${r.text}\n`).join(''));
      },
      async close() {
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';
import { buildE2e } from './e2e-build';
import type { Report } from './report';
import { median } from './report';

/**
 * What the timer costs the page under it (issue 23), on a page of 20,000 elements
 * (tests/fixtures/many-elements.html), in Chromium with the e2e build: from the background's injection to
 * the first frame with the timer on screen; the long tasks (≥ 50 ms) on the page's main thread while a
 * break runs there, against the same page for the same time without one (the page does nothing after its
 * load, so what the break adds is the timer's); and the page's layout shifts.
 */
export const TIMER_BUDGET = {
  injectionToVisibleMs: 20,
  longTasks: 0,
  layoutShifts: 0,
} as const;

const PAGE = 'many-elements.html';
/** How long the break runs on the page while its long tasks and layout shifts are counted, pressed through. */
const WATCH_MS = 20_000;

/** Page-side probes, installed before the page's scripts: long tasks and layout shifts, with their times. */
function probes() {
  const w = window as unknown as { __rbLong: Array<[number, number]>; __rbShifts: Array<[number, number, number]> };
  w.__rbLong = [];
  w.__rbShifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__rbLong.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // Shifts right after the person's own input do not count (the page's CLS leaves them out too). Whose
      // shift: the page's, when one of its moved elements is in the page's DOM; the timer's otherwise (its
      // host, or a node of its shadow root, which the page's document is not shown: a null source).
      const shift = e as unknown as { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null }> };
      if (shift.hadRecentInput) continue;
      const timers = (node: Node | null | undefined) =>
        !node || node.nodeName === 'ROLLBREAK-TIMER' || (node.getRootNode() as ShadowRoot | Document).nodeName !== '#document';
      const page = (shift.sources ?? []).some((s) => !timers(s.node)) ? 1 : 0;
      w.__rbShifts.push([e.startTime, shift.value, page]);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

type Probed = { long: Array<[number, number]>; shifts: Array<[number, number, number]>; elements: number; now: number };
const probed = (page: Page): Promise<Probed> =>
  page.evaluate(() => {
    const w = window as unknown as { __rbLong: Array<[number, number]>; __rbShifts: Array<[number, number, number]> };
    return {
      long: w.__rbLong,
      shifts: w.__rbShifts,
      elements: document.getElementsByTagName('*').length,
      now: performance.now(),
    };
  });

/** Injects the timer into the tab showing `url`, the way the background does; the time of the call (epoch ms). */
async function inject(run: ChromiumRun, url: string): Promise<number> {
  const sw = await run.worker();
  return sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const start = Date.now();
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/overlay.js'] });
    return start;
  }, url);
}

const visibleAt = (page: Page) =>
  page
    .waitForFunction(() => {
      const mark = performance.getEntriesByName('rollbreak:overlay-visible')[0];
      return mark ? performance.timeOrigin + mark.startTime : 0;
    })
    .then((h) => h.jsonValue());

/** Long tasks and layout shifts on the page from `from` (page time) for WATCH_MS, the break pressed through or not. */
async function watch(page: Page, from: number, pressThrough: boolean) {
  const until = from + WATCH_MS;
  if (pressThrough) {
    // What a break does on the page: a knot hold, the next step (its picture injected), a pause and resume.
    const timer = page.locator('rollbreak-timer');
    await timer.getByRole('button', { name: 'Knot' }).click();
    await page.waitForTimeout(4_000);
    await timer.getByRole('button', { name: 'Skip' }).click();
    await page.waitForTimeout(4_000);
    await timer.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(2_000);
    await timer.getByRole('button', { name: 'Resume' }).click();
  }
  for (;;) {
    const seen = await probed(page);
    if (seen.now >= until) {
      const long = seen.long.filter(([start]) => start >= from && start < until);
      const shifts = seen.shifts.filter(([start]) => start >= from && start < until);
      return { long, shifts, elements: seen.elements };
    }
    await page.waitForTimeout(Math.min(1_000, until - seen.now));
  }
}

export async function timerCost(report: Report, runs: number): Promise<void> {
  buildE2e();
  const server = await startFixtureServer();
  const run = await launchChromium();
  try {
    await run.context.addInitScript(probes);

    // Without a break: the page alone, watched as long as the break will be (the control).
    const page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url(PAGE));
    await page.waitForTimeout(500);
    const quiet = await watch(page, (await probed(page)).now, false);

    // The break starts from the popup on this page; then it runs there, pressed through.
    await page.reload();
    await page.waitForTimeout(500);
    const from = (await probed(page)).now;
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    await page.locator('rollbreak-timer').getByRole('button', { name: 'Skip' }).waitFor({ timeout: 20_000 });
    await popup.close().catch(() => undefined);
    const during = await watch(page, from, true);

    // Injection → visible, each time into a fresh tab of the same page (not the break's tab, which the
    // background puts the timer back on by itself).
    const injectMs: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const url = server.url(`${PAGE}?run=${i}`);
      const tab = await run.context.newPage();
      await tab.goto(url);
      await tab.waitForTimeout(300);
      const t0 = await inject(run, url);
      const shown = await visibleAt(tab);
      if (i > 0) injectMs.push(shown - t0);
      await tab.close();
    }

    const elements = during.elements.toLocaleString('en');
    const ms = median(injectMs);
    report(
      `timer injection → visible (page of ${elements} elements)`,
      `${ms.toFixed(0)} ms`,
      `≤ ${TIMER_BUDGET.injectionToVisibleMs} ms`,
      ms <= TIMER_BUDGET.injectionToVisibleMs,
    );
    const longest = (l: Array<[number, number]>) =>
      l.length ? `, longest ${Math.max(...l.map(([, d]) => d)).toFixed(0)} ms` : '';
    report(
      `long tasks (≥ 50 ms) during ${WATCH_MS / 1000} s of a break on that page (the page alone)`,
      `${during.long.length}${longest(during.long)} (${quiet.long.length}${longest(quiet.long)})`,
      `${TIMER_BUDGET.longTasks} caused by the timer`,
      during.long.length - quiet.long.length <= TIMER_BUDGET.longTasks,
    );
    const pageShifts = during.shifts.filter(([, , page]) => page === 1);
    const ownShifts = during.shifts.filter(([, , page]) => page === 0);
    const score = (shifts: Array<[number, number, number]>) => shifts.reduce((sum, [, value]) => sum + value, 0).toFixed(4);
    report(
      "layout shifts during the break: the page's elements; the timer's own (both count in the page's CLS)",
      `${pageShifts.length} (score ${score(pageShifts)}); ${ownShifts.length} (score ${score(ownShifts)})`,
      `${TIMER_BUDGET.layoutShifts}; ${TIMER_BUDGET.layoutShifts}`,
      pageShifts.length === TIMER_BUDGET.layoutShifts && ownShifts.length === TIMER_BUDGET.layoutShifts,
    );
  } finally {
    await run.close();
    await server.close();
  }
}

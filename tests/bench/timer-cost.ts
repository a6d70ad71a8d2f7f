import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';
import { buildE2e } from './e2e-build';
import type { Report } from './report';
import { median } from './report';

/**
 * What the timer costs the page under it (issue 23), on a page of 20,000 elements
 * (tests/fixtures/many-elements.html), in Chromium with the e2e build:
 *
 * - From the injection to the timer's first painted frame, each time in a fresh tab, interleaved with the
 *   floor: a script of one line injected the same way that asks for one frame (what any injected script
 *   that shows something costs on this page, under the machine's load of the moment). Two figures: the
 *   wall time, and the page's main-thread time (the thread time of its tasks, from a trace), which is what
 *   the page pays and what another process's load does not inflate; the budget holds the timer's own
 *   main-thread time (the median of timer − floor over the pairs).
 * - The long tasks (≥ 50 ms) on the page's main thread while a break runs there, pressed through, against
 *   the same page for the same time without one (the page does nothing after its load, so what the break
 *   adds is the timer's), with the longest task's thread time beside them.
 * - The layout shifts, the page's elements' and the timer's own.
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

/**
 * Injects into the tab showing `url` (the timer, the way the background does, or the floor: a line that
 * asks for one frame and marks it painted, as the timer's e2e build marks its first frame); the time of
 * the call (epoch ms).
 */
async function inject(run: ChromiumRun, url: string, floor: boolean): Promise<number> {
  const sw = await run.worker();
  return sw.evaluate(
    async ([u, floor]) => {
      const [tab] = await chrome.tabs.query({ url: u });
      const target = { tabId: tab!.id! };
      const start = Date.now();
      if (floor) {
        await chrome.scripting.executeScript({
          target,
          func: () => requestAnimationFrame(() => setTimeout(() => performance.mark('rollbreak:floor-visible'))),
        });
      } else {
        await chrome.scripting.executeScript({ target, files: ['/overlay.js'] });
      }
      return start;
    },
    [url, floor] as const,
  );
}

/**
 * When the page gets the mark `name` (epoch ms): a promise in the page, no polling (a poll would add
 * tasks and frames of its own to what is measured).
 */
const markAt = (page: Page, name: string): Promise<number> =>
  page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const seen = () => {
          const mark = performance.getEntriesByName(n)[0];
          if (mark) resolve(performance.timeOrigin + mark.startTime);
          return Boolean(mark);
        };
        if (!seen()) new PerformanceObserver(seen).observe({ type: 'mark' });
      }),
    name,
  );

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

/** Traces the page's renderer while `work` runs; its events. */
async function traced(run: ChromiumRun, page: Page, work: () => Promise<unknown>): Promise<TraceEvent[]> {
  const cdp = await run.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    },
    transferMode: 'ReportEvents',
  });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

/**
 * The page's main-thread tasks in a trace, up to the mark `until` if given: [wall ms, thread ms] each.
 * Top-level tasks only (a task run inside another is counted once, in the outer one).
 */
function mainTasks(events: TraceEvent[], until?: string): Array<[number, number]> {
  const mark = until ? events.find((e) => e.name === until) : undefined;
  const pid = mark?.pid ?? events.find((e) => e.name === 'TracingStartedInBrowser')?.pid;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!mark || e.pid === pid));
  if (!main) throw new Error('No renderer main thread in the trace.');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // Up to a mark, from the injection on: the first script the page runs after tracing started (the page is
  // idle by then, and the probe waiting for the mark was installed before).
  const injected = mark
    ? Math.min(...mine.filter((e) => /^(EvaluateScript|FunctionCall)$/.test(e.name)).map((e) => e.ts))
    : -Infinity;
  const tasks = mine
    .filter((e) => /(^|::)RunTask$/.test(e.name))
    .filter((e) => !mark || (e.ts <= mark.ts && e.ts + (e.dur ?? 0) >= injected))
    .sort((a, b) => a.ts - b.ts);
  const top: Array<[number, number]> = [];
  let end = -Infinity;
  for (const e of tasks) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    top.push([(e.dur ?? 0) / 1000, (e.tdur ?? e.dur ?? 0) / 1000]);
    // ROLLBREAK_BENCH_TASKS=1 prints each task of 3 ms or more of thread time, with what it spent that on.
    if (process.env.ROLLBREAK_BENCH_TASKS === '1' && (e.tdur ?? 0) > 3000) {
      const inner = events
        .filter((x) => x.pid === e.pid && x.tid === e.tid && x.ts >= e.ts && x.ts < end && (x.tdur ?? 0) > 1000 && x !== e)
        .map((x) => `${x.name}:${((x.tdur ?? 0) / 1000).toFixed(1)}`)
        .slice(0, 12);
      console.log(
        `task ${until ?? ''} +${((e.ts - tasks[0]!.ts) / 1000).toFixed(0)} wall ${((e.dur ?? 0) / 1000).toFixed(1)} cpu ${((e.tdur ?? 0) / 1000).toFixed(1)} ${inner.join(' ')}`,
      );
    }
  }
  return top;
}

const threadTime = (tasks: Array<[number, number]>) => tasks.reduce((sum, [, cpu]) => sum + cpu, 0);

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
    let quiet!: Awaited<ReturnType<typeof watch>>;
    const quietTasks = mainTasks(
      await traced(run, page, async () => {
        quiet = await watch(page, (await probed(page)).now, false);
      }),
    );

    // The break starts from the popup on this page; then it runs there, pressed through.
    await page.reload();
    await page.waitForTimeout(500);
    let during!: Awaited<ReturnType<typeof watch>>;
    const duringTasks = mainTasks(
      await traced(run, page, async () => {
        const from = (await probed(page)).now;
        const popup = await run.openExtensionWindow('popup.html');
        await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
        await page.locator('rollbreak-timer').getByRole('button', { name: 'Skip' }).waitFor({ timeout: 20_000 });
        await popup.close().catch(() => undefined);
        during = await watch(page, from, true);
      }),
    );

    // Injection → first painted frame, each time into a fresh tab of the same page (not the break's tab,
    // which the background puts the timer back on by itself), the floor and the timer in turn.
    const pairs: Array<{ wall: [number, number]; thread: [number, number] }> = [];
    for (let i = 0; i < runs + 1; i++) {
      const one = async (floor: boolean): Promise<[number, number]> => {
        const url = server.url(`${PAGE}?run=${i}&${floor ? 'floor' : 'timer'}`);
        const tab = await run.context.newPage();
        try {
          await tab.goto(url);
          await tab.waitForTimeout(300);
          const name = floor ? 'rollbreak:floor-visible' : 'rollbreak:overlay-visible';
          let wall = 0;
          const shown = markAt(tab, name);
          // Evaluated in order: once this answers, the probe for the mark is in place.
          await tab.evaluate(() => 0);
          const events = await traced(run, tab, async () => {
            const t0 = await inject(run, url, floor);
            wall = (await shown) - t0;
          });
          return [wall, threadTime(mainTasks(events, name))];
        } finally {
          await tab.close();
        }
      };
      const floor = await one(true);
      const timer = await one(false);
      if (i > 0) pairs.push({ wall: [timer[0], floor[0]], thread: [timer[1], floor[1]] });
    }

    const elements = during.elements.toLocaleString('en');
    const med = (pick: (p: (typeof pairs)[number]) => number) => median(pairs.map(pick));
    const ownThread = med((p) => p.thread[0] - p.thread[1]);
    report(
      `timer injection → first painted frame (page of ${elements} elements): the page's main-thread time, the timer's own (timer; floor)`,
      `${ownThread.toFixed(1)} ms (${med((p) => p.thread[0]).toFixed(1)}; ${med((p) => p.thread[1]).toFixed(1)} ms)`,
      `≤ ${TIMER_BUDGET.injectionToVisibleMs} ms`,
      ownThread <= TIMER_BUDGET.injectionToVisibleMs,
    );
    report(
      `timer injection → first painted frame, wall time: the timer's own (timer; floor, ${pairs.length} pairs interleaved)`,
      `${med((p) => p.wall[0] - p.wall[1]).toFixed(0)} ms (${med((p) => p.wall[0]).toFixed(0)}; ${med((p) => p.wall[1]).toFixed(0)} ms)`,
      '',
      null,
    );
    const longest = (l: Array<[number, number]>) =>
      l.length ? `, longest ${Math.max(...l.map(([, d]) => d)).toFixed(0)} ms` : '';
    // A task's wall time grows with the machine's load (a 10 ms task waits for a core as long as other
    // processes hold it); its thread time does not. The budget holds the thread time: no task of the page's
    // main thread of 50 ms or more during the break, beyond those of the page alone.
    const heavy = (tasks: Array<[number, number]>) => tasks.filter(([, cpu]) => cpu >= 50).length;
    const longestThread = (tasks: Array<[number, number]>) => Math.max(0, ...tasks.map(([, cpu]) => cpu)).toFixed(1);
    report(
      `long tasks (≥ 50 ms) during ${WATCH_MS / 1000} s of a break on that page (the page alone): wall; longest thread time`,
      `${during.long.length}${longest(during.long)} (${quiet.long.length}${longest(quiet.long)}); ${longestThread(duringTasks)} ms (${longestThread(quietTasks)} ms)`,
      `${TIMER_BUDGET.longTasks} caused by the timer`,
      heavy(duringTasks) - heavy(quietTasks) <= TIMER_BUDGET.longTasks,
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

import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from '../e2e/support/chromium';
import { realisticBreak, rng, withBodyNotes } from '../fixtures/breaks';
import type { BreakEntry } from '../../lib/log/entry';
import { exportJson } from '../../lib/log/import-export';
import { computeStats } from '../../lib/stats/stats';
import { knotCounts, recurringSpots } from '../../lib/stats/knots';
import { firstDayOfWeek } from '../../lib/i18n/week';
import { buildE2e } from './e2e-build';
import type { Report } from './report';
import { median } from './report';

/**
 * Costs over a lifetime of breaks (issue 23): the history page, its stats and its exports with 20,000 and
 * then 50,000 breaks in the real IndexedDB of the e2e build in Chromium, and the popup, which must not
 * touch the log before its first paint. Each size is a row of its own, so growth is visible.
 */
export const LIFETIME_BUDGET = {
  /** Navigation start → the first view painted and the main thread free (see historyLoad). */
  historyInteractiveMs: 150,
  /** Navigation start → every break loaded and shown (filters, Show more and exports available). */
  historyCompleteMs: { 20_000: 500, 50_000: 1_000 } as Record<number, number>,
  statsMs: 20,
  exportMs: 2_000,
} as const;

export const LIFETIME_SIZES = [20_000, 50_000] as const;
/** A lifetime: 50,000 breaks over 14 years (about ten a day, several devices' worth), up to yesterday evening. */
const YEARS = 14;
const DEVICE = 'bbbb2222-0000-4000-8000-000000000000';

/**
 * `count` breaks spread over the last `YEARS` years, as the product logs them: each a realistic break, every
 * hold a Knot press, most finished breaks checked in (tests/fixtures/breaks.ts). The 20,000 of the smaller
 * log are the newest of the bigger one, so seeding the second adds older years, as importing an old log would.
 */
export function lifetimeLog(count: number): BreakEntry[] {
  const r = rng(23);
  const end = Date.now() - 86_400_000;
  const span = YEARS * 365 * 86_400_000;
  const step = span / count;
  const log = Array.from({ length: count }, (_, i) =>
    realisticBreak(r, DEVICE, Math.floor(end - span + i * step + r() * step * 0.5)),
  );
  return withBodyNotes(24, log);
}

/** Warm-up calls before the pure stats are timed: enough for V8 to compile the functions optimized. */
const WARM_UP = 5;

/**
 * The pure stats over a log in Node, as the history page runs them (the figures with its first day of the
 * week, en-US in the bench, and no day totals from a sync; the knot map's counts and recurring spots): the
 * median of `runs` timed calls after a warm-up.
 *
 * Over the breaks as the page has them: IndexedDB hands the page structured clones of what it stores, so
 * the breaks here are too. The generated ones are not fit to time code over: withBodyNotes's spreads give
 * nearly every one a hidden class of its own (41,000 for 50,000 breaks, where a structured clone has 4),
 * which makes every property read a megamorphic lookup and a plain pass over them 6–17× slower (measured here).
 */
function pureStatsMs(generated: readonly BreakEntry[], runs: number): number {
  const log = structuredClone(generated);
  const firstDay = firstDayOfWeek('en-US');
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + runs; i++) {
    const now = Date.now();
    const t0 = performance.now();
    computeStats(log, now, undefined, firstDay, []);
    knotCounts(log, now, 30);
    recurringSpots(log, now);
    if (i >= WARM_UP) times.push(performance.now() - t0);
  }
  return median(times);
}

/** Page-side probes, installed before any of the page's scripts run (an init script). */
function probes() {
  const w = window as unknown as { __rbLong: Array<[number, number]>; __rbOpens: number[] };
  w.__rbLong = [];
  w.__rbOpens = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__rbLong.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {
    // No long task API: none are counted, and the figure says so by being 0.
  }
  // Every IndexedDB open the page makes, with its time (the popup must not open the log before first paint).
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    w.__rbOpens.push(performance.now());
    return open.apply(this, args);
  };
}

interface Load {
  /** Navigation start → first view painted, pushed past every long task that ran while the log loaded. */
  interactive: number;
  /** Navigation start → the first view painted (the page's mark, after the frame). */
  firstView: number;
  complete: number;
  /** The longest main-thread task from navigation to all loaded (0 when none reached 50 ms). */
  longest: number;
  /** The page's own stats computation over the whole log, as it ran. */
  statsMs: number;
}

/**
 * One open of the history page. Interactive, defined strictly: the first view's content is painted (the
 * page marks the first task after the frame that holds it) and no long task (≥ 50 ms, PerformanceObserver
 * 'longtask') runs from navigation until the whole log is in; a long task anywhere in that time pushes
 * interactive to its end, because a click then waits for it.
 */
async function historyLoad(run: ChromiumRun, url: string): Promise<Load> {
  const page = await run.context.newPage();
  try {
    await page.goto(url);
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? 0;
    const firstView = (await page
      .waitForFunction(mark, 'rollbreak:history-interactive', { timeout: 30_000 })
      .then((h) => h.jsonValue())) as number;
    const complete = (await page
      .waitForFunction(mark, 'rollbreak:history-complete', { timeout: 30_000 })
      .then((h) => h.jsonValue())) as number;
    // Long task entries arrive a little after their task: give them a moment.
    await page.waitForTimeout(200);
    const { long, stats } = await page.evaluate(() => ({
      long: (window as unknown as { __rbLong: Array<[number, number]> }).__rbLong,
      stats: performance.getEntriesByName('rollbreak:stats').map((e) => e.duration),
    }));
    let interactive = firstView;
    let longest = 0;
    for (const [start, duration] of long) {
      if (start > complete) continue;
      longest = Math.max(longest, duration);
      interactive = Math.max(interactive, start + duration);
    }
    return { interactive, firstView, complete, longest, statsMs: stats.length ? stats[stats.length - 1]! : NaN };
  } finally {
    await page.close();
  }
}

/** Export through the page's own buttons: click → the browser has the file (its download starts). */
async function exportOnce(page: Page, button: string): Promise<{ ms: number; bytes: number }> {
  const download = page.waitForEvent('download', { timeout: 30_000 });
  const t0 = performance.now();
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const ms = performance.now() - t0;
  const path = await file.path();
  const { size } = await stat(path);
  await file.delete();
  return { ms, bytes: size };
}

/** The popup: IndexedDB opens before its first contentful paint (must be none), and when the first one came. */
async function popupOpens(run: ChromiumRun): Promise<{ before: number; first: number | null; fcp: number }> {
  const popup = await run.openExtensionWindow('popup.html');
  try {
    const fcp = (await popup
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0, undefined, {
        timeout: 10_000,
      })
      .then((h) => h.jsonValue())) as number;
    // The plan preview reads the recent breaks after first paint: wait for it, so "first" is measured.
    await popup.waitForTimeout(1_000);
    const opens = await popup.evaluate(() => (window as unknown as { __rbOpens: number[] }).__rbOpens);
    return { before: opens.filter((t) => t < fcp).length, first: opens[0] ?? null, fcp };
  } finally {
    await popup.close();
  }
}

/** Seeds the log through the product's own import (History → Import, the background's importBreaks). */
async function seed(run: ChromiumRun, url: string, entries: readonly BreakEntry[], dir: string): Promise<number> {
  const path = join(dir, `seed-${entries.length}.json`);
  await writeFile(path, exportJson(entries, Date.now()));
  const page = await run.context.newPage();
  try {
    await page.goto(url);
    const t0 = performance.now();
    await page.getByLabel('Import a JSON export').setInputFiles(path);
    await page.getByText(/^Import done/).waitFor({ timeout: 180_000 });
    return performance.now() - t0;
  } finally {
    await page.close();
  }
}

export async function lifetime(report: Report, runs: number): Promise<void> {
  buildE2e();
  const biggest = lifetimeLog(Math.max(...LIFETIME_SIZES));
  // The pure functions first, before the browser starts (and works on the imports) beside them.
  const nodeStatsMs = new Map(LIFETIME_SIZES.map((size) => [size, pureStatsMs(biggest.slice(biggest.length - size), runs)]));
  const dir = await mkdtemp(join(tmpdir(), 'rollbreak-lifetime-'));
  const run = await launchChromium();
  try {
    await run.context.addInitScript(probes);
    const url = `chrome-extension://${run.extensionId}/log.html`;
    for (const size of LIFETIME_SIZES) {
      const log = biggest.slice(biggest.length - size);
      const n = size.toLocaleString('en');
      const seeded = await seed(run, url, log, dir);
      report(`seed: import of ${n} breaks through History (the whole file)`, `${(seeded / 1000).toFixed(1)} s`, '', null);

      const loads: Load[] = [];
      for (let i = 0; i < runs + 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const load = await historyLoad(run, url);
        if (i > 0) loads.push(load);
      }
      const pick = (f: (l: Load) => number) => median(loads.map(f));
      const interactive = pick((l) => l.interactive);
      const complete = pick((l) => l.complete);
      const completeBudget = LIFETIME_BUDGET.historyCompleteMs[size]!;
      report(
        `history open → interactive (${n} breaks)`,
        `${interactive.toFixed(0)} ms (first view painted ${pick((l) => l.firstView).toFixed(0)} ms; longest task ${pick((l) => l.longest).toFixed(0)} ms)`,
        `≤ ${LIFETIME_BUDGET.historyInteractiveMs} ms`,
        interactive <= LIFETIME_BUDGET.historyInteractiveMs,
      );
      report(
        `history open → all ${n} breaks loaded`,
        `${complete.toFixed(0)} ms`,
        `≤ ${completeBudget} ms`,
        complete <= completeBudget,
      );
      const pageStats = pick((l) => l.statsMs);
      const nodeStats = nodeStatsMs.get(size)!;
      report(
        `stats over ${n} breaks (in the page; pure functions in Node)`,
        `${pageStats.toFixed(1)} ms; ${nodeStats.toFixed(1)} ms`,
        `≤ ${LIFETIME_BUDGET.statsMs} ms`,
        pageStats <= LIFETIME_BUDGET.statsMs && nodeStats <= LIFETIME_BUDGET.statsMs,
      );

      // Exports through the page's buttons, once the whole log is in.
      const page = await run.context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('rollbreak:history-complete').length > 0, undefined, {
        timeout: 30_000,
      });
      for (const [label, button] of [
        ['JSON', 'Export JSON'],
        ['CSV breaks', 'Export CSV (breaks)'],
        ['CSV areas rolled', 'Export CSV (areas rolled)'],
      ] as const) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < Math.min(runs, 5) + 1; i++) {
          const one = await exportOnce(page, button);
          if (i > 0) times.push(one.ms);
          bytes = one.bytes;
        }
        const ms = median(times);
        report(
          `export ${label}, ${n} breaks (click → download)`,
          `${ms.toFixed(0)} ms (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
          `≤ ${LIFETIME_BUDGET.exportMs} ms`,
          ms <= LIFETIME_BUDGET.exportMs,
        );
      }
      await page.close();

      const popup = await popupOpens(run);
      report(
        `popup: IndexedDB opens before first paint (${n} breaks)`,
        `${popup.before} (first open at ${popup.first === null ? 'none' : `${popup.first.toFixed(0)} ms`}, first paint ${popup.fcp.toFixed(0)} ms)`,
        '0',
        popup.before === 0,
      );
    }
  } finally {
    await run.close();
    await rm(dir, { recursive: true, force: true });
  }
}

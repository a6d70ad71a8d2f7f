/**
 * `npm run bench`: prints Rollbreak's size and speed figures against its budgets (BUDGET below).
 * Sizes come from the production build and its store zips; timings from the e2e build in real Chromium,
 * each figure the median of several runs, the popup measured side by side with a blank extension page.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/support/chromium';
import { wakeupsPer100PageLoads, wakeupsPerIdleHour } from './wakeups';
import { startFixtureServer } from '../e2e/support/server';
import { CHROME_BUILD } from '../e2e/support/paths';
import { seedLog } from '../e2e/support/seed-log';
import { realisticLog } from '../fixtures/breaks';
import { computeStats } from '../../lib/stats/stats';
import { encodeBreak } from '../../lib/sync/encode';
import { planWrites, readSnapshot } from '../../lib/sync/merge';
import { SYNC_QUOTA } from '../../lib/sync/layout';

/** The budgets; the bench exits 1 when a figure misses one. README's budget table is printed from these. */
const BUDGET = {
  overlayKb: 8,
  popupKb: 20,
  zipKb: 200,
  popupRatio: 1.15,
  historyInteractiveMs: 150,
  historyCompleteMs: 500,
  statsMs: 20,
  syncBytesPerBreak: 25,
  breaksInSync: 4_000,
} as const;

const ROOT = new URL('../../', import.meta.url).pathname;
const PROD = join(ROOT, '.output/chrome-mv3');
const RUNS = Number(process.env.ROLLBREAK_BENCH_RUNS ?? 21);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: Array<[string, string, string, string]> = [];
function report(name: string, value: string, budget: string, ok: boolean | null) {
  rows.push([name, value, budget, ok === null ? '' : ok ? 'ok' : 'OVER BUDGET']);
}

async function gz(path: string) {
  return gzipSync(await readFile(path), { level: 9 }).length;
}

/** Every script an HTML page loads, its imports' chunks included (Vite lists them as modulepreload). */
async function pageScripts(html: string): Promise<string[]> {
  const text = await readFile(join(PROD, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => join(PROD, m[1]!));
}

async function sizes() {
  const npm = (args: string[]) => execFileSync('npm', args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production', ROLLBREAK_E2E: '' } });
  npm(['run', 'build']);
  npm(['run', 'zip']);
  const overlay = await gz(join(PROD, 'overlay.js'));
  report('overlay script (gzip)', `${kb(overlay)} (${overlay} B)`, `≤ ${BUDGET.overlayKb} KB`, overlay <= BUDGET.overlayKb * 1024);
  report('overlay parts, injected when shown (gzip)', kb(await gz(join(PROD, 'overlay-parts.js'))), '', null);
  // What a page could notice: a closed shadow root only, and no performance marks (e2e builds have one).
  const text = await readFile(join(PROD, 'overlay.js'), 'utf8');
  const traceless = text.includes('mode:"closed"') && !text.includes('performance.mark') && !text.includes('rollbreak:');
  report('overlay: closed shadow root, no performance mark', traceless ? 'yes' : 'no', 'yes', traceless);
  let popup = 0;
  for (const file of await pageScripts('popup.html')) popup += await gz(file);
  report('popup JS (gzip, all chunks it loads)', kb(popup), `≤ ${BUDGET.popupKb} KB`, popup <= BUDGET.popupKb * 1024);
  report('background (gzip)', kb(await gz(join(PROD, 'background.js'))), '', null);
  const zips = (await readdir(join(ROOT, '.output'))).filter((f) => /-(chrome|firefox)\.zip$/.test(f));
  for (const zip of zips) {
    const { size } = await stat(join(ROOT, '.output', zip));
    report(`packed ${zip.replace(/^.*-(chrome|firefox)\.zip$/, '$1')} zip`, kb(size), `≤ ${BUDGET.zipKb} KB`, size <= BUDGET.zipKb * 1024);
  }
}

async function timings() {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production', ROLLBREAK_E2E: '1' } });
  // A copy of the e2e build with one blank page added: the yardstick for the popup.
  const dir = await mkdtemp(join(tmpdir(), 'rollbreak-bench-'));
  await cp(CHROME_BUILD, dir, { recursive: true });
  // One word of text, so the blank page has a first contentful paint to compare with the popup's.
  await writeFile(join(dir, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body>Rollbreak</body></html>');
  const server = await startFixtureServer();
  const run = await launchChromium({ extensionDir: dir });
  try {
    const firstPaint = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const open = async (path: string, read: () => number) => {
      // Let the last window's teardown finish so it does not land on the next measurement.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const page = await run.openExtensionWindow(path);
      const ms = (await page.waitForFunction(read, undefined, { timeout: 10_000 }).then((h) => h.jsonValue())) as number;
      const fcp = (await page.waitForFunction(firstPaint, undefined, { timeout: 10_000 }).then((h) => h.jsonValue())) as number;
      await page.close();
      return { ms, fcp };
    };
    const popupMs: number[] = [];
    const blankMs: number[] = [];
    const popupFcp: number[] = [];
    const blankFcp: number[] = [];
    const openBlank = async () => {
      const { ms, fcp } = await open('blank.html', () => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventEnd || 0);
      blankMs.push(ms);
      blankFcp.push(fcp);
    };
    const openPopup = async () => {
      const { ms, fcp } = await open('popup.html', () => performance.getEntriesByName('rollbreak:interactive')[0]?.startTime ?? 0);
      popupMs.push(ms);
      popupFcp.push(fcp);
    };
    // One warm-up of each, then interleaved in alternating order, so both see the same machine load.
    await openBlank();
    await openPopup();
    for (const xs of [popupMs, blankMs, popupFcp, blankFcp]) xs.length = 0;
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        await openBlank();
        await openPopup();
      } else {
        await openPopup();
        await openBlank();
      }
    }
    const ratio = median(popupMs) / median(blankMs);
    const fcpRatio = median(popupFcp) / median(blankFcp);
    report('popup open → interactive', `${median(popupMs).toFixed(1)} ms`, '', null);
    report('blank extension page open → loaded', `${median(blankMs).toFixed(1)} ms`, '', null);
    report('popup / blank page ratio (interactive vs loaded)', `${ratio.toFixed(2)}×`, `≤ ${BUDGET.popupRatio}×`, ratio <= BUDGET.popupRatio);
    report('popup / blank page ratio (first contentful paint)', `${fcpRatio.toFixed(2)}× (${median(popupFcp).toFixed(1)} vs ${median(blankFcp).toFixed(1)} ms)`, `≤ ${BUDGET.popupRatio}×`, fcpRatio <= BUDGET.popupRatio);

    // Overlay: from the background's executeScript call to the first frame with the timer on screen.
    const page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(server.url('article.html'));
    const popup = await run.openExtensionWindow('popup.html');
    await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
    const injectMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      const sw = await run.worker();
      const t0 = await sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
        const start = Date.now();
        await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/overlay.js'] });
        return start;
      });
      const visibleAt = await page
        .waitForFunction(() => {
          const mark = performance.getEntriesByName('rollbreak:overlay-visible')[0];
          return mark ? performance.timeOrigin + mark.startTime : 0;
        })
        .then((h) => h.jsonValue());
      injectMs.push((visibleAt as number) - t0);
    }
    report('overlay injection → visible', `${median(injectMs).toFixed(0)} ms`, '', null);
  } finally {
    await run.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// History with a big log, and what a break costs in storage.sync.

const HISTORY_BREAKS = 20_000;

async function history() {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production', ROLLBREAK_E2E: '1' } });
  // Breaks of another device, as a synced or imported log would hold: the sync round at start-up reads
  // them all but has nothing of its own to write.
  const device = 'bbbb2222-0000-4000-8000-000000000000';
  const log = realisticLog(42, device, HISTORY_BREAKS, Date.now() - (HISTORY_BREAKS / 3) * 86_400_000).filter((e) => e.startedAt < Date.now());

  // Stats over the whole log in one pass (Node; the page runs the same code).
  const statsMs: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    computeStats(log, Date.now());
    if (i > 0) statsMs.push(performance.now() - t0);
  }

  const run = await launchChromium();
  try {
    const url = `chrome-extension://${run.extensionId}/history.html`;
    const seeder = await run.context.newPage();
    await seeder.goto(url);
    await seedLog(seeder, log);
    await seeder.close();
    const openMs: number[] = [];
    const completeMs: number[] = [];
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? 0;
    for (let i = 0; i < RUNS + 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const page = await run.context.newPage();
      await page.goto(url);
      const ms = (await page.waitForFunction(mark, 'rollbreak:history-interactive', { timeout: 20_000 }).then((h) => h.jsonValue())) as number;
      const all = (await page.waitForFunction(mark, 'rollbreak:history-complete', { timeout: 20_000 }).then((h) => h.jsonValue())) as number;
      if (i === 0) {
        const rows = await page.locator('table.rb-breaks tbody tr').count();
        if (rows !== 50) throw new Error(`history shows ${rows} rows, not 50`);
      } else {
        openMs.push(ms);
        completeMs.push(all);
      }
      await page.close();
    }
    const n = HISTORY_BREAKS.toLocaleString('en');
    report(`history open → interactive (${n} breaks)`, `${median(openMs).toFixed(0)} ms`, `≤ ${BUDGET.historyInteractiveMs} ms`, median(openMs) <= BUDGET.historyInteractiveMs);
    report(`history open → all ${n} breaks loaded (in short reads)`, `${median(completeMs).toFixed(0)} ms`, `≤ ${BUDGET.historyCompleteMs} ms`, median(completeMs) <= BUDGET.historyCompleteMs);
  } finally {
    await run.close();
  }
  report(`stats over ${HISTORY_BREAKS.toLocaleString('en')} breaks`, `${median(statsMs).toFixed(1)} ms`, `≤ ${BUDGET.statsMs} ms`, median(statsMs) <= BUDGET.statsMs);
}

function syncFigures() {
  const device = 'aaaa1111-0000-4000-8000-000000000000';
  const sample = realisticLog(7, device, 5_000);
  // A record plus its separating comma; JSON never escapes the encoding's alphabet.
  const perBreak = sample.reduce((sum, e) => sum + encodeBreak(e)!.length + 1, 0) / sample.length;
  report('sync bytes per break (5,000 realistic breaks)', `${perBreak.toFixed(1)} B`, `≤ ${BUDGET.syncBytesPerBreak} B`, perBreak <= BUDGET.syncBytesPerBreak);
  // The most breaks one device can keep in full in sync, settings and headroom reserved, by the real layout.
  const empty = readSnapshot({});
  const fitsInFull = (n: number) => {
    const plan = planWrites({ entries: sample.slice(0, n), tombstones: [] }, empty, device);
    return plan.layout.fits && plan.layout.folded === 0;
  };
  let lo = 0;
  let hi = sample.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsInFull(mid)) lo = mid;
    else hi = mid - 1;
  }
  report(`breaks that fit in ${SYNC_QUOTA.QUOTA_BYTES / 1024} KB of sync, in full`, lo.toLocaleString('en'), `≥ ${BUDGET.breaksInSync.toLocaleString('en')}`, lo >= BUDGET.breaksInSync);
}

async function wakeups() {
  const { total, byAlarm } = await wakeupsPerIdleHour();
  const detail = Object.entries(byAlarm).map(([k, v]) => `${k.replace('alarm:', '')} ${v}`).join(', ') || 'none';
  report('background wake-ups per idle hour (reminders every 60 min)', `${total} (${detail})`, '≤ 1 per reminder', total <= 1);
  const { idle, during } = await wakeupsPer100PageLoads();
  const sum = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0);
  const list = (w: Record<string, number>) => Object.entries(w).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  report('background wake-ups per 100 page loads, no break', `${sum(idle)} (${list(idle)})`, '0', sum(idle) === 0);
  report('background wake-ups per 100 page loads in the break\'s tab', `${sum(during)} (${list(during)})`, '', null);
}

// ROLLBREAK_BENCH_ONLY=sizes|timings|history|sync|wakeups runs one part.
const only = process.env.ROLLBREAK_BENCH_ONLY;
if (!only || only === 'sizes') await sizes();
if (!only || only === 'timings') await timings();
if (!only || only === 'history') await history();
if (!only || only === 'sync') syncFigures();
if (!only || only === 'wakeups') await wakeups();
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
console.log(`\nRollbreak bench (${RUNS} runs per timing, medians)\n`);
for (const r of [['figure', 'value', 'budget', ''] as typeof rows[number], ...rows]) {
  console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
}
const over = rows.filter((r) => r[3] === 'OVER BUDGET');
if (over.length > 0) process.exitCode = 1;

/**
 * `npm run bench`: prints Rollbreak's size and speed figures against its budgets (BUDGET below).
 * Sizes come from the production build and its store zips; timings from the e2e build in real Chromium,
 * each figure the median of several runs, the toolbar popup measured side by side with a blank extension page
 * and with the floor below any page that runs a script (popup.ts).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/support/chromium';
import { wakeupsPer100PageLoads, wakeupsPerIdleHour } from './wakeups';
import { zipEntries } from './zip-entries';
import { addYardsticks, measurePopup } from './popup';
import { lifetime } from './lifetime';
import { timerCost } from './timer-cost';
import { shippedLocaleExtras } from './shipped-locales';
import { median } from './report';
import { startFixtureServer } from '../e2e/support/server';
import { CHROME_BUILD, CHROMIUM_PATH } from '../e2e/support/paths';
import { realisticBreak, realisticLog, rng, withBodyNotes } from '../fixtures/breaks';
import type { BreakEntry } from '../../lib/log/entry';
import { layoutDevice } from '../../lib/sync/layout';
import { openLog } from '../../lib/log/db';
import { importBreaks, syncLogStore } from '../../lib/log/store';
import { syncOnce, type SyncState } from '../../lib/sync/engine';
import { MAX_IMPORT_BYTES, parseExport } from '../../lib/log/import-export';
import { IMPORT_PHASES, importInChromium } from './import-chromium';
import { encodeBreak } from '../../lib/sync/encode';
import { planWrites, readSnapshot } from '../../lib/sync/merge';
import { SYNC_QUOTA } from '../../lib/sync/layout';
import { PICTURE_KEYS } from '../../lib/pictures/keys';

/** The budgets; the bench exits 1 when a figure misses one. README's budget table is printed from these. */
const BUDGET = {
  overlayKb: 8,
  /** Each technique's picture, a script of its own injected into the timer when a step needs it. */
  pictureKb: 1.5,
  popupKb: 20,
  zipKb: 350,
  syncBytesPerBreak: 25,
  syncBytesPerBreakWithNotes: 30,
  breaksInSync: 4_000,
  layout25kMs: 50,
  layout100kMs: 250,
  import100kMs: 3_000,
} as const;

const ROOT = new URL('../../', import.meta.url).pathname;
const PROD = join(ROOT, '.output/chrome-mv3');
const RUNS = Number(process.env.ROLLBREAK_BENCH_RUNS ?? 21);

const chromiumVersion = () =>
  execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(
    /\d+(\.\d+)+/,
  )?.[0] ?? 'unknown';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows: Array<[string, string, string, string]> = [];
/** Each technique picture's script, gzipped: printed in full below the table (the table has one line for them). */
const pictureSizes: Array<[string, number]> = [];
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
  const npm = (args: string[]) =>
    execFileSync('npm', args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production', ROLLBREAK_E2E: '' } });
  npm(['run', 'build']);
  npm(['run', 'zip']);
  const overlay = await gz(join(PROD, 'overlay.js'));
  report(
    'overlay script (gzip)',
    `${kb(overlay)} (${overlay} B)`,
    `≤ ${BUDGET.overlayKb} KB`,
    overlay <= BUDGET.overlayKb * 1024,
  );
  report('overlay parts, injected when shown (gzip)', kb(await gz(join(PROD, 'overlay-parts.js'))), '', null);
  // Every technique's picture is a script of its own (pictures/<name>.js), each within its budget.
  const budget = BUDGET.pictureKb * 1024;
  for (const name of PICTURE_KEYS) pictureSizes.push([name, await gz(join(PROD, 'pictures', `${name}.js`))]);
  const sizes = pictureSizes.map(([, size]) => size);
  const [largest] = [...pictureSizes].sort((a, b) => b[1] - a[1]);
  report(
    'technique pictures, one script each, injected when a step needs it (gzip)',
    `${pictureSizes.length} scripts, ${Math.min(...sizes)}–${Math.max(...sizes)} B (largest: ${largest![0]})`,
    `≤ ${BUDGET.pictureKb} KB each`,
    sizes.every((size) => size <= budget),
  );
  for (const [name, size] of pictureSizes)
    if (size > budget) report(`picture ${name} (gzip)`, `${size} B`, `≤ ${BUDGET.pictureKb} KB`, false);
  // What a page could notice: a closed shadow root only, and no performance marks (e2e builds have one).
  const text = await readFile(join(PROD, 'overlay.js'), 'utf8');
  const traceless = text.includes('mode:"closed"') && !text.includes('performance.mark') && !text.includes('rollbreak:');
  report('overlay: closed shadow root, no performance mark', traceless ? 'yes' : 'no', 'yes', traceless);
  let popup = 0;
  for (const file of await pageScripts('popup.html')) popup += await gz(file);
  report('popup JS (gzip, all chunks it loads)', kb(popup), `≤ ${BUDGET.popupKb} KB`, popup <= BUDGET.popupKb * 1024);
  report('background (gzip)', kb(await gz(join(PROD, 'background.js'))), '', null);
  for (const build of ['chrome-mv3', 'firefox-mv3']) {
    const { locales, notes, extraKeys } = await shippedLocaleExtras(join(ROOT, '.output', build));
    report(
      `${build}: translator notes and dead keys in its ${locales} locale files`,
      `${notes} notes, ${extraKeys} keys not in the sources`,
      '0',
      notes === 0 && extraKeys === 0,
    );
  }
  const zips = (await readdir(join(ROOT, '.output'))).filter((f) => /-(chrome|firefox)\.zip$/.test(f));
  for (const zip of zips) {
    const { size } = await stat(join(ROOT, '.output', zip));
    // The translations' share: 14 languages of guidance, safety and evidence text, which no code change shrinks.
    const locales = (await zipEntries(join(ROOT, '.output', zip))).filter((e) => e.name.startsWith('_locales/'));
    const packedLocales = locales.reduce((sum, e) => sum + e.packed, 0);
    const languages = locales.filter((e) => e.name.endsWith('/messages.json')).length;
    const share = Math.round((packedLocales / size) * 100);
    const detail = `${kb(size)} (${languages} locale files ${kb(packedLocales)}, ${share} %; the rest ${kb(size - packedLocales)})`;
    report(
      `packed ${zip.replace(/^.*-(chrome|firefox)\.zip$/, '$1')} zip`,
      detail,
      `≤ ${BUDGET.zipKb} KB`,
      size <= BUDGET.zipKb * 1024,
    );
  }
}

async function timings() {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', ROLLBREAK_E2E: '1' },
  });
  // A copy of the e2e build with the popup's two yardsticks added (tests/bench/popup.ts).
  const dir = await mkdtemp(join(tmpdir(), 'rollbreak-bench-'));
  await cp(CHROME_BUILD, dir, { recursive: true });
  await addYardsticks(dir);
  const server = await startFixtureServer();
  const run = await launchChromium({ extensionDir: dir });
  try {
    await measurePopup(run, RUNS, report);

    // The timer's injection → visible: tests/bench/timer-cost.ts (a fresh tab each time: after a reload of
    // the break's tab the background has put the timer back before a second injection, which measured nothing).
  } finally {
    await run.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// What a break costs in storage.sync.

function syncFigures() {
  const device = 'aaaa1111-0000-4000-8000-000000000000';
  const sample = realisticLog(7, device, 5_000);
  // A record plus its separating comma; JSON never escapes the encoding's alphabet.
  const perBreak = sample.reduce((sum, e) => sum + encodeBreak(e)!.length + 1, 0) / sample.length;
  report(
    'sync bytes per break (5,000 realistic breaks)',
    `${perBreak.toFixed(1)} B`,
    `≤ ${BUDGET.syncBytesPerBreak} B`,
    perBreak <= BUDGET.syncBytesPerBreak,
  );
  // A realistic year (1–5 breaks a day) with every hold logged as a Knot press and most breaks checked in,
  // as the layout writes it: the break records in log: items and their notes in the note: items beside
  // them (keys and headers included), so Rollbreak 0.1 still reads every break.
  const year = withBodyNotes(11, realisticLog(8, device, 1_100));
  const noted = planWrites({ entries: year, tombstones: [] }, readSnapshot({}), device).layout;
  const perNoted = noted.bytes / noted.full;
  report(
    'sync bytes per break with knots and check-ins (a realistic year)',
    `${perNoted.toFixed(1)} B`,
    `≤ ${BUDGET.syncBytesPerBreakWithNotes} B`,
    perNoted <= BUDGET.syncBytesPerBreakWithNotes,
  );
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
  report(
    `breaks that fit in ${SYNC_QUOTA.QUOTA_BYTES / 1024} KB of sync, in full`,
    lo.toLocaleString('en'),
    `≥ ${BUDGET.breaksInSync.toLocaleString('en')}`,
    lo >= BUDGET.breaksInSync,
  );

  // The layout of a big log over ten years (folding most of it), median of RUNS.
  for (const [count, budget] of [
    [25_000, BUDGET.layout25kMs],
    [100_000, BUDGET.layout100kMs],
  ] as const) {
    const log = spreadLog(count, 10);
    const ms: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = performance.now();
      layoutDevice({ dev: 'aaaa1111', entries: log, tombstones: [], cutoff: null, budget: { bytes: 98_000, items: 490 } });
      if (i > 0) ms.push(performance.now() - t0);
    }
    report(
      `sync layout of ${count.toLocaleString('en')} breaks (10 years)`,
      `${median(ms).toFixed(0)} ms`,
      `≤ ${budget} ms`,
      median(ms) <= budget,
    );
  }
}

/** `count` breaks of one device spread evenly over `years` years up to now, realistic otherwise. */
function spreadLog(count: number, years: number): BreakEntry[] {
  const r = rng(5);
  const span = years * 365 * 86_400_000;
  const from = Date.now() - span;
  return Array.from({ length: count }, (_, i) =>
    realisticBreak(r, 'aaaa1111-0000-4000-8000-000000000000', Math.floor(from + (i * span) / count)),
  );
}

/** A sync round with nothing new does no layout work. */
async function syncRounds() {
  // Node has no IndexedDB: the in-memory one the unit tests use (far slower than a browser's).
  Object.assign(globalThis, await import('fake-indexeddb'));
  const device = 'aaaa1111-0000-4000-8000-000000000000';
  const db = await openLog('bench-sync');
  await importBreaks(db, spreadLog(25_000, 10));
  let state: SyncState | null = null;
  const area: Record<string, unknown> = {};
  const deps = {
    db: syncLogStore(db),
    sync: {
      get: async () => ({ ...area }),
      set: async (items: Record<string, unknown>) => void Object.assign(area, items),
      remove: async (keys: string[]) => void keys.forEach((k) => delete area[k]),
    },
    deviceId: device,
    now: () => Date.now(),
    state: { get: async () => state, set: async (s: SyncState) => void (state = s) },
  };
  await syncOnce(deps);
  const t0 = performance.now();
  const again = await syncOnce(deps);
  const ms = performance.now() - t0;
  report(
    'sync round with nothing new (25,000 breaks)',
    `${again.skipped ? 'no layout' : 'LAID OUT'}, ${ms.toFixed(0)} ms`,
    'no layout work',
    again.skipped === true,
  );
  db.close();
}

/** A file of 100,000 exported breaks imports back; an absurd one is refused before it is parsed. */
async function imports() {
  // Imported through the History page of the e2e build in real Chromium (tests/bench/import-chromium.ts): into
  // an empty log, then again into the full one (all there already). The machine's load is printed with it.
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  const before = load();
  const imp = await importInChromium(100_000, Number(process.env.ROLLBREAK_BENCH_IMPORT_RUNS ?? 3));
  const whole = imp.failures.length === 0 && imp.stored.every((n) => n === imp.breaks);
  const after = load();
  for (const [what, ms, phases] of [
    ['into an empty log', imp.firstMs, imp.firstPhases],
    ['again (all there already)', imp.againMs, imp.againPhases],
  ] as const) {
    report(
      `import of an export of 100,000 breaks (${imp.megabytes.toFixed(1)} MB), History page in Chromium, ${what}`,
      `${median(ms).toFixed(0)} ms (runs: ${ms.map((x) => x.toFixed(0)).join(', ')}; load ${before} → ${after})${whole ? '' : `, FAILED: ${imp.failures[0] ?? 'breaks missing'}`}`,
      `≤ ${BUDGET.import100kMs} ms`,
      whole && median(ms) <= BUDGET.import100kMs,
    );
    // Where it went (medians per phase): file read, checked, the background's answer, written, background told.
    report(
      `  where the time went (${what})`,
      IMPORT_PHASES.map((p) => `${p} ${median(phases.map((x) => x[p] ?? 0)).toFixed(0)}`).join(', ') + ' ms',
      '',
      null,
    );
  }
  const absurd = parseExport(' '.repeat(MAX_IMPORT_BYTES + 1));
  report(
    'an absurd file (over the size guard) is refused before parsing',
    absurd.ok ? 'accepted' : absurd.error.code,
    'too_big',
    !absurd.ok && absurd.error.code === 'too_big',
  );
}

async function wakeups() {
  const { total, byAlarm } = await wakeupsPerIdleHour();
  const detail =
    Object.entries(byAlarm)
      .map(([k, v]) => `${k.replace('alarm:', '')} ${v}`)
      .join(', ') || 'none';
  report('background wake-ups per idle hour (reminders every 60 min)', `${total} (${detail})`, '≤ 1 per reminder', total <= 1);
  const { idle, during } = await wakeupsPer100PageLoads();
  const sum = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0);
  const list = (w: Record<string, number>) =>
    Object.entries(w)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  report('background wake-ups per 100 page loads, no break', `${sum(idle)} (${list(idle)})`, '0', sum(idle) === 0);
  report("background wake-ups per 100 page loads in the break's tab", `${sum(during)} (${list(during)})`, '', null);
}

// ROLLBREAK_BENCH_ONLY=sizes|timings|lifetime|timer|sync|import|wakeups runs one part; ROLLBREAK_BENCH_README=1 (below).
const only = process.env.ROLLBREAK_BENCH_ONLY;
if (!only || only === 'sizes') await sizes();
if (!only || only === 'timings') await timings();
if (!only || only === 'lifetime') await lifetime(report, RUNS);
if (!only || only === 'timer') await timerCost(report, RUNS);
if (!only || only === 'sync') {
  syncFigures();
  await syncRounds();
}
if (!only || only === 'import') await imports();
if (!only || only === 'wakeups') await wakeups();
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
console.log(`\nRollbreak bench (${RUNS} runs per timing, medians)\n`);
for (const r of [['figure', 'value', 'budget', ''] as (typeof rows)[number], ...rows]) {
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
if (pictureSizes.length > 0) {
  console.log(`\nTechnique pictures, gzipped (≤ ${BUDGET.pictureKb * 1024} B each):`);
  for (let i = 0; i < pictureSizes.length; i += 4) {
    console.log(
      `  ${pictureSizes
        .slice(i, i + 4)
        .map(([name, size]) => `${name} ${size} B`.padEnd(28))
        .join('')
        .trimEnd()}`,
    );
  }
}
const over = rows.filter((r) => r[3] === 'OVER BUDGET');
if (over.length > 0) process.exitCode = 1;

// ROLLBREAK_BENCH_README=1 (a whole run only) writes this run's table into README.md between its markers,
// so the README's figures are always a real run's output, never typed in by hand.
if (process.env.ROLLBREAK_BENCH_README === '1' && !only) {
  const readme = join(ROOT, 'README.md');
  const text = await readFile(readme, 'utf8');
  const cell = (c: string) => c.replace(/\|/g, '\\|');
  const table = [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Chromium ${chromiumVersion()}, medians of ${RUNS} runs per timing:`,
    '',
    '| figure | value | budget | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.map((c) => cell(c)).join(' | ')} |`),
  ].join('\n');
  const block = /(<!-- bench:start -->)[\s\S]*?(<!-- bench:end -->)/;
  if (!block.test(text)) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> block');
  await writeFile(
    readme,
    text.replace(block, (_m, open: string, close: string) => `${open}\n${table}\n${close}`),
  );
  console.log('\nREADME.md: budget table rewritten from this run.');
}

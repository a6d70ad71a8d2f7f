/**
 * Where an import's time goes: imports a file of N breaks through the History page of the e2e build twice
 * (empty log, then again) with Chromium's CPU profiler running on the page, and prints the page's
 * performance marks and the functions that took the most time (self time).
 * `vite-node tests/bench/import-profile.ts [breaks]` (ROLLBREAK_SKIP_BUILD=1 keeps the build).
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { buildE2e } from './e2e-build';
import { syncRoundAfter } from './import-chromium';
import { realisticBreak, rng, withBodyNotes } from '../fixtures/breaks';
import { exportJson } from '../../lib/log/import-export';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { settingsBackup } from '../../lib/settings/backup';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(p: Profile, top = 25): string {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const total = [...byFn.values()].reduce((a, b) => a + b, 0);
  return (
    `total sampled ${total.toFixed(0)} ms\n` +
    [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n')
  );
}

const count = Number(process.argv[2] ?? 100_000);
buildE2e();
const r = rng(17);
const span = 10 * 365 * 86_400_000;
const from = Date.now() - span;
const device = 'cccc3333-0000-4000-8000-000000000000';
const log = Array.from({ length: count }, (_, i) => realisticBreak(r, device, Math.floor(from + (i * span) / count)));
const dir = await mkdtemp(join(tmpdir(), 'rollbreak-profile-'));
const path = join(dir, 'export.json');
await writeFile(path, exportJson(withBodyNotes(3, log), Date.now(), settingsBackup(DEFAULT_SETTINGS)));
const run = await launchChromium();
try {
  const page = await run.context.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/log.html`);
  await page.getByLabel('Import a JSON export').waitFor();
  const cdp = await run.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  let ended = 0;
  for (const round of ['empty', 'again']) {
    // As the bench: the round that publishes the first import has run (and the page's view of the log settled).
    if (round === 'again') {
      await syncRoundAfter(page, ended);
      await page.waitForTimeout(3_000);
    }
    await page.evaluate(() => performance.clearMarks());
    // The background's event loop: every stall over 200 ms while the import runs, and the sync queue's rounds.
    const sw = await run.worker();
    await sw.evaluate(() => {
      const g = globalThis as unknown as { rbLag?: string[]; rbTimer?: number };
      g.rbLag = [];
      let last = performance.now();
      clearInterval(g.rbTimer);
      g.rbTimer = setInterval(() => {
        const now = performance.now();
        if (now - last > 300) g.rbLag!.push(`${(now - 100 - last).toFixed(0)} ms stall ending at ${Math.round(now)}`);
        last = now;
      }, 100) as unknown as number;
    });
    const swStart = await sw.evaluate(() => performance.now());
    const statusOf = () =>
      sw.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
        const { syncStatus, syncDue } = await api.storage.local.get(['syncStatus', 'syncDue']);
        const st = syncStatus as { checkedAt?: number; error?: string; writes?: number; added?: number } | undefined;
        return `status checked ${st?.checkedAt ? Date.now() - st.checkedAt : '-'} ms ago, error ${st?.error}, writes ${st?.writes}, added ${st?.added}; due ${String(syncDue)}`;
      });
    console.log(`before: ${await statusOf()}`);
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.getByLabel('Import a JSON export').setInputFiles(path);
    await page.waitForFunction(
      () => {
        const s = document.querySelector('.rb-data [role=status]');
        return !!s && s.textContent !== '' && !s.classList.contains('rb-message--busy');
      },
      undefined,
      { timeout: 600_000, polling: 50 },
    );
    const wall = Date.now() - t0;
    ended = Date.now();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('rollbreak:import-'))
        .map((m) => `${m.name} ${m.startTime.toFixed(0)}`),
    );
    const said = await page.evaluate(() => document.querySelector('.rb-data [role=status]')?.textContent);
    console.log(`\n=== ${round}: ${wall} ms wall, "${said}"`);
    let prev = 0;
    for (const m of marks) {
      const [name, at] = m.split(' ');
      console.log(`  ${name!.padEnd(24)} ${at}  (+${Number(at) - prev})`);
      prev = Number(at);
    }
    console.log(summarize(profile));
    const lag = await sw.evaluate(() => (globalThis as unknown as { rbLag: string[] }).rbLag);
    console.log(`background (from ${Math.round(swStart)}): ${lag.join('; ') || 'no stalls'}`);
    console.log(`after: ${await statusOf()}`);
  }
} finally {
  await run.close();
  await rm(dir, { recursive: true, force: true });
}

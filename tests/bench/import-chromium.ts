/**
 * The bench's import figure: a JSON export of many breaks imported back through the History page of the
 * e2e build, in real Chromium with its real IndexedDB. Each run starts a fresh profile (an empty log), picks
 * the file in the page's "Import a JSON export" input and times, in the page, from the input's change to
 * the "Import done" message; then the same file again into the full log (everything already there).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { buildE2e } from './e2e-build';
import { realisticBreak, rng, withBodyNotes } from '../fixtures/breaks';
import { exportJson } from '../../lib/log/import-export';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { settingsBackup } from '../../lib/settings/backup';

/** The page's marks (components/history/import-into-log.ts), in order: what each phase ends with. */
export const IMPORT_PHASES = ['read', 'checked', 'begun', 'written', 'ended'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
/** Ms each phase took (from the end of the one before; the first from the input's change). */
export type PhaseMs = Partial<Record<ImportPhase, number>>;

export interface ImportFigures {
  breaks: number;
  megabytes: number;
  /** Per run: into an empty log, then the same file again (nothing new). */
  firstMs: number[];
  againMs: number[];
  /** Per run, where the time went (the page's marks), for each of the two. */
  firstPhases: PhaseMs[];
  againPhases: PhaseMs[];
  /** Breaks in the log after each run's first import. */
  stored: number[];
  /** What the page said when a run did not end in "Import done", if any. */
  failures: string[];
}

/** `count` breaks over ten years, most of them with Knot presses and check-ins, as the History page exports them. */
function exportFile(count: number): string {
  const r = rng(17);
  const span = 10 * 365 * 86_400_000;
  const from = Date.now() - span;
  const device = 'cccc3333-0000-4000-8000-000000000000';
  const log = Array.from({ length: count }, (_, i) => realisticBreak(r, device, Math.floor(from + (i * span) / count)));
  return exportJson(withBodyNotes(3, log), Date.now(), settingsBackup(DEFAULT_SETTINGS));
}

/** Picks `path` in the page's import input; resolves to [ms from change to the final message, message, phases]. */
async function importOnce(page: Page, path: string): Promise<[number, string, PhaseMs]> {
  await page.evaluate(() => {
    performance.clearMarks();
    const w = window as unknown as { rbImport?: { start: number; end: number; text: string } };
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const status = document.querySelector('.rb-data [role=status]')!;
    w.rbImport = { start: 0, end: 0, text: '' };
    // Capture phase: the page's own handler has not started reading the file yet.
    input.addEventListener('change', () => (w.rbImport!.start = performance.now()), { capture: true, once: true });
    const seen = new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (w.rbImport!.start > 0 && text !== '' && !status.classList.contains('rb-message--busy')) {
        w.rbImport!.end = performance.now();
        w.rbImport!.text = text;
        seen.disconnect();
      }
    });
    seen.observe(status, { childList: true, characterData: true, subtree: true, attributes: true });
  });
  await page.getByLabel('Import a JSON export').setInputFiles(path);
  const done = await page.waitForFunction(
    () => {
      const m = (window as unknown as { rbImport: { start: number; end: number; text: string } }).rbImport;
      return m.end > 0 ? [m.end - m.start, m.text] : null;
    },
    undefined,
    { timeout: 600_000, polling: 50 },
  );
  const [ms, text] = (await done.jsonValue()) as [number, string];
  const marks = await page.evaluate(() => {
    const start = (window as unknown as { rbImport: { start: number } }).rbImport.start;
    return performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('rollbreak:import-'))
      .map((m) => [m.name.slice('rollbreak:import-'.length), m.startTime - start] as [string, number]);
  });
  const phases: PhaseMs = {};
  let before = 0;
  for (const [name, at] of marks) {
    phases[name as ImportPhase] = at - before;
    before = at;
  }
  return [ms, text, phases];
}

function countBreaks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('rollbreak');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('breaks').objectStore('breaks').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/**
 * Waits (up to 5 minutes) until the sync round an import owes has run: a status stored after `since` and no
 * import recorded (storage.local). Not "no round owed": a log of 100,000 breaks is over the account's quota,
 * so that round ends in "quota" and stays owed. (Polled from here: waitForFunction takes a promise the page
 * returns for a true answer, so an async check there never waited.)
 */
export async function syncRoundAfter(page: Page, since: number): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const done = await page.evaluate(async (since) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } } }
      ).chrome;
      const items = await api.storage.local.get(['syncStatus', 'importJob']);
      const checkedAt = (items.syncStatus as { checkedAt?: number } | undefined)?.checkedAt ?? 0;
      return (items.importJob ?? null) === null && checkedAt > since;
    }, since);
    if (done) return;
    if (Date.now() > deadline) throw new Error('No sync round ran after the import');
    await page.waitForTimeout(500);
  }
}

/** Builds the e2e extension (e2e-build.ts) and imports a file of `count` breaks `runs` times. */
export async function importInChromium(count: number, runs: number): Promise<ImportFigures> {
  buildE2e();
  const dir = await mkdtemp(join(tmpdir(), 'rollbreak-import-'));
  const path = join(dir, `rollbreak-log-${count}.json`);
  const text = exportFile(count);
  await writeFile(path, text);
  const figures: ImportFigures = {
    breaks: count,
    megabytes: Buffer.byteLength(text) / 1024 / 1024,
    firstMs: [],
    againMs: [],
    firstPhases: [],
    againPhases: [],
    stored: [],
    failures: [],
  };
  try {
    for (let i = 0; i < runs; i++) {
      const run = await launchChromium();
      try {
        const page = await run.context.newPage();
        await page.goto(`chrome-extension://${run.extensionId}/log.html`);
        await page.getByLabel('Import a JSON export').waitFor();
        const [first, said, firstPhases] = await importOnce(page, path);
        // The import's round starts once the page has told the background it ended, and takes seconds for
        // 100,000 breaks: it cannot have stored its status before now.
        const ended = Date.now();
        figures.firstMs.push(first);
        figures.firstPhases.push(firstPhases);
        if (!said.startsWith('Import done')) figures.failures.push(said);
        figures.stored.push(await countBreaks(page));
        // The round that publishes the first import holds the background's queue, and a second import waits
        // for it (as it should): the second figure is the import itself, so it starts once that round is done.
        await syncRoundAfter(page, ended);
        const [again, saidAgain, againPhases] = await importOnce(page, path);
        figures.againMs.push(again);
        figures.againPhases.push(againPhases);
        if (!saidAgain.startsWith('Import done')) figures.failures.push(saidAgain);
      } finally {
        await run.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}

import { realisticBreak, rng, withBodyNotes } from '/work/wt/i20/tests/fixtures/breaks';
import { exportJson, readExport } from '/work/wt/i20/lib/log/import-export';
import { DEFAULT_SETTINGS } from '/work/wt/i20/lib/settings/defaults';
import { settingsBackup } from '/work/wt/i20/lib/settings/backup';
const r = rng(17);
const span = 10 * 365 * 86_400_000;
const from = Date.now() - span;
const count = 100_000;
const log = Array.from({ length: count }, (_, i) => realisticBreak(r, 'cccc3333-0000-4000-8000-000000000000', Math.floor(from + (i * span) / count)));
const text = exportJson(withBodyNotes(3, log), Date.now(), settingsBackup(DEFAULT_SETTINGS));
console.log('MB', text.length / 1e6);
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  JSON.parse(text);
  const parse = performance.now() - t;
  t = performance.now();
  const res = readExport(text);
  console.log('parse', parse.toFixed(0), 'readExport', (performance.now() - t).toFixed(0), res.ok && res.breaks.length);
}

import { writeFile } from 'node:fs/promises';
import { launchChromium } from '../e2e/support/chromium';
import { realisticBreak, rng } from '../fixtures/breaks';
import { exportJson } from '../../lib/log/import-export';
const r = rng(17);
const n = Number(process.env.N ?? 2000);
const log = Array.from({ length: n }, (_, i) => realisticBreak(r, 'cccc3333-0000-4000-8000-000000000000', Date.now() - (n - i) * 3_600_000));
await writeFile('/tmp/i20-dbg.json', exportJson(log, Date.now()));
const run = await launchChromium();
try {
  const page = await run.context.newPage();
  page.on('console', (m) => console.log('page:', m.text()));
  (await run.worker()).on('console', (m) => console.log('sw:', m.text()));
  await page.goto(`chrome-extension://${run.extensionId}/log.html`);
  await page.getByLabel('Import a JSON export').waitFor();
  const t0 = Date.now();
  await page.getByLabel('Import a JSON export').setInputFiles('/tmp/i20-dbg.json');
  for (let i = 0; i < 200; i++) {
    const text = await page.locator('.rb-data [role=status]').textContent();
    console.log(Date.now() - t0, text);
    if (text && !text.includes('mport…') && !/busy|Importing/i.test(text)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
} finally {
  await run.close();
}

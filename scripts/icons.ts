/**
 * `npm run icons`: renders public/icon/{16,32,48,96,128}.png from scripts/icon-small.svg (toolbar sizes,
 * drawn on the 16 px grid) and scripts/icon.svg (48 px and up: art in the middle three quarters, transparent
 * margins). Chromium draws them (the same browser the tests use), so no image tool is needed; each is
 * then made smaller without changing a pixel (scripts/optimise-png.ts), since the store zips carry them as
 * they are.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/support/paths';
import { optimisePng } from './optimise-png';

const ROOT = new URL('../', import.meta.url);
const SIZES: Array<[number, string]> = [
  [16, 'icon-small.svg'],
  [32, 'icon-small.svg'],
  [48, 'icon.svg'],
  [96, 'icon.svg'],
  [128, 'icon.svg'],
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [size, file] of SIZES) {
    const svg = await readFile(new URL(`scripts/${file}`, ROOT), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    const png = await optimisePng(shot);
    await writeFile(new URL(`public/icon/${size}.png`, ROOT), png);
    console.log(`public/icon/${size}.png (${png.length} B, ${shot.length} B as drawn)`);
  }
} finally {
  await browser.close();
}

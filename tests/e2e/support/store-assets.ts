import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Where the store listing's files go (committed; store/README.md says which file goes where). Only
 * `npm run store:assets` (vitest.store.config.ts) writes here, never `npm test`.
 */
export const STORE = fileURLToPath(new URL('../../../store/', import.meta.url));
const LOCALES = fileURLToPath(new URL('../../../public/_locales/', import.meta.url));
const ICON = fileURLToPath(new URL('../../../public/icon/', import.meta.url));

/** Both stores take 1280×800 screenshots; the Chrome Web Store's small promotional tile is 440×280. */
export const SCREENSHOT = { width: 1280, height: 800 } as const;
export const TILE = { width: 440, height: 280 } as const;
/** The Chrome Web Store's summary limit (the manifest description); AMO allows 250. */
export const SUMMARY_MAX = 132;

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** PNG colour type 6 (RGBA) or 4 (grey + alpha): the Chrome Web Store wants screenshots and tiles without alpha. */
export function pngHasAlpha(png: Buffer): boolean {
  return png[25] === 6 || png[25] === 4;
}

export async function saveAsset(name: string, png: Buffer): Promise<string> {
  const path = `${STORE}${name}`;
  await mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  await writeFile(path, png);
  return path;
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

export async function iconDataUrl(size: number): Promise<string> {
  return dataUrl(await readFile(`${ICON}${size}.png`));
}

/**
 * A 1280×800 stage for the popup: the page behind it, a browser toolbar with Rollbreak's 16 px icon (drawn
 * at its real size), and the popup hanging from the icon, as a browser shows it.
 */
export async function popupStage(page: Buffer, popup: Buffer, dark: boolean): Promise<string> {
  const bar = dark ? '#202124' : '#dee1e6';
  const field = dark ? '#35363a' : '#fff';
  const ink = dark ? '#e8eaed' : '#3c4043';
  return `<!doctype html><html><head><style>
    html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; background: ${bar}; font: 13px system-ui, sans-serif; color: ${ink}; }
    .bar { height: 44px; display: flex; align-items: center; gap: 12px; padding: 0 12px; }
    .dot { width: 12px; height: 12px; border-radius: 50%; background: ${dark ? '#5f6368' : '#bdc1c6'}; }
    .url { flex: 1; height: 30px; border-radius: 15px; background: ${field}; display: flex; align-items: center; padding: 0 16px; }
    .icon { width: 28px; height: 28px; border-radius: 6px; display: grid; place-items: center; background: ${dark ? '#3c4043' : '#c4c7cc'}; }
    .icon img { width: 16px; height: 16px; }
    .page { display: block; width: 1280px; height: 756px; object-fit: cover; object-position: top; }
    .popup { position: absolute; top: 46px; right: 10px; border-radius: 10px; overflow: hidden;
             box-shadow: 0 12px 40px rgba(0,0,0,.35), 0 0 0 1px rgba(0,0,0,.12); max-height: 748px; }
    .popup img { display: block; }
  </style></head><body>
    <div class="bar"><span class="dot"></span><span class="dot"></span><span class="dot"></span>
      <span class="url">thedailystretch.example/sitting-less-moving-more</span>
      <span class="icon"><img alt="" src="${await iconDataUrl(16)}"></span></div>
    <img class="page" alt="" src="${dataUrl(page)}">
    <div class="popup"><img alt="" src="${dataUrl(popup)}"></div>
  </body></html>`;
}

/** The 440×280 promotional tile: the icon, the name, a line from messages.json and the timer card beside them. */
export async function promoTile(timerCard: Buffer, name: string, tagline: string): Promise<string> {
  return `<!doctype html><html><head><style>
    html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; }
    body { position: relative; background: linear-gradient(135deg, #0f766e, #115e59 60%, #134e4a); color: #fff; font: 14px/1.35 system-ui, sans-serif; }
    .text { position: absolute; left: 24px; top: 0; bottom: 0; width: 210px; display: flex; flex-direction: column; justify-content: center; }
    .icon { width: 72px; height: 72px; margin: 0 0 0 -9px; }
    h1 { font-size: 32px; margin: 2px 0 6px; letter-spacing: -0.01em; }
    p { margin: 0; color: #ccfbf1; font-size: 15px; font-weight: 500; }
    .card { position: absolute; left: 252px; top: 26px; width: 210px; transform: rotate(-4deg); transform-origin: top left;
            border-radius: 12px; box-shadow: 0 16px 36px rgba(0,0,0,.45); }
  </style></head><body>
    <div class="text"><img class="icon" alt="" src="${await iconDataUrl(128)}"><h1>${name}</h1><p>${tagline}</p></div>
    <img class="card" alt="" src="${dataUrl(timerCard)}">
  </body></html>`;
}

interface Message {
  message: string;
}

/**
 * The listing text for every shipped locale, from its messages.json: the summary is the manifest's
 * description (the stores show it as is), the long description the `storeLongDescription` message.
 * Returns the files written.
 */
export async function writeListings(): Promise<Array<{ locale: string; summary: string; description: string; path: string }>> {
  const out = [];
  for (const locale of (await readdir(LOCALES)).sort()) {
    const messages = JSON.parse(await readFile(`${LOCALES}${locale}/messages.json`, 'utf8')) as Record<string, Message>;
    const summary = messages.extDescription!.message;
    const description = messages.storeLongDescription!.message;
    const text = [
      `# ${messages.extName!.message}: store listing (${locale})`,
      '',
      'Made from public/_locales/' + locale + '/messages.json by `npm run store:assets`; edit the messages, not this file.',
      '',
      `## Summary (extDescription, ${summary.length} characters: Chrome Web Store ≤ 132, AMO ≤ 250)`,
      '',
      summary,
      '',
      '## Description (storeLongDescription)',
      '',
      description,
      '',
    ].join('\n');
    const path = await saveAsset(`listing/${locale}.md`, Buffer.from(text));
    out.push({ locale, summary, description, path });
  }
  return out;
}

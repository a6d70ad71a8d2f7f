/**
 * The Chrome build's popup in every shipped language: `popup-<locale>.html`, the built popup.html with the
 * start view already rendered in the body, the page's lang, dir and title set, so the browser has the
 * person's language on screen from the first frame, before any script runs. The background points the
 * toolbar button at the person's page (lib/background/start/popup-page.ts). Firefox keeps the plain popup.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'vite';
import { SHIPPED_LOCALES, messageOf } from '../lib/i18n/locales';
import { popupPageFor } from '../lib/i18n/locales';

type Messages = Parameters<typeof messageOf>[0];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export async function prerenderPopups(root: string, outDir: string): Promise<string[]> {
  const template = await readFile(join(outDir, 'popup.html'), 'utf8');
  if (!template.includes('<div id="app"></div>') || !template.includes('<html>'))
    throw new Error('popup.html changed: the prerender looks for <html> and <div id="app"></div>');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    define: { 'import.meta.env.ROLLBREAK_E2E': 'false' },
  });
  // The browser's i18n, answering in the locale being rendered; nothing else is reached while rendering.
  let messages: Messages = {};
  let locale = 'en';
  const scope = globalThis as { chrome?: unknown };
  const before = scope.chrome;
  scope.chrome = {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) => messageOf(messages, key, subs),
      getUILanguage: () => locale.replace('_', '-'),
    },
  };
  const written: string[] = [];
  try {
    const { prerenderPopup } = (await server.ssrLoadModule('/components/popup/prerender.tsx')) as {
      prerenderPopup(): string;
    };
    for (const shipped of SHIPPED_LOCALES) {
      locale = shipped;
      messages = JSON.parse(await readFile(join(root, 'public/_locales', shipped, 'messages.json'), 'utf8')) as Messages;
      const lang = escapeHtml(messageOf(messages, 'lang'));
      const dir = escapeHtml(messageOf(messages, 'dir'));
      // A <title> here is safe: WXT reads the tooltip from popup.html only (the manifest's __MSG_actionTitle__).
      const html = template
        .replace(/\s*<!--[\s\S]*?-->/g, '')
        .replace('<html>', `<html lang="${lang}" dir="${dir}">`)
        .replace('</head>', `  <title>${escapeHtml(messageOf(messages, 'extName'))}</title>\n  </head>`)
        .replace('<div id="app"></div>', () => `<div id="app">${prerenderPopup()}</div>`);
      const file = popupPageFor(shipped);
      await writeFile(join(outDir, file), html);
      written.push(file);
    }
  } finally {
    scope.chrome = before;
    await server.close();
  }
  return written;
}

import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens the same browsers the tests use: Debian's by default, or the ones the
// ROLLBREAK_CHROMIUM / ROLLBREAK_FIREFOX variables name. Otherwise WXT finds an installed Chrome itself.
const chrome = process.env.ROLLBREAK_CHROMIUM ?? '/usr/bin/chromium';
const firefox = process.env.ROLLBREAK_FIREFOX ?? '/usr/bin/firefox-esr';
const binaries: Record<string, string> = {};
if (existsSync(chrome)) binaries.chrome = chrome;
if (existsSync(firefox)) binaries.firefox = firefox;

export default defineWebExtConfig({
  binaries,
  // Chromium refuses to start as root without this (containers, CI machines).
  ...(process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {}),
});

import { fileURLToPath } from 'node:url';

/** Browser binaries: Debian's by default, overridable for other systems. */
export const CHROMIUM_PATH = process.env.ROLLBREAK_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.ROLLBREAK_FIREFOX ?? '/usr/bin/firefox-esr';
export const FAKETIME_LIB = process.env.ROLLBREAK_FAKETIME_LIB ?? '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** The e2e builds (`ROLLBREAK_E2E=1`), made once before the suite by tests/e2e/global-setup.ts. */
export const CHROME_BUILD = fileURLToPath(new URL('../../../.output-e2e/chrome-mv3', import.meta.url));
export const FIREFOX_BUILD = fileURLToPath(new URL('../../../.output-e2e/firefox-mv3', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

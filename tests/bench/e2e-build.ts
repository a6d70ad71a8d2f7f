import { execFileSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Builds the e2e build (`.output-e2e/chrome-mv3`: the product plus the marks the bench reads) the bench's
 * Chromium parts load. ROLLBREAK_SKIP_BUILD=1 keeps the one already there, as in the e2e suite.
 */
export function buildE2e(): void {
  if (process.env.ROLLBREAK_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', ROLLBREAK_E2E: '1' },
  });
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Builds the e2e variants of both browsers' extensions once, before any browser starts. The two builds
 * are independent and each leaves a core idle much of the time, so they run side by side.
 */
export default async function setup() {
  if (process.env.ROLLBREAK_SKIP_BUILD === '1') return;
  // Production mode, as the store builds: the e2e builds differ only where ROLLBREAK_E2E says so.
  const env = { ...process.env, ROLLBREAK_E2E: '1', NODE_ENV: 'production' };
  await Promise.all([['build'], ['build', '-b', 'firefox']].map((args) => run('npx', ['wxt', ...args], { env })));
}

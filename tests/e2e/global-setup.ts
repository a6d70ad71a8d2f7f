import { execFileSync } from 'node:child_process';

/** Builds the e2e variants of both browsers' extensions once, before any browser starts. */
export default function setup() {
  if (process.env.ROLLBREAK_SKIP_BUILD === '1') return;
  // Production mode, as the store builds: the e2e builds differ only where ROLLBREAK_E2E says so.
  const env = { ...process.env, ROLLBREAK_E2E: '1', NODE_ENV: 'production' };
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    execFileSync('npx', ['wxt', ...args], { env, stdio: 'ignore' });
  }
}

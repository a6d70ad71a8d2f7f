import { execFileSync } from 'node:child_process';

/** Builds the e2e variants of both browsers' extensions once, before any browser starts. */
export default function setup() {
  if (process.env.ROLLBREAK_SKIP_BUILD === '1') return;
  const env = { ...process.env, ROLLBREAK_E2E: '1' };
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    execFileSync('npx', ['wxt', ...args], { env, stdio: 'ignore' });
  }
}

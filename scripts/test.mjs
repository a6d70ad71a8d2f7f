// `npm test`: the type check, the dependency rules, the e2e builds and the unit tests side by side, then the
// end-to-end tests in both browsers. Two cores are the aim: the unit tests keep both busy most of the time,
// and the other three (about 70 CPU seconds, each mostly one core) fill the moments they leave, instead of
// running one after another before and after them. The browsers come last, alone: a test there waits on a
// browser that a busy machine makes slow. Nothing here times anything; it only runs commands and fails with
// the first that fails.
import { spawn } from 'node:child_process';

/** Runs a command; its output is kept and printed when it ends, unless it streams (the tests' progress). */
function run(name, command, args, { env = {}, stream = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: stream ? 'inherit' : 'pipe' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => {
      if (!stream && (code !== 0 || output.trim())) process.stdout.write(`\n── ${name} ──\n${output}`);
      if (code !== 0) console.error(`\n✖ ${name} failed (exit ${code})`);
      resolve(code === 0);
    });
  });
}

// The e2e builds, as tests/e2e/global-setup.ts makes them when test:e2e runs alone (production mode, as the
// store builds; they differ only where ROLLBREAK_E2E says so).
const e2eBuild = { ROLLBREAK_E2E: '1', NODE_ENV: 'production' };
const side = [
  run('type check', 'npx', ['tsc', '--noEmit']),
  run('dependency rules', 'npx', ['depcruise', 'lib', 'components', 'entrypoints', '--config', '.dependency-cruiser.cjs']),
  run('e2e build (Chromium)', 'npx', ['wxt', 'build'], { env: e2eBuild }),
  run('e2e build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox'], { env: e2eBuild }),
];
const unit = run('unit tests', 'npx', ['vitest', 'run'], { stream: true });
const first = await Promise.all([unit, ...side]);
if (first.includes(false)) process.exit(1);

const e2e = await run('e2e tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts'], {
  env: { ROLLBREAK_SKIP_BUILD: '1' },
  stream: true,
});
process.exit(e2e ? 0 : 1);

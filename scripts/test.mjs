// `npm test`: the type check, the dependency rules, the e2e builds and the unit tests start together; the
// end-to-end tests in both browsers start as soon as their builds are there, beside the rest of the unit
// tests. On two cores nothing here is alone worth both: the unit tests are busy CPU but stall between
// files, a browser test mostly waits on its browser, and the type check and builds are one core each. Run
// one after another they left about half the machine idle (380 CPU seconds in a 7-minute run).
// ROLLBREAK_TEST_SEQUENTIAL=1 starts the browsers only after the unit tests (to compare, or on a machine
// too busy for both). Nothing here times anything: it runs commands and fails if any of them fails.
import { spawn } from 'node:child_process';

/**
 * Runs a command. The browsers' progress streams; every other command's output is kept and printed when it
 * ends (the unit tests' report too, so the two test runs do not interleave line by line).
 */
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
const builds = Promise.all([
  run('e2e build (Chromium)', 'npx', ['wxt', 'build'], { env: e2eBuild }),
  run('e2e build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox'], { env: e2eBuild }),
]).then((ok) => ok.every(Boolean));
const checks = [
  run('type check', 'npx', ['tsc', '--noEmit']),
  run('dependency rules', 'npx', ['depcruise', 'lib', 'components', 'entrypoints', '--config', '.dependency-cruiser.cjs']),
];
const unit = run('unit tests', 'npx', ['vitest', 'run']);
const sequential = process.env.ROLLBREAK_TEST_SEQUENTIAL === '1';
const e2e = Promise.all([builds, sequential ? unit : true]).then(([built]) =>
  built
    ? run('e2e tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts'], {
        env: { ROLLBREAK_SKIP_BUILD: '1' },
        stream: true,
      })
    : false,
);
const results = await Promise.all([...checks, unit, e2e]);
process.exit(results.every(Boolean) ? 0 : 1);

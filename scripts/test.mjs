// `npm test`: the type check, the dependency rules and the two e2e builds start together; the end-to-end
// tests in both browsers start as soon as the builds are there, and the unit tests run beside everything at
// the lowest CPU priority (nice 19). The browser tests follow a break on the real clock, so they must not
// wait for a core: at nice 19 the unit tests get only what the browsers leave, and the browsers leave a lot
// (a browser test mostly waits on the browser). Run one after the other, the two left about a third of the
// two cores idle and took 7 minutes. The unit tests' time limits are stretched eightfold in this run
// (ROLLBREAK_TEST_PATIENCE, tests/unit/patience.ts), as a starved file can take several times its usual
// time; `npm run test:unit` alone keeps the usual limits.
// ROLLBREAK_TEST_SEQUENTIAL=1 runs the unit tests first and the browsers after them, each with the whole
// machine (to tell a load-dependent failure from a real one). Nothing here times anything: it runs commands
// and fails if any of them fails.
import { spawn } from 'node:child_process';

/**
 * Runs a command. The tests' progress streams (the unit tests' is kept while the browsers run beside them, so
 * the two reports do not interleave line by line); every other command's output is printed when it ends.
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
const sequential = process.env.ROLLBREAK_TEST_SEQUENTIAL === '1';
// The checks wait on no clock either: they too take what the builds and the browsers leave.
const low = (command, args) => (sequential ? [command, args] : ['nice', ['-n', '19', command, ...args]]);
const checks = [
  run('type check', ...low('npx', ['tsc', '--noEmit'])),
  run(
    'dependency rules',
    ...low('npx', ['depcruise', 'lib', 'components', 'entrypoints', '--config', '.dependency-cruiser.cjs']),
  ),
];
const unit = sequential
  ? run('unit tests', 'npx', ['vitest', 'run'], { stream: true })
  : run('unit tests', ...low('npx', ['vitest', 'run']), { env: { ROLLBREAK_TEST_PATIENCE: '8' } });
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

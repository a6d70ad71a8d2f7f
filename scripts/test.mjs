// `npm test`: the type check, the dependency rules, the two e2e builds and the unit tests run side by side;
// then the end-to-end tests in both browsers. On two cores the unit tests keep both busy but stall between
// files, and the type check and builds are one core each: run one after another they left about half the
// machine idle (380 CPU seconds in a 7-minute run). The browsers run after the unit tests by default: their
// tests follow a break on the real clock, and a machine busy with both let a step run out under a test
// (measured on a loaded machine). ROLLBREAK_TEST_OVERLAP=1 starts them as soon as their builds are there,
// beside the unit tests. One e2e file is the exception: the 25,000-break History test follows no clock (it
// syncs a log and compares figures, with generous waits) and is the longest file, so it starts beside the
// unit tests as soon as the Chromium build is there instead of running last. Nothing here times anything:
// it runs commands and fails if any of them fails.
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
const chromiumBuild = run('e2e build (Chromium)', 'npx', ['wxt', 'build'], { env: e2eBuild });
const builds = Promise.all([
  chromiumBuild,
  run('e2e build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox'], { env: e2eBuild }),
]).then((ok) => ok.every(Boolean));
const checks = [
  run('type check', 'npx', ['tsc', '--noEmit']),
  run('dependency rules', 'npx', ['depcruise', 'lib', 'components', 'entrypoints', '--config', '.dependency-cruiser.cjs']),
];
const overlap = process.env.ROLLBREAK_TEST_OVERLAP === '1';
const unit = run('unit tests', 'npx', ['vitest', 'run'], { stream: !overlap });
const early = 'tests/e2e/chromium-history-large.e2e.ts';
const e2eEarly = chromiumBuild.then((built) =>
  built
    ? run('e2e test of 25,000 synced breaks', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', early], {
        env: { ROLLBREAK_SKIP_BUILD: '1' },
      })
    : false,
);
const e2e = Promise.all([builds, overlap ? true : unit]).then(([built]) =>
  built
    ? run('e2e tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--exclude', early], {
        env: { ROLLBREAK_SKIP_BUILD: '1' },
        stream: true,
      })
    : false,
);
const results = await Promise.all([...checks, unit, e2eEarly, e2e]);
process.exit(results.every(Boolean) ? 0 : 1);

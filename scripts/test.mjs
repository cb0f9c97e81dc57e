// `npm test`: installs, then runs every check and test of the repository, and ends
// with one summary line of all test counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, install, root, toolEnv } from './bootstrap.mjs';

install();

const reportDir = mkdtempSync(path.join(tmpdir(), 'atelier-test-report-'));
const env = {
  ...toolEnv(),
  ATELIER_TEST_REPORT_DIR: reportDir,
  FORCE_COLOR: '1',
};
const turbo = (task, ...extra) => [
  bin('turbo'),
  // --continue: one failing package must not stop the others, so that the counts are complete.
  ['run', task, '--concurrency=2', '--continue', '--output-logs=full', ...extra],
];

const steps = [
  ['format check (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['typecheck (tsc, svelte-check)', ...turbo('check')],
  ['typecheck (launcher scripts)', bin('tsc'), ['-p', '.']],
  ['build', ...turbo('build', '--filter=@atelier/web')],
  ['unit and integration tests', ...turbo('test')],
  // Alone on the machine: its 5 s convergence limit is a measure of the servers, not of how many
  // other test processes share the two cores (beside the other suites, one run took 5.3 s).
  [
    'realtime fault suite (one run of each fault)',
    path.join(root, 'apps/realtime/node_modules/.bin/vitest'),
    ['run', '--config', 'vitest.faults.config.ts'],
    'apps/realtime',
    { FAULT_RUNS: '1' },
  ],
  [
    'browser tests (Chromium)',
    path.join(root, 'tests/node_modules/.bin/vitest'),
    ['run', '--config', 'vitest.e2e.config.ts'],
    'tests',
  ],
];

const results = [];
for (const [name, command, args, cwd = '.', extraEnv = {}] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: path.join(root, cwd),
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  results.push({ name, ok: result.status === 0, seconds: (Date.now() - started) / 1000 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
/** Each failed test (or file that failed before its tests ran), with the first line of its error. */
const failures = [];
// eslint-disable-next-line no-control-regex -- the reporter's colour codes
const colours = /\u001b\[[0-9;]*m/g;
const firstLine = (text) =>
  (text ?? '')
    .replace(colours, '')
    .split('\n')
    .find((line) => line.trim()) ?? '';
for (const file of readdirSync(reportDir)) {
  const report = JSON.parse(readFileSync(path.join(reportDir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const where = path.relative(root, suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests)
      failures.push(`${where} › ${test.fullName}\n      ${firstLine(test.failureMessages?.[0])}`);
    if (suite.status === 'failed' && failedTests.length === 0)
      failures.push(`${where}\n      ${firstLine(suite.message)}`);
  }
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✖'} ${r.name} (${r.seconds.toFixed(1)} s)`);
// At the end, so that a log cut to its tail still names what failed.
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const failure of failures) console.log(`  ✖ ${failure}`);
}
const failedSteps = results.filter((r) => !r.ok).length;
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
rmSync(reportDir, { recursive: true, force: true });
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);

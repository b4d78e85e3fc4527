#!/usr/bin/env node
// `npm test`: builds the server and the client, then runs unit tests, the e2e suites (on embedded
// PGlite, and again on Postgres and Redis when DATABASE_URL / REDIS_URL are set) and the browser
// journeys. Ends with one line "N passed, N failed, N skipped" summing every phase.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const artifacts = join(root, 'test/.artifacts');
mkdirSync(artifacts, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const only = process.argv.slice(2);

function run(label, command, args, env) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const embeddedEnv = { DATABASE_URL: '', REDIS_URL: '' };
// Most e2e and browser time is spent waiting (on a killed process, a retry, a mail queue, a page), so
// two specs at a time finish sooner even on two cores; jest's default would run them one by one.
const twoAtATime = ['--maxWorkers=2'];
const phases = [
  { name: 'unit', project: 'unit', env: {}, args: [] },
  { name: 'e2e (embedded PGlite)', project: 'e2e', env: embeddedEnv, args: twoAtATime },
  ...(process.env.DATABASE_URL
    ? [{ name: `e2e (Postgres${process.env.REDIS_URL ? ' + Redis' : ''})`, project: 'e2e', env: {}, args: twoAtATime }]
    : []),
  { name: 'browser journeys', project: 'browser', env: embeddedEnv, args: twoAtATime },
].filter((phase) => only.length === 0 || only.includes(phase.project));

if (run('build', 'npm', ['run', '--silent', 'build']) !== 0) {
  console.error('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedPhases = [];
phases.forEach((phase, index) => {
  const output = join(artifacts, `jest-${index}.json`);
  const status = run(phase.name, npx, ['jest', '--selectProjects', phase.project, ...phase.args, '--json', `--outputFile=${output}`, '--forceExit'], phase.env);
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) totals.failed += report.numFailedTestSuites;
  } else if (status !== 0) {
    totals.failed += 1;
  }
  if (status !== 0) failedPhases.push(phase.name);
});

console.log(`\n${failedPhases.length ? `failed phases: ${failedPhases.join(', ')}` : 'every phase passed'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPhases.length ? 1 : 0);

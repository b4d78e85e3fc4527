#!/usr/bin/env node
// `npm run bench [name...]`: builds the server, then runs every test/bench/*.bench.ts (or the
// named ones) in turn. Each benchmark prints its own figures and a ratio against a baseline it
// measures in the same run.
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const wanted = process.argv.slice(2);
const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

if (spawnSync('npm', ['run', '--silent', 'build:api'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
let failed = 0;
for (const bench of benches) {
  console.log(`\n##### ${bench}`);
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, bench)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
    },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
// `npm start`: builds the server and the web client only when their sources changed since the
// last build (scripts/build-stamp.js), says what the first start is doing, then runs the server.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { upToDate } = require('./build-stamp');
const { serverEnv } = require('./server-runtime');

const root = join(__dirname, '..');

if (upToDate()) {
  console.log('Mutuals Network: sources unchanged since the last build, starting the server.');
} else {
  console.log('Mutuals Network: building the server and the web client (the sources changed since the last build, or there is none; this takes a minute)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed: see the errors above.');
    process.exit(build.status ?? 1);
  }
}

// The embedded database is made on the first start; say so, as it takes a moment.
const dataDir = process.env.DATA_DIR || './data';
if (!process.env.DATABASE_URL && !existsSync(join(dataDir, 'pg'))) {
  console.log(`Mutuals Network: creating the embedded database under ${dataDir} (first start only).`);
}

const server = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: serverEnv(process.env),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

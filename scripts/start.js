#!/usr/bin/env node
// `npm start`: builds the server and the web client only when their sources changed since the
// last build (a hash of apps/, libs/ and the build's configuration against the stamp the last
// build left in dist/), says what the first start is doing, then runs the built server.
const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const stampFile = join(root, 'dist/.build-stamp');
const outputs = [join(root, 'dist/apps/api/src/main.js'), join(root, 'dist/web/index.html')];
const configFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

/** Every file a build reads, in a stable order (tests are not built). */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
      return /\.spec\.ts$/.test(entry.name) ? [] : [path];
    });
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = [...sourceFiles(join(root, 'apps')), ...sourceFiles(join(root, 'libs')), ...configFiles.map((f) => join(root, f)).filter(existsSync)];
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const current = sourceHash();
const built = outputs.every(existsSync) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === current;
if (built) {
  console.log('Mutuals Network: sources unchanged since the last build, starting the server.');
} else {
  console.log('Mutuals Network: building the server and the web client (the sources changed since the last build, or there is none; this takes a minute)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed: see the errors above.');
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampFile, `${current}\n`);
}

// The embedded database is made on the first start; say so, as it takes a moment.
const dataDir = process.env.DATA_DIR || './data';
if (!process.env.DATABASE_URL && !existsSync(join(dataDir, 'pg'))) {
  console.log(`Mutuals Network: creating the embedded database under ${dataDir} (first start only).`);
}

const server = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

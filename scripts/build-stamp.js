#!/usr/bin/env node
// The build's stamp: a hash of every source a build reads (apps/, libs/ without tests, and the
// build configuration). `npm run build` writes it to dist/ when done (run directly); `npm start`
// compares it to skip a build nothing needs.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const stampFile = join(root, 'dist/.build-stamp');
const outputs = [join(root, 'dist/apps/api/src/main.js'), join(root, 'dist/web/index.html')];
const configFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'docs/openapi.json', 'docs/asyncapi.json'];

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

/** True when dist/ holds a build of exactly the current sources. */
function upToDate() {
  return outputs.every(existsSync) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === sourceHash();
}

function writeStamp() {
  writeFileSync(stampFile, `${sourceHash()}\n`);
}

module.exports = { upToDate, writeStamp };

if (require.main === module) writeStamp();

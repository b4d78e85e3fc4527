// `npm run openapi` writes docs/openapi.json from the app itself, built as the server builds it but
// never listening (on a throw-away embedded database); `npm run openapi:check` (CI) fails when the
// committed document differs from what the code describes, so every contract change shows in review.
import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig } from '@mutuals/core';
import { createApp } from '../apps/api/src/bootstrap';
import { createOpenApiDocument } from '../apps/api/src/openapi';

const TARGET = join(__dirname, '../docs/openapi.json');

async function generate(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mn-openapi-'));
  try {
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false', RATE_LIMITS: 'false' }));
    try {
      return `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const document = await generate();
  const name = relative(process.cwd(), TARGET);
  if (!process.argv.includes('--check')) {
    writeFileSync(TARGET, document);
    console.log(`wrote ${name}`);
    return;
  }
  if (!existsSync(TARGET) || readFileSync(TARGET, 'utf8') !== document) {
    console.error(`${name} is out of date with the code: run \`npm run openapi\` and commit the result.`);
    process.exitCode = 1;
    return;
  }
  console.log(`${name} is up to date`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

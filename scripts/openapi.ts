// `npm run openapi` writes docs/openapi.json (and docs/asyncapi.json, the socket events) from the
// app itself, built as the server builds it but never listening (on a throw-away embedded
// database); `npm run openapi:check` (CI) fails when a committed document differs from what the
// code describes, or when an operation is not described (no @Endpoint, a request body of no
// contracts type...), so every contract change shows in review.
import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig } from '@mutuals/core';
import { createApp } from '../apps/api/src/bootstrap';
import { buildApiDocuments } from './openapi/build-document';

const DOCS = join(__dirname, '../docs');

/** File name -> contents, as committed. */
async function generate(): Promise<Map<string, string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mn-openapi-'));
  try {
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false', RATE_LIMITS: 'false' }));
    try {
      const { openapi, asyncapi } = buildApiDocuments(app);
      const text = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
      return new Map([
        ['openapi.json', text(openapi)],
        ['asyncapi.json', text(asyncapi)],
      ]);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  for (const [file, document] of await generate()) {
    const target = join(DOCS, file);
    const name = relative(process.cwd(), target);
    if (!check) {
      writeFileSync(target, document);
      console.log(`wrote ${name}`);
    } else if (!existsSync(target) || readFileSync(target, 'utf8') !== document) {
      console.error(`${name} is out of date with the code: run \`npm run openapi\` and commit the result.`);
      process.exitCode = 1;
    } else {
      console.log(`${name} is up to date`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error && error.constructor !== Error ? error.message : error);
  process.exitCode = 1;
});

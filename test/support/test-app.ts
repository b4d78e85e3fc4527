import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { AppConfig, loadConfig } from '@mutuals/core';
import { createApp } from '../../apps/api/src/bootstrap';
import { checkAnswersAgainstContract } from './contract-conformance';

export interface TestApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share one database between processes under test (two replicas); made fresh otherwise. */
  databaseUrl?: string;
  redisKeyPrefix?: string;
  rateLimits?: boolean;
  env?: Record<string, string>;
}

/** Postgres when the environment names one (CI), else embedded PGlite in memory. */
export const usingServerDatabase = (): boolean => Boolean(process.env.DATABASE_URL);
export const usingRedis = (): boolean => Boolean(process.env.REDIS_URL);

/**
 * A database of its own on the configured server, so that no test sees another's rows. Under jest
 * it is a copy of the run's migrated template (test/support/e2e-global-setup.js), made in a
 * fraction of the time migrating takes; elsewhere (benchmarks) it starts empty and the app migrates it.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL as string;
  const name = `mn_test_${randomBytes(6).toString('hex')}`;
  const template = process.env.MN_TEST_TEMPLATE_DATABASE;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The processes a cache test reads from: `one` takes the changes, every one of `readers` must show them. */
export interface Replicas {
  /** Two processes sharing a scratch database and a Redis key prefix (Postgres + Redis), else one. */
  shared: boolean;
  one: TestApp;
  readers: TestApp[];
  close(): Promise<void>;
}

/** On Postgres + Redis two api processes sharing them, else one (rate limits off: tests post a lot). */
export async function startReplicas(): Promise<Replicas> {
  if (!(usingServerDatabase() && usingRedis())) {
    const one = await startTestApp({ rateLimits: false });
    return { shared: false, one, readers: [one], close: () => one.close() };
  }
  const database = await createScratchDatabase();
  const redisKeyPrefix = `mn-test-${randomBytes(4).toString('hex')}:`;
  const readers = [
    await startTestApp({ databaseUrl: database.url, redisKeyPrefix, rateLimits: false }),
    await startTestApp({ databaseUrl: database.url, redisKeyPrefix, rateLimits: false }),
  ];
  return {
    shared: true,
    one: readers[0]!,
    readers,
    close: async () => {
      for (const app of readers) await app.close();
      await database.drop();
    },
  };
}

/**
 * A fresh in-memory PGlite in a child process, reached over its socket like the embedded mode;
 * under jest it starts from the run's migrated snapshot (test/support/e2e-global-setup.js).
 */
export async function startEmbeddedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'embedded-database-process.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`embedded database exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return {
    url,
    drop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

/** The real app on a real database, listening on a free loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    scratch = usingServerDatabase() ? await createScratchDatabase() : await startEmbeddedDatabase();
    databaseUrl = scratch.url;
  }
  const embedded = !usingServerDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMITS: options.rateLimits === false ? 'false' : 'true',
    REDIS_KEY_PREFIX: options.redisKeyPrefix ?? `mn-test-${randomBytes(4).toString('hex')}:`,
    DATABASE_URL: databaseUrl,
    ...(embedded && { DATABASE_POOL_SIZE: '1' }),
    ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    ...options.env,
  });
  const app = await createApp(config);
  const contractMismatches = checkAnswersAgainstContract(app.getHttpAdapter().getInstance());
  // A test that must know the app's URL before it starts (OpenID redirect URIs) gives PORT.
  await app.listen({ port: options.env?.PORT ? config.port : 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    close: async () => {
      await app.close();
      await scratch?.drop();
      const mismatches = contractMismatches();
      if (mismatches.length > 0) {
        throw new Error(
          `Answers that differ from docs/openapi.json (fix the code or its @Endpoint, then npm run openapi):\n${mismatches.map((line) => `  - ${line}`).join('\n')}`,
        );
      }
    },
  };
}

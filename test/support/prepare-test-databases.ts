// Run once per e2e run by jest's globalSetup (test/support/e2e-global-setup.js), in a process of
// its own so that TypeORM can load the TypeScript migrations and PGlite its WASM. Migrates one
// database and prints where it is, as JSON on the last line of stdout:
//   with DATABASE_URL, {"templateDatabase": name}: a migrated database that each spec clones;
//   without, {"pgliteSnapshot": path}: a migrated PGlite data directory that each spec loads.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@mutuals/core';

async function migrate(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function templateDatabase(base: string): Promise<{ templateDatabase: string }> {
  const name = `mn_template_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return { templateDatabase: name };
}

async function pgliteSnapshot(): Promise<{ pgliteSnapshot: string }> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  const { port } = (server as unknown as { server: { address(): { port: number } } }).server.address();
  try {
    await migrate(`postgres://postgres@127.0.0.1:${port}/postgres`);
  } finally {
    await server.stop();
  }
  const path = join(tmpdir(), `mn-pglite-${randomBytes(6).toString('hex')}.tar`);
  writeFileSync(path, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
  await db.close();
  return { pgliteSnapshot: path };
}

(process.env.DATABASE_URL ? templateDatabase(process.env.DATABASE_URL) : pgliteSnapshot()).then(
  (prepared) => process.stdout.write(`${JSON.stringify(prepared)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

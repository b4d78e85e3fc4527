#!/usr/bin/env node
// Generates a migration for one lib from the difference between its entities and a scratch
// Postgres database migrated to the current head. Usage:
//   npm run migration:generate -- <lib> <Name>        e.g. npm run migration:generate -- forums CreateForums
// Reads DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) to reach the server.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
require('tsconfig-paths').register({ baseUrl: __dirname + '/..', paths: require('../tsconfig.json').compilerOptions.paths });
require('reflect-metadata');
const { writeFileSync, mkdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require('../libs/core/src/database/data-source-options');

async function main() {
  const [lib, name] = process.argv.slice(2);
  if (!lib || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    console.error('usage: npm run migration:generate -- <lib> <PascalCaseName>');
    process.exit(2);
  }
  const root = resolve(__dirname, '..');
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = `migration_scratch_${process.pid}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(base);
  url.pathname = `/${scratch}`;
  const dataSource = new DataSource({
    ...dataSourceOptions(url.toString(), 1),
    entities: [join(root, `libs/${lib}/src/**/*.entity.ts`)],
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`libs/${lib}: entities and migrations agree; nothing to generate.`);
      return;
    }
    const timestamp = Date.now();
    const quote = (q) => {
      const { query, parameters } = portable(q, scratch);
      return `    await queryRunner.query(\`${query.replace(/`/g, '\\`')}\`${parameters.length ? `, ${JSON.stringify(parameters)}` : ''});`;
    };
    const file = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(quote).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(quote).join('\n')}
  }
}
`;
    const dir = join(root, `libs/${lib}/src/migrations`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${timestamp}-${name}.ts`);
    writeFileSync(path, file);
    console.log(`wrote ${path.slice(root.length + 1)}: read it before committing`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}

/** TypeORM's metadata rows name the database; the scratch one must become whichever runs it. */
function portable(q, scratch) {
  const parameters = q.parameters ?? [];
  const at = parameters.indexOf(scratch);
  if (at < 0) return { query: q.query, parameters };
  const query = q.query.replace(/\$(\d+)/g, (_, n) => {
    const index = Number(n) - 1;
    return index === at ? 'current_database()' : `$${index > at ? index : index + 1}`;
  });
  return { query, parameters: parameters.filter((_, i) => i !== at) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

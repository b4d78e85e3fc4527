import { resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Every lib keeps its migrations in libs/<lib>/src/migrations; they run in timestamp order. */
export const MIGRATION_GLOB = resolve(__dirname, '../../../../libs/*/src/migrations/*.{js,ts}');

export function dataSourceOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: [MIGRATION_GLOB],
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+; nothing to install, which PGlite could not.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // PGlite serves one connection; a real server gets a real pool.
    poolSize: embedded ? 1 : 20,
    extra: embedded ? { max: 1, idleTimeoutMillis: 0 } : { max: 20 },
  };
}

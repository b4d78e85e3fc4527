import { resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { guardedClient } from './guarded-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Every lib keeps its migrations in libs/<lib>/src/migrations; they run in timestamp order. */
export const MIGRATION_GLOB = resolve(__dirname, '../../../../libs/*/src/migrations/*.{js,ts}');

/** `connectTimeoutMs` bounds opening a connection (see guardedClient). */
export function dataSourceOptions(url: string, poolSize: number, connectTimeoutMs = 2_000): DataSourceOptions {
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
    poolSize,
    extra: { max: poolSize, idleTimeoutMillis: poolSize === 1 ? 0 : 30_000, Client: guardedClient(connectTimeoutMs) },
  };
}

import { resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { guardedClient } from './guarded-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Every lib keeps its migrations in libs/<lib>/src/migrations; they run in timestamp order. */
export const MIGRATION_GLOB = resolve(__dirname, '../../../../libs/*/src/migrations/*.{js,ts}');

/**
 * Every statement here is a short OLTP one: Postgres's JIT would compile any plan costed over
 * jit_above_cost (a search of seven words crosses it) at about 80 ms a time, for nothing.
 * PGlite is built without JIT, and its socket takes no startup options.
 */
export const SERVER_SESSION_OPTIONS = '-c jit=off';

/** `connectTimeoutMs` bounds opening a connection (see guardedClient); `sessionOptions` are sent at connection start-up. */
export function dataSourceOptions(url: string, poolSize: number, connectTimeoutMs = 2_000, sessionOptions?: string): DataSourceOptions {
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
    extra: { ...(sessionOptions && { options: sessionOptions }), max: poolSize, idleTimeoutMillis: poolSize === 1 ? 0 : 30_000, Client: guardedClient(connectTimeoutMs) },
  };
}

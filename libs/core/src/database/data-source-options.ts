import { resolve } from 'node:path';
import { Client, ClientConfig } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Every lib keeps its migrations in libs/<lib>/src/migrations; they run in timestamp order. */
export const MIGRATION_GLOB = resolve(__dirname, '../../../../libs/*/src/migrations/*.{js,ts}');

/**
 * Bounds opening a connection to the server, so an unreachable database answers 503 soon. Set on
 * the client, not the pool: the pool's own timeout would also cut requests queued for a free
 * connection under load, which is no outage.
 */
function clientConnectingWithin(connectTimeoutMs: number): typeof Client {
  return class ClientWithConnectTimeout extends Client {
    constructor(config?: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  };
}

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
    extra: { max: poolSize, idleTimeoutMillis: poolSize === 1 ? 0 : 30_000, Client: clientConnectingWithin(connectTimeoutMs) },
  };
}

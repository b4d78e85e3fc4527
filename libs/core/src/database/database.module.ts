import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SERVER_SESSION_OPTIONS, dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { DatabasePoolMetrics } from '../metrics/database-metrics';

/** Where the database is: the configured server, or an embedded PGlite this process starts. */
@Injectable()
export class DatabaseEndpoint implements OnApplicationShutdown {
  private embedded: EmbeddedPostgres | null = null;
  url = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  get poolSize(): number {
    return this.config.databasePoolSize;
  }

  get connectTimeoutMs(): number {
    return this.config.databaseConnectTimeoutMs;
  }

  get sessionOptions(): string | undefined {
    return this.embedded ? undefined : SERVER_SESSION_OPTIONS;
  }

  async open(): Promise<void> {
    if (this.config.databaseUrl) {
      this.url = this.config.databaseUrl;
      return;
    }
    this.embedded = await EmbeddedPostgres.start(this.config.dataDir);
    this.url = this.embedded.url;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    // The embedded server must outlive the pool that talks to it.
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
    this.embedded = null;
  }
}

// Numbers that no other application on the server uses for an advisory lock.
export const MIGRATION_LOCK = 72_676_001;
export const DEMO_SEED_LOCK = 72_676_002;

/**
 * Runs `work` while holding a server-wide advisory lock, so replicas starting together queue
 * instead of doing it twice (running migrations, loading the demo data). The embedded database
 * has one process (its directory is locked) and a pool of one connection that `work` needs.
 */
export async function runExclusively<T>(dataSource: DataSource, lock: number, work: () => Promise<T>): Promise<T> {
  const poolSize = (dataSource.options as { poolSize?: number }).poolSize ?? 1;
  if (poolSize < 2) return work();
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [lock]);
    return await work();
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [lock]).catch(() => undefined);
    await lockHolder.release();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    const endpointModule: DynamicModule = {
      module: class DatabaseEndpointModule {},
      providers: [
        {
          provide: DatabaseEndpoint,
          inject: [APP_CONFIG, ModuleRef],
          useFactory: async (config: AppConfig, moduleRef: ModuleRef) => {
            const endpoint = new DatabaseEndpoint(config, moduleRef);
            await endpoint.open();
            return endpoint;
          },
        },
      ],
      exports: [DatabaseEndpoint],
    };
    return {
      module: DatabaseModule,
      imports: [
        endpointModule,
        TypeOrmModule.forRootAsync({
          imports: [endpointModule],
          inject: [DatabaseEndpoint],
          useFactory: (endpoint: DatabaseEndpoint) => ({
            ...dataSourceOptions(endpoint.url, endpoint.poolSize, endpoint.connectTimeoutMs, endpoint.sessionOptions),
            autoLoadEntities: true,
            retryAttempts: 0,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runExclusively(dataSource, MIGRATION_LOCK, () => dataSource.runMigrations({ transaction: 'each' }));
            return dataSource;
          },
        }),
      ],
      providers: [DatabasePoolMetrics],
      exports: [endpointModule],
    };
  }
}

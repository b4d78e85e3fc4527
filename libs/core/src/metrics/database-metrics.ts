import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

/** The part of pg's Pool the gauge reads. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const watched = new Set<DataSource>();

function poolOf(dataSource: DataSource): PoolCounts | undefined {
  return (dataSource.driver as unknown as { master?: PoolCounts }).master;
}

new Gauge({
  name: 'db_pool_connections',
  help: 'Database pool: connections open ("total"), idle ones, and requests waiting for one ("waiting")',
  labelNames: ['state'],
  collect() {
    const sum = (read: (pool: PoolCounts) => number) =>
      [...watched].reduce((total, dataSource) => {
        const pool = dataSource.isInitialized ? poolOf(dataSource) : undefined;
        return total + (pool ? read(pool) : 0);
      }, 0);
    this.set(
      { state: 'total' },
      sum((pool) => pool.totalCount),
    );
    this.set(
      { state: 'idle' },
      sum((pool) => pool.idleCount),
    );
    this.set(
      { state: 'waiting' },
      sum((pool) => pool.waitingCount),
    );
  },
});

/** Reports this app's pool at /metrics while the app runs (tests run several apps in one process: their pools add up). */
@Injectable()
export class DatabasePoolMetrics implements OnModuleInit, OnApplicationShutdown {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    watched.add(this.dataSource);
  }

  onApplicationShutdown(): void {
    watched.delete(this.dataSource);
  }
}

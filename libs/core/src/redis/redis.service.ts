import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';

/** The shared Redis connection when REDIS_URL is set; null means single-process mode. */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly connections: Redis[] = [];
  readonly client: Redis | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Commands on the shared client never wait long on a Redis that went away: callers degrade.
    this.client = config.redisUrl ? this.connect('main', { commandTimeout: 2000 }) : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** The client while it is connected, else null: callers fall back at once instead of queueing. */
  get ready(): Redis | null {
    return this.client?.status === 'ready' ? this.client : null;
  }

  /** Runs on every (re)connection of the main client, e.g. to put back what a restarted Redis lost. */
  onReady(listener: () => void): void {
    this.client?.on('ready', listener);
  }

  /** A separate connection (pub/sub needs its own); errors are logged, never thrown unhandled. */
  connect(purpose: string, options: RedisOptions = {}): Redis {
    if (!this.config.redisUrl) throw new Error('REDIS_URL is not set');
    const connection = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 3, enableReadyCheck: true, ...options });
    connection.on('error', (error) => this.logger.warn(`redis ${purpose}: ${error.message}`));
    this.connections.push(connection);
    return connection;
  }

  async ping(): Promise<boolean> {
    if (!this.client) return true;
    const client = this.ready;
    if (!client) return false;
    try {
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}

import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@mutuals/core';

/** Enough for every filter combination people use; a flood of odd query strings evicts the oldest. */
const MAX_ENTRIES = 500;

/**
 * The public showcase's rendered pages, feed and sitemap, held in process and keyed by path.
 * Nothing expires by time: a story change clears the cache (see StoriesShowcase), and with
 * REDIS_URL the clearing is published so that every replica clears its own at once.
 */
@Injectable()
export class ShowcaseCache implements OnModuleInit {
  private readonly logger = new Logger('ShowcaseCache');
  private readonly entries = new Map<string, unknown>();
  /** Moves on every clearing: a render that began before it is not kept after it. */
  private generation = 0;
  private readonly channel: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly redis: RedisService,
  ) {
    this.channel = `${config.redisKeyPrefix}stories:changed`;
  }

  onModuleInit(): void {
    if (!this.redis.enabled) return;
    const subscriber = this.redis.connect('stories-cache');
    subscriber.on('message', (channel) => channel === this.channel && this.clearLocal());
    // A replica cut off from Redis may have missed a clearing: it starts afresh when it is back.
    subscriber.on('ready', () => this.clearLocal());
    void subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`could not subscribe: ${error.message}`));
  }

  async get<T>(key: string, render: () => Promise<T>): Promise<T> {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const generation = this.generation;
    const value = await render();
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  /** A story changed: this replica forgets at once, the others when Redis tells them. */
  async invalidate(): Promise<void> {
    this.clearLocal();
    const client = this.redis.ready;
    if (!this.redis.enabled) return;
    if (!client) throw new Error('Redis is unreachable: other replicas could not be told to clear their showcase cache');
    await client.publish(this.channel, '1');
  }

  private clearLocal(): void {
    this.generation++;
    this.entries.clear();
  }
}

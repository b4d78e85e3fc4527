import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { rateLimited } from '../errors/domain-error';
import { RedisService } from '../redis/redis.service';

export interface RateLimit {
  /** What is limited, for the message: "sign-in attempts". */
  name: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters: in Redis when configured, so that every replica counts the same
 * attempts; in process memory otherwise.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  /** Counts one attempt against `key`; throws a 429 DomainError with Retry-After when over. */
  async consume(limit: RateLimit, key: string): Promise<void> {
    if (!this.config.rateLimits) return;
    const { count, retryAfterSeconds } = await this.hit(`${this.config.redisKeyPrefix}rl:${limit.name}:${key}`, limit.windowSeconds);
    if (count > limit.max) {
      throw rateLimited(`Too many ${limit.name}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }

  /** Like consume, but answers instead of throwing (socket handlers answer with an error ack). */
  async allows(limit: RateLimit, key: string): Promise<boolean> {
    if (!this.config.rateLimits) return true;
    const { count } = await this.hit(`${this.config.redisKeyPrefix}rl:${limit.name}:${key}`, limit.windowSeconds);
    return count <= limit.max;
  }

  private async hit(key: string, windowSeconds: number): Promise<{ count: number; retryAfterSeconds: number }> {
    const redis = this.redis.client;
    if (redis) {
      const [[, count], [, ttl]] = (await redis.multi().incr(key).pttl(key).exec()) as [[unknown, number], [unknown, number]];
      if (ttl < 0) await redis.pexpire(key, windowSeconds * 1000);
      return { count, retryAfterSeconds: Math.max(1, Math.ceil((ttl < 0 ? windowSeconds * 1000 : ttl) / 1000)) };
    }
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    window.count++;
    return { count: window.count, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

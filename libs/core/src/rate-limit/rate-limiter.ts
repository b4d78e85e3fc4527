import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { rateLimited } from '../errors/domain-error';
import { RedisService } from '../redis/redis.service';

export interface RateLimit {
  /** What is limited, for the message: "sign-in attempts". */
  name: string;
  max: number;
  windowSeconds: number;
}

// Counts one and answers [count, ms left] in one round trip; the window starts with the first hit.
const HIT_SCRIPT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

// Takes one back, but never makes a key that has expired in the meantime (it would never expire).
const REFUND_SCRIPT = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0`;

/**
 * Fixed-window counters: in Redis when configured, so that every replica counts the same
 * attempts; in process memory otherwise, and while Redis is unreachable (each replica then
 * counts on its own, which is weaker but keeps sign-in and chat working).
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private countingLocally = false;
  private readonly hitScriptSha = createHash('sha1').update(HIT_SCRIPT).digest('hex');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  /** Counts one attempt against `key`; throws a 429 DomainError with Retry-After when over. */
  async consume(limit: RateLimit, key: string): Promise<void> {
    if (!this.config.rateLimits) return;
    const { count, retryAfterSeconds } = await this.hit(this.keyOf(limit, key), limit.windowSeconds);
    if (count > limit.max) {
      throw rateLimited(`Too many ${limit.name}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }

  /** Like consume, but answers instead of throwing (socket handlers answer with an error ack). */
  async allows(limit: RateLimit, key: string): Promise<boolean> {
    if (!this.config.rateLimits) return true;
    const { count } = await this.hit(this.keyOf(limit, key), limit.windowSeconds);
    return count <= limit.max;
  }

  /** Takes back one consumed attempt that turned out not to count (a sign-in that succeeded). */
  async refund(limit: RateLimit, key: string): Promise<void> {
    if (!this.config.rateLimits) return;
    const fullKey = this.keyOf(limit, key);
    const redis = this.redis.ready;
    if (redis) {
      try {
        await redis.eval(REFUND_SCRIPT, 1, fullKey);
        return;
      } catch (error) {
        this.fellBack(error);
      }
    }
    const window = this.windows.get(fullKey);
    if (window && window.count > 0) window.count--;
  }

  private keyOf(limit: RateLimit, key: string): string {
    return `${this.config.redisKeyPrefix}rl:${limit.name}:${key}`;
  }

  private async hit(key: string, windowSeconds: number): Promise<{ count: number; retryAfterSeconds: number }> {
    const redis = this.redis.ready;
    if (redis) {
      try {
        // By its hash; the script itself only when this Redis does not know it yet (first use, a restart).
        const [count, ttl] = (await redis
          .evalsha(this.hitScriptSha, 1, key, windowSeconds * 1000)
          .catch((error: Error) =>
            /NOSCRIPT/.test(error.message) ? redis.eval(HIT_SCRIPT, 1, key, windowSeconds * 1000) : Promise.reject(error),
          )) as [number, number];
        this.backOnRedis();
        return { count, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
      } catch (error) {
        this.fellBack(error);
      }
    } else if (this.redis.enabled) {
      this.fellBack(new Error('not connected'));
    }
    return this.hitInMemory(key, windowSeconds);
  }

  private hitInMemory(key: string, windowSeconds: number): { count: number; retryAfterSeconds: number } {
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

  /** One warning per outage, not one per request. */
  private fellBack(error: unknown): void {
    if (this.countingLocally) return;
    this.countingLocally = true;
    this.logger.warn(`Redis unavailable (${(error as Error).message}): rate limits count in this process until it returns`);
  }

  private backOnRedis(): void {
    if (!this.countingLocally) return;
    this.countingLocally = false;
    this.logger.warn('Redis is back: rate limits are shared again');
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

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

// Counts one against each key (ARGV[i] is its window in ms) and answers [count, ms left] for each,
// in one round trip; a window starts with its first hit.
const HIT_SCRIPT = `local answer = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, ARGV[i]) ttl = tonumber(ARGV[i]) end
  answer[2 * i - 1] = count
  answer[2 * i] = ttl
end
return answer`;

/** One budget drawn on by one caller: the limit and whose attempts count against it. */
export interface RateLimitHit {
  limit: RateLimit;
  key: string;
}

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
  consume(limit: RateLimit, key: string): Promise<void> {
    return this.consumeEach([{ limit, key }]);
  }

  /**
   * Counts one attempt against each budget in one round trip (a chat send draws on the socket
   * budget and the send budget at once); throws for the first that is over, having counted all.
   */
  async consumeEach(hits: RateLimitHit[]): Promise<void> {
    if (!this.config.rateLimits) return;
    const counts = await this.hit(hits.map(({ limit, key }) => ({ key: this.keyOf(limit, key), windowSeconds: limit.windowSeconds })));
    hits.forEach(({ limit }, i) => {
      const { count, retryAfterSeconds } = counts[i]!;
      if (count > limit.max) throw rateLimited(`Too many ${limit.name}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
    });
  }

  /** Like consume, but answers instead of throwing (socket handlers answer with an error ack). */
  async allows(limit: RateLimit, key: string): Promise<boolean> {
    if (!this.config.rateLimits) return true;
    const [window] = await this.hit([{ key: this.keyOf(limit, key), windowSeconds: limit.windowSeconds }]);
    return window!.count <= limit.max;
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

  private async hit(windows: { key: string; windowSeconds: number }[]): Promise<{ count: number; retryAfterSeconds: number }[]> {
    const redis = this.redis.ready;
    if (redis) {
      try {
        const args: (string | number)[] = [...windows.map((w) => w.key), ...windows.map((w) => w.windowSeconds * 1000)];
        // By its hash; the script itself only when this Redis does not know it yet (first use, a restart).
        const answer = (await redis
          .evalsha(this.hitScriptSha, windows.length, ...args)
          .catch((error: Error) =>
            /NOSCRIPT/.test(error.message) ? redis.eval(HIT_SCRIPT, windows.length, ...args) : Promise.reject(error),
          )) as number[];
        this.backOnRedis();
        return windows.map((_, i) => ({ count: answer[2 * i]!, retryAfterSeconds: Math.max(1, Math.ceil(answer[2 * i + 1]! / 1000)) }));
      } catch (error) {
        this.fellBack(error);
      }
    } else if (this.redis.enabled) {
      this.fellBack(new Error('not connected'));
    }
    return windows.map((w) => this.hitInMemory(w.key, w.windowSeconds));
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

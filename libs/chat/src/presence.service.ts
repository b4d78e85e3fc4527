import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, RedisService } from '@mutuals/core';

/** How long a socket counts as connected without a heartbeat from its process (a killed replica). */
const ENTRY_TTL_MS = 45_000;
const HEARTBEAT_MS = 15_000;

/**
 * A member is online while any socket of theirs is connected anywhere. With Redis each member has
 * a sorted set of "<process>:<socket>" scored by expiry, refreshed by heartbeats, so a replica that
 * dies without cleaning up stops counting within ENTRY_TTL_MS; without Redis, a map in memory.
 * While Redis is away this process answers from its own sockets (a warning says so), and puts
 * them all back the moment Redis returns, so nobody shows offline until the next heartbeat.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private readonly processId = randomUUID();
  private readonly local = new Map<string, Set<string>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private degraded = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  onModuleInit(): void {
    if (!this.redis.client) return;
    this.heartbeat = setInterval(() => void this.refresh(), HEARTBEAT_MS);
    this.heartbeat.unref();
    // A Redis that restarted has lost every entry; a long outage let them expire.
    this.redis.onReady(() => void this.refresh());
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    // A clean shutdown takes its sockets out at once rather than waiting for expiry.
    const redis = this.redis.client;
    if (!redis || this.local.size === 0) return;
    const batch = redis.multi();
    for (const [userId, sockets] of this.local) for (const socketId of sockets) batch.zrem(this.key(userId), this.member(socketId));
    await batch.exec().catch(() => undefined);
  }

  private key(userId: string): string {
    return `${this.config.redisKeyPrefix}presence:${userId}`;
  }

  private member(socketId: string): string {
    return `${this.processId}:${socketId}`;
  }

  /** Records a connected socket; true when it made the member come online. */
  async connected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.local.get(userId) ?? new Set<string>();
    sockets.add(socketId);
    this.local.set(userId, sockets);
    return this.shared(
      async (redis) => {
        const now = Date.now();
        const key = this.key(userId);
        const results = await redis
          .multi()
          .zremrangebyscore(key, '-inf', now)
          .zadd(key, now + ENTRY_TTL_MS, this.member(socketId))
          .zcard(key)
          .pexpire(key, ENTRY_TTL_MS)
          .exec();
        return Number(results?.[2]?.[1]) === 1;
      },
      () => sockets.size === 1,
    );
  }

  /** Forgets a socket; true when it was the member's last one anywhere. */
  async disconnected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.local.get(userId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.local.delete(userId);
    return this.shared(
      async (redis) => {
        const key = this.key(userId);
        const results = await redis.multi().zrem(key, this.member(socketId)).zremrangebyscore(key, '-inf', Date.now()).zcard(key).exec();
        return Number(results?.[2]?.[1]) === 0;
      },
      () => !this.local.has(userId),
    );
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return new Set();
    return this.shared(
      async (redis) => {
        const batch = redis.pipeline();
        const now = Date.now();
        for (const id of unique) batch.zcount(this.key(id), now, '+inf');
        const counts = (await batch.exec()) ?? [];
        return new Set(unique.filter((_, i) => Number(counts[i]?.[1]) > 0));
      },
      () => new Set(unique.filter((id) => this.local.has(id))),
    );
  }

  private async refresh(): Promise<void> {
    if (this.local.size === 0) return;
    await this.shared(
      async (redis) => {
        const batch = redis.pipeline();
        const expiry = Date.now() + ENTRY_TTL_MS;
        for (const [userId, sockets] of this.local) {
          const key = this.key(userId);
          for (const socketId of sockets) batch.zadd(key, expiry, this.member(socketId));
          batch.pexpire(key, ENTRY_TTL_MS);
        }
        await batch.exec();
      },
      () => undefined,
    );
  }

  /** The shared answer from Redis, or this process's own while Redis is configured but away. */
  private async shared<T>(fromRedis: (redis: Redis) => Promise<T>, fromThisProcess: () => T): Promise<T> {
    const redis = this.redis.ready;
    if (redis) {
      try {
        const answer = await fromRedis(redis);
        if (this.degraded) this.logger.warn('Redis is back: presence is shared again');
        this.degraded = false;
        return answer;
      } catch (error) {
        this.degrade((error as Error).message);
      }
    } else if (this.redis.enabled) {
      this.degrade('not connected');
    }
    return fromThisProcess();
  }

  private degrade(reason: string): void {
    if (!this.degraded) this.logger.warn(`Redis unavailable (${reason}): presence shows this process's sockets only until it returns`);
    this.degraded = true;
  }
}

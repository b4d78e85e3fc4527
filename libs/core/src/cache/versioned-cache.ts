import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { RedisService } from '../redis/redis.service';

/**
 * What a process keeps, whichever bound is reached first; the least recently used go first. An
 * entry weighs the length of its JSON: a thread page of 20 posts is about 12 KB of JSON and 21 KB
 * of heap, so 24 MB holds about 2,000 pages in about 40 MB of heap. Without the byte bound the
 * soak's 5,000 threads filled 100 MB of each process with pages.
 */
const MAX_ENTRIES = 5_000;
const MAX_JSON_BYTES = 24 * 1024 * 1024;
/** A safety net only: every change bumps the versions its readers depend on. */
const MAX_AGE_MS = 60_000;

interface Entry {
  value: unknown;
  madeAt: number;
  bytes: number;
}

/**
 * Rendered results kept in this process under the versions of what they were made from (a
 * thread, a category...). A change bumps its sources' versions after it commits and before it is
 * answered; a read asks the versions first, so nobody reads a result made before a change they
 * could know of. With REDIS_URL the versions are Redis counters shared by every replica (one MGET
 * a read); without it, counters in this process. A read that started before a bump may store what
 * it made under the old version, where no later read looks. When Redis is unreachable nothing is
 * cached, and what was cached goes when it comes back (its counters may have been lost).
 */
@Injectable()
export class VersionedCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly making = new Map<string, Promise<unknown>>();
  private readonly localVersions = new Map<string, number>();

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.redis.onReady(() => this.clear());
  }

  /** The cached result of `make` for `key`, made afresh when any of `sources` changed since. */
  async getOrMake<T>(sources: readonly string[], key: string, make: () => Promise<T>): Promise<T> {
    const versions = await this.versionsOf(sources);
    if (versions === null) return make();
    const versionedKey = `${key}@${versions}`;
    const entry = this.entries.get(versionedKey);
    if (entry && Date.now() - entry.madeAt < MAX_AGE_MS) {
      // Map order is insertion order: moving the entry to the end keeps the oldest first.
      this.entries.delete(versionedKey);
      this.entries.set(versionedKey, entry);
      return entry.value as T;
    }
    // Concurrent readers of one missing entry wait for one making of it.
    const pending = this.making.get(versionedKey);
    if (pending) return pending as Promise<T>;
    const made = make().then(
      (value) => {
        this.making.delete(versionedKey);
        this.store(versionedKey, value);
        return value;
      },
      (error: unknown) => {
        this.making.delete(versionedKey);
        throw error;
      },
    );
    this.making.set(versionedKey, made);
    return made;
  }

  /** After a change committed, before it is answered: what was made from these sources is made afresh everywhere. */
  async bump(sources: readonly string[]): Promise<void> {
    if (sources.length === 0) return;
    if (!this.redis.enabled) {
      for (const source of sources) this.localVersions.set(source, (this.localVersions.get(source) ?? 0) + 1);
      return;
    }
    const client = this.redis.ready;
    try {
      if (!client) throw new Error('Redis is away');
      const pipeline = client.pipeline();
      for (const source of sources) pipeline.incr(this.redisKey(source));
      await pipeline.exec();
    } catch {
      // Other replicas cannot read versions either while Redis is away, and drop everything when it is back.
      this.clear();
    }
  }

  private async versionsOf(sources: readonly string[]): Promise<string | null> {
    if (!this.redis.enabled) return sources.map((source) => this.localVersions.get(source) ?? 0).join('.');
    const client = this.redis.ready;
    if (!client) return null;
    try {
      const values = await client.mget(...sources.map((source) => this.redisKey(source)));
      return values.map((value) => value ?? '0').join('.');
    } catch {
      return null;
    }
  }

  private store(key: string, value: unknown): void {
    this.remove(key);
    const bytes = JSON.stringify(value)?.length ?? 0;
    if (bytes > MAX_JSON_BYTES) return;
    this.entries.set(key, { value, madeAt: Date.now(), bytes });
    this.bytes += bytes;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_JSON_BYTES) this.remove(this.entries.keys().next().value!);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private redisKey(source: string): string {
    return `${this.config.redisKeyPrefix}version:${source}`;
  }
}

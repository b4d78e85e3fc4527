import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, OnDomainEvent, RedisService } from '@mutuals/core';
import type Redis from 'ioredis';
import type { SessionsRevoked, UserChanged } from '../identity.types';
import type { LiveSessionRow } from '../repositories/sessions.repository';

/** How long a session is trusted without asking the database: a bound for anything a revocation message missed. */
const TRUST_MS = 30_000;
const MAX_SESSIONS = 20_000;

/**
 * Live sessions this process remembers for a short while, so that a request costs no database
 * round trip to know its caller. Ending a session still works at once everywhere: every revocation
 * (identity.sessions.revoked: logout, suspension, password change...) and every change of a
 * member's role or status (identity.user.changed) forgets that member's sessions here and, with
 * REDIS_URL, on every other replica through a Redis channel. While that channel is down nothing is
 * remembered (each request asks the database), and all is forgotten when it is back, since
 * messages may have been missed.
 */
@Injectable()
export class SessionCache implements OnModuleInit {
  private readonly sessions = new Map<string, { row: LiveSessionRow; until: number }>();
  /** Counts forgettings: a lookup that one overtook keeps nothing of what it read. */
  private forgettings = 0;
  private subscriber: Redis | null = null;
  private listening = false;

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get channel(): string {
    return `${this.config.redisKeyPrefix}sessions:forget`;
  }

  onModuleInit(): void {
    if (!this.redis.enabled) {
      this.listening = true;
      return;
    }
    const subscriber = this.redis.connect('session revocations');
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, userId: string) => this.forgetHere(userId));
    subscriber.on('close', () => (this.listening = false));
    subscriber.on('ready', () => {
      this.forgetEverything();
      subscriber.subscribe(this.channel).then(
        () => {
          this.forgetEverything();
          this.listening = true;
        },
        () => undefined,
      );
    });
  }

  /** The live session of this token hash: remembered, or loaded and remembered until it expires or TRUST_MS passes. */
  async find(tokenHash: string, load: (tokenHash: string) => Promise<LiveSessionRow | undefined>): Promise<LiveSessionRow | undefined> {
    const now = Date.now();
    const remembered = this.sessions.get(tokenHash);
    if (remembered && remembered.until > now && this.listening) return remembered.row;
    const before = this.forgettings;
    const row = await load(tokenHash);
    if (row && this.listening && before === this.forgettings) {
      this.sessions.delete(tokenHash);
      this.sessions.set(tokenHash, { row, until: Math.min(now + TRUST_MS, row.expires_at.getTime()) });
      if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    }
    return row;
  }

  @OnDomainEvent('identity.sessions.revoked', { phase: 'after-commit' })
  async onSessionsRevoked({ userId }: SessionsRevoked): Promise<void> {
    await this.forget(userId);
  }

  /** Role and status travel with the session. */
  @OnDomainEvent('identity.user.changed', { phase: 'after-commit' })
  async onUserChanged({ user }: UserChanged): Promise<void> {
    await this.forget(user.id);
  }

  private async forget(userId: string): Promise<void> {
    this.forgetHere(userId);
    await this.redis.ready?.publish(this.channel, userId);
  }

  private forgetHere(userId: string): void {
    this.forgettings++;
    for (const [tokenHash, { row }] of this.sessions) if (row.user_id === userId) this.sessions.delete(tokenHash);
  }

  private forgetEverything(): void {
    this.forgettings++;
    this.listening = false;
    this.sessions.clear();
  }
}

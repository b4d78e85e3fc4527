import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig, RedisService } from '@mutuals/core';
import { MentoringRequestsService } from './mentoring-requests.service';
import { CheckInsService } from './pair-care/check-ins.service';
import { MeetingsService } from './pair-care/meetings.service';

const SWEEP_EVERY_MS = 5 * 60 * 1000;

/**
 * Reminds and expires requests, reminds of meetings and opens check-ins every few minutes. With Redis, a lock that outlives one sweep
 * but not the interval lets exactly one replica run it each time.
 */
@Injectable()
export class MentoringSweep implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MentoringSweep.name);
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly requests: MentoringRequestsService,
    private readonly meetings: MeetingsService,
    private readonly checkIns: CheckInsService,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.runOnce(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<void> {
    try {
      const lock = `${this.config.redisKeyPrefix}lock:mentoring-sweep`;
      if (this.redis.client && (await this.redis.client.set(lock, this.owner, 'PX', SWEEP_EVERY_MS - 30_000, 'NX')) !== 'OK') return;
      const { reminded, expired } = await this.requests.sweep();
      const { reminders, logRequests } = await this.meetings.sweep();
      const checkInsOpened = await this.checkIns.sweep();
      if (reminded || expired) this.logger.log(`mentoring requests: ${reminded} reminded, ${expired} expired`);
      if (reminders || logRequests || checkInsOpened) {
        this.logger.log(`mentoring meetings: ${reminders} reminders, ${logRequests} log requests; ${checkInsOpened} check-ins opened`);
      }
    } catch (error) {
      this.logger.warn(`mentoring sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

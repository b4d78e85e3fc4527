import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DigestService } from '../digest/digest.service';
import { OutboxWorker } from './outbox-worker';

const DIGEST_CHECK_MS = 5 * 60_000;

/** Another lib's outbox drained on the same queue (webhook deliveries): what to run and how often. */
interface ExtraDrain {
  run: () => Promise<unknown>;
  everyMs: number;
  running: Promise<void> | null;
  again: boolean;
}

/**
 * Runs the outbox and the digest, and the drains other libs register (registerDrain). With REDIS_URL they are BullMQ jobs on one queue that every
 * replica works from (a repeating drain, a drain added when mail is written, a repeating digest
 * check), so the replicas share the sending; without Redis, timers in this process do the same.
 * Either way the outbox rows are claimed with SKIP LOCKED, so no two workers take the same mail.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailDispatcher');
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private again = false;
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private connections: Redis[] = [];
  private readonly drains = new Map<string, ExtraDrain>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxWorker,
    private readonly digests: DigestService,
  ) {}

  /**
   * Another lib's outbox, drained as jobs of this same queue (BullMQ with Redis, timers without):
   * every `everyMs`, and soon after kickDrain(name). Register before the application boots (onModuleInit).
   */
  registerDrain(name: string, run: () => Promise<unknown>, everyMs: number): void {
    this.drains.set(name, { run, everyMs, running: null, again: false });
  }

  /** Work for a registered drain was written: run it soon rather than at its next poll. */
  kickDrain(name: string): void {
    const drain = this.drains.get(name);
    if (!drain) return;
    if (this.queue) {
      void this.queue
        .add(`drain:${name}`, {}, { deduplication: { id: `drain:${name}` }, removeOnComplete: true, removeOnFail: 100 })
        .catch((e: Error) => this.logger.warn(`could not queue a ${name} drain: ${e.message}`));
      return;
    }
    if (drain.running) {
      drain.again = true;
      return;
    }
    drain.running = (async () => {
      do {
        drain.again = false;
        await drain.run().catch((e: Error) => this.logger.error(`${name} drain failed: ${e.message}`));
      } while (drain.again);
    })().finally(() => (drain.running = null));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.redisUrl) return this.startQueue(this.config.redisUrl);
    this.timers = [
      setInterval(() => this.kick(), this.config.mail.pollMilliseconds),
      setInterval(() => void this.digests.queueDue().catch((e) => this.logger.error(e)), DIGEST_CHECK_MS),
      ...[...this.drains].map(([name, drain]) => setInterval(() => this.kickDrain(name), drain.everyMs)),
    ];
    this.kick();
    for (const name of this.drains.keys()) this.kickDrain(name);
  }

  /** New mail was written: send it soon rather than at the next poll. */
  kick(): void {
    if (this.queue) {
      void this.queue
        .add('drain', {}, { deduplication: { id: 'drain' }, removeOnComplete: true, removeOnFail: 100 })
        .catch((e: Error) => this.logger.warn(`could not queue a drain: ${e.message}`));
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.outbox.drain().catch((e: Error) => this.logger.error(`outbox drain failed: ${e.message}`));
      } while (this.again);
    })().finally(() => (this.running = null));
  }

  /** The BullMQ queue's jobs by state; null without Redis (timers in the process instead). */
  async queueCounts(): Promise<Record<string, number> | null> {
    return this.queue ? this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed') : null;
  }

  private async startQueue(redisUrl: string): Promise<void> {
    const connection = () => {
      // BullMQ's blocking commands need ioredis to retry without limit.
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
      redis.on('error', (error) => this.logger.warn(`redis (mail queue): ${error.message}`));
      this.connections.push(redis);
      return redis;
    };
    const prefix = `${this.config.redisKeyPrefix}bull`;
    this.queue = new Queue('mail', { connection: connection(), prefix });
    this.worker = new Worker(
      'mail',
      async (job) => {
        if (job.name === 'digest') await this.digests.queueDue();
        else if (job.name.startsWith('drain:')) await this.drains.get(job.name.slice('drain:'.length))?.run();
        else await this.outbox.drain();
      },
      // Two at once: a slow webhook receiver never holds the mail up.
      { connection: connection(), prefix, concurrency: this.drains.size > 0 ? 2 : 1 },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`mail job ${job?.name} failed: ${error.message}`));
    await this.queue.upsertJobScheduler(
      'mail-drain',
      { every: this.config.mail.pollMilliseconds },
      { name: 'drain', opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    for (const [name, drain] of this.drains) {
      await this.queue.upsertJobScheduler(
        `${name}-drain`,
        { every: drain.everyMs },
        { name: `drain:${name}`, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    }
    await this.queue.upsertJobScheduler(
      'mail-digest',
      { every: DIGEST_CHECK_MS },
      { name: 'digest', opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach(clearInterval);
    await this.running;
    await Promise.all([...this.drains.values()].map((drain) => drain.running));
    await this.worker?.close();
    await this.queue?.close();
    this.connections.forEach((c) => c.disconnect());
  }
}

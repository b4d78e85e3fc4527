import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MailDispatcher } from './mail-dispatcher';
import { OutboxRepository } from './outbox.repository';

const sources = new Set<MailMetrics>();

new Gauge({
  name: 'mail_outbox_messages',
  help: 'Mail in the outbox not sent yet, by status: pending, sending (claimed under a lease), dead (gave up)',
  labelNames: ['status'],
  async collect() {
    for (const status of ['pending', 'sending', 'dead']) this.set({ status }, 0);
    for (const source of sources) {
      const counts = await source.outboxCounts();
      for (const [status, count] of counts) this.inc({ status }, count);
    }
  },
});

new Gauge({
  name: 'mail_queue_jobs',
  help: 'Jobs of the BullMQ mail queue by state (with REDIS_URL)',
  labelNames: ['state'],
  async collect() {
    this.reset();
    for (const source of sources) {
      for (const [state, count] of Object.entries((await source.queueCounts()) ?? {})) this.inc({ state }, count);
    }
  },
});

/**
 * Queue depths for /metrics, read when scraped. A database or Redis that does not answer leaves
 * the figure at 0 and a warning, rather than failing every other metric.
 */
@Injectable()
export class MailMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MailMetrics');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: MailDispatcher,
  ) {}

  onModuleInit(): void {
    sources.add(this);
  }

  onApplicationShutdown(): void {
    sources.delete(this);
  }

  outboxCounts(): Promise<Map<string, number>> {
    return this.outbox.countUnsent().catch((error: Error) => {
      this.logger.warn(`outbox depth unknown: ${error.message}`);
      return new Map();
    });
  }

  queueCounts(): Promise<Record<string, number> | null> {
    return this.dispatcher.queueCounts().catch((error: Error) => {
      this.logger.warn(`mail queue depth unknown: ${error.message}`);
      return null;
    });
  }
}

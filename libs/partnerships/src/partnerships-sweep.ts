import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OpportunitiesRepository } from './opportunities.repository';

const SWEEP_EVERY_MS = 60 * 1000;

/**
 * Records the close of opportunities whose deadline has passed. Reads already treat them as
 * closed, so this only keeps the stored status honest; its UPDATE is conditional, so every
 * replica may run it at once with no lock and each row still closes once.
 */
@Injectable()
export class PartnershipsSweep implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PartnershipsSweep.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opportunities: OpportunitiesRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.runOnce(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Answers the ids it closed. */
  async runOnce(): Promise<string[]> {
    try {
      const closed = await this.opportunities.closePastDeadline();
      if (closed.length) this.logger.log(`partnership opportunities closed at their deadline: ${closed.length}`);
      return closed;
    } catch (error) {
      this.logger.warn(`partnerships sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
}

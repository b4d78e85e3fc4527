import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { DataSource } from 'typeorm';
import { OutboxRepository } from '../mail/outbox.repository';
import type { DigestPayload } from '../mail/templates';
import { DigestItemRow, DigestRepository } from './digest.repository';

const BATCH = 500;
const ITEMS_PER_GROUP = 10;
const GROUPS = 20;
const DAY_MS = 86_400_000;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** The last daily and weekly (Monday) digest times at or before `now`. */
export function digestCutoffs(now: Date, hourUtc: number): { daily: Date; weekly: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc);
  const daily = today <= now.getTime() ? today : today - DAY_MS;
  const sinceMonday = (new Date(daily).getUTCDay() + 6) % 7;
  return { daily: new Date(daily), weekly: new Date(daily - sinceMonday * DAY_MS) };
}

/** Builds and queues the digests that are due, batch by batch, each batch in one transaction. */
@Injectable()
export class DigestService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly digests: DigestRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Returns how many digests were queued. Safe on every replica at once (SKIP LOCKED, one dedupe key per period). */
  async queueDue(now: Date = new Date()): Promise<number> {
    const cutoffs = digestCutoffs(now, this.config.mail.digestHourUtc);
    let queued = 0;
    for (;;) {
      const batch = await this.db.transaction(async (manager) => {
        const due = await this.digests.lockDue(manager, cutoffs, BATCH);
        if (due.length === 0) return null;
        const periods = due.map((d) => ({ userId: d.user_id, frequency: d.frequency, since: d.covered_until, until: cutoffs[d.frequency] }));
        const items = await this.digests.itemsFor(manager, periods);
        const byUser = groupBy(items, (i) => i.user_id);
        const mails = periods
          .filter((p) => byUser.has(p.userId))
          .map((p) => ({
            kind: 'digest',
            userId: p.userId,
            payload: this.payload(p, byUser.get(p.userId)!),
            dedupeKey: `digest:${p.userId}:${p.until.toISOString()}`,
          }));
        await this.outbox.insert(manager, mails, new URL(this.config.publicUrl).hostname);
        await this.digests.markCovered(manager, periods);
        return mails.length;
      });
      if (batch === null) return queued;
      queued += batch;
    }
  }

  private payload(period: { frequency: 'daily' | 'weekly'; since: Date; until: Date }, items: DigestItemRow[]): DigestPayload {
    const groups = [...groupBy(items, (i) => i.group_title)].slice(0, GROUPS).map(([title, rows]) => ({
      title,
      items: rows.slice(-ITEMS_PER_GROUP).map((r) => ({ text: r.text, link: r.link })),
    }));
    return {
      frequency: period.frequency,
      since: period.since.toISOString(),
      until: period.until.toISOString(),
      groups,
      // Not yet filled: matching has no batched "new mentors for these mentees" query to ask, and stories do not exist yet.
      newMentors: [],
      newStories: [],
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { IdentityService } from '@mutuals/identity';
import { MatchingService } from '@mutuals/matching';
import { DataSource } from 'typeorm';
import { OutboxRepository } from '../mail/outbox.repository';
import type { DigestLink, DigestPayload } from '../mail/templates';
import { DigestItemRow, DigestRepository } from './digest.repository';

const BATCH = 500;
const ITEMS_PER_GROUP = 10;
const GROUPS = 20;
const DAY_MS = 86_400_000;
const NEW_MENTORS = 3;

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
    private readonly matching: MatchingService,
    private readonly identity: IdentityService,
  ) {}

  /** Returns how many digests were queued. Safe on every replica at once (SKIP LOCKED, one dedupe key per period). */
  async queueDue(now: Date = new Date()): Promise<number> {
    const cutoffs = digestCutoffs(now, this.config.mail.digestHourUtc);
    let queued = 0;
    for (;;) {
      // Mentors who fit come from matching and identity, asked before the batch's transaction:
      // inside it the writer holds the connection (the only one, embedded).
      const ahead = await this.digests.due(this.db.manager, cutoffs, BATCH, false);
      if (ahead.length === 0) return queued;
      const mentors = await this.newMentors(ahead);
      const batch = await this.db.transaction(async (manager) => {
        const due = await this.digests.due(manager, cutoffs, BATCH, true);
        const periods = due.map((d) => {
          const fresh = mentors.get(d.user_id) ?? [];
          return {
            userId: d.user_id,
            frequency: d.frequency,
            since: d.covered_until,
            until: cutoffs[d.frequency],
            newMentors: fresh.map((m) => m.link),
            mentorsShown: [...d.mentors_shown, ...fresh.map((m) => m.mentorId)],
          };
        });
        const items = await this.digests.itemsFor(manager, periods);
        const byUser = groupBy(items, (i) => i.user_id);
        const mails = periods
          .filter((p) => byUser.has(p.userId) || p.newMentors.length > 0)
          .map((p) => ({
            kind: 'digest',
            userId: p.userId,
            payload: this.payload(p, byUser.get(p.userId) ?? []),
            dedupeKey: `digest:${p.userId}:${p.until.toISOString()}`,
          }));
        await this.outbox.insert(manager, mails, new URL(this.config.publicUrl).hostname);
        await this.digests.markCovered(manager, periods);
        return mails.length;
      });
      queued += batch;
    }
  }

  /** For each member who seeks mentoring: the best-fitting mentors with places not shown to them before. */
  private async newMentors(
    due: { user_id: string; mentors_shown: string[] }[],
  ): Promise<Map<string, { mentorId: string; link: DigestLink }[]>> {
    const suggestions = await this.matching.suggestionsForMany(
      due.map((d) => d.user_id),
      NEW_MENTORS + 5,
    );
    const shown = new Map(due.map((d) => [d.user_id, new Set(d.mentors_shown)]));
    const fresh = new Map(
      [...suggestions].map(([userId, list]) => [userId, list.filter((s) => !shown.get(userId)?.has(s.mentorId)).slice(0, NEW_MENTORS)]),
    );
    const names = await this.identity.getUserSummaries([...fresh.values()].flatMap((list) => list.map((s) => s.mentorId)));
    return new Map(
      [...fresh].map(([userId, list]) => [
        userId,
        list.map((s) => ({
          mentorId: s.mentorId,
          link: {
            text: `${names.get(s.mentorId)?.displayName ?? 'A mentor'}: a ${s.score}% fit for what you need`,
            link: `/members/${s.mentorId}`,
          },
        })),
      ]),
    );
  }

  private payload(
    period: { frequency: 'daily' | 'weekly'; since: Date; until: Date; newMentors: DigestLink[] },
    items: DigestItemRow[],
  ): DigestPayload {
    const groups = [...groupBy(items, (i) => i.group_title)].slice(0, GROUPS).map(([title, rows]) => ({
      title,
      items: rows.slice(-ITEMS_PER_GROUP).map((r) => ({ text: r.text, link: r.link })),
    }));
    return {
      frequency: period.frequency,
      since: period.since.toISOString(),
      until: period.until.toISOString(),
      groups,
      newMentors: period.newMentors,
      // The stories lib does not exist yet: this stays empty until it does.
      newStories: [],
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewDigestItem {
  userId: string;
  kind: string;
  groupTitle: string;
  text: string;
  link: string;
}

export interface DueSubscription {
  user_id: string;
  frequency: 'daily' | 'weekly';
  covered_until: Date;
  mentors_shown: string[];
}

export interface DigestItemRow {
  user_id: string;
  group_title: string;
  text: string;
  link: string;
}

/** All the SQL of digests: the items waiting for one, and who is due. */
@Injectable()
export class DigestRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Starts a member's digest (the default frequency) unless they have one. */
  async subscribe(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`INSERT INTO digest_subscriptions (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [userId]);
  }

  /** Files items for the next digest (not for members who turned the digest off). */
  async addItems(manager: EntityManager, items: NewDigestItem[]): Promise<void> {
    if (items.length === 0) return;
    await manager.query(
      `INSERT INTO digest_subscriptions (user_id) SELECT DISTINCT u FROM unnest($1::uuid[]) AS u ON CONFLICT (user_id) DO NOTHING`,
      [items.map((i) => i.userId)],
    );
    await manager.query(
      `INSERT INTO digest_items (user_id, kind, group_title, text, link)
       SELECT i.user_id, i.kind, i.group_title, i.text, i.link
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS i(user_id, kind, group_title, text, link)
       JOIN digest_subscriptions s ON s.user_id = i.user_id AND s.frequency <> 'off'`,
      [
        items.map((i) => i.userId),
        items.map((i) => i.kind),
        items.map((i) => i.groupTitle.slice(0, 200)),
        items.map((i) => i.text.slice(0, 300)),
        items.map((i) => i.link.slice(0, 300)),
      ],
    );
  }

  /**
   * A batch of members due a digest; with `lock`, locked so that two replicas never build the same
   * one (without, a look ahead to gather what the batch needs from other libs before locking).
   */
  async due(manager: EntityManager, cutoffs: { daily: Date; weekly: Date }, limit: number, lock: boolean): Promise<DueSubscription[]> {
    return manager.query(
      `SELECT user_id, frequency, covered_until, mentors_shown FROM digest_subscriptions
       WHERE (frequency = 'daily' AND covered_until < $1) OR (frequency = 'weekly' AND covered_until < $2)
       ORDER BY user_id LIMIT $3 ${lock ? 'FOR UPDATE SKIP LOCKED' : ''}`,
      [cutoffs.daily, cutoffs.weekly, limit],
    );
  }

  /** Each member's items from their last digest up to their cutoff, oldest first. */
  async itemsFor(manager: EntityManager, due: { userId: string; since: Date; until: Date }[]): Promise<DigestItemRow[]> {
    return manager.query(
      `SELECT i.user_id, i.group_title, i.text, i.link
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS d(user_id, since, until)
       JOIN digest_items i ON i.user_id = d.user_id AND i.created_at >= d.since AND i.created_at < d.until
       ORDER BY i.user_id, i.created_at`,
      [due.map((d) => d.userId), due.map((d) => d.since), due.map((d) => d.until)],
    );
  }

  /** The digest up to each cutoff is queued: move the members on and drop what it covered. */
  async markCovered(manager: EntityManager, covered: { userId: string; until: Date; mentorsShown: string[] }[]): Promise<void> {
    await manager.query(
      `UPDATE digest_subscriptions s SET covered_until = c.until, mentors_shown = ARRAY(SELECT jsonb_array_elements_text(c.shown)::uuid)
       FROM unnest($1::uuid[], $2::timestamptz[], $3::jsonb[]) AS c(user_id, until, shown) WHERE s.user_id = c.user_id`,
      [covered.map((c) => c.userId), covered.map((c) => c.until), covered.map((c) => JSON.stringify(c.mentorsShown))],
    );
    await manager.query(
      `DELETE FROM digest_items i USING unnest($1::uuid[], $2::timestamptz[]) AS c(user_id, until) WHERE i.user_id = c.user_id AND i.created_at < c.until`,
      [covered.map((c) => c.userId), covered.map((c) => c.until)],
    );
  }

  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM digest_items WHERE user_id = $1`, [userId]);
  }
}

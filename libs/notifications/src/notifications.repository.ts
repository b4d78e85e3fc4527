import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SqlRunner, rowsOf } from '@mutuals/core';
import { DataSource } from 'typeorm';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationInsert {
  userId: string;
  kind: string;
  title: string;
  body: string | null;
  link: string;
  sourceId: string | null;
  actorId: string | null;
}

const COLUMNS = 'id, user_id, kind, title, body, link, created_at, read_at';

/** The SQL of the in-app feed. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One statement for the lot: rows come back in the order given. */
  /**
   * New notifications, leaving out in the same statement each item whose member turned its kind off:
   * `preference` names the kind whose channel governs the item (null: none does) and the channel
   * of a member who never chose one.
   */
  /** Through `runner`: a writer's transaction, or on its own. */
  insertWanted(
    items: (NotificationInsert & { preference: { kind: string; defaultChannel: string } | null })[],
    runner: SqlRunner = this.db,
  ): Promise<NotificationRow[]> {
    return runner.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, source_id, actor_id)
       SELECT i.user_id, i.kind, i.title, i.body, i.link, i.source_id, i.actor_id
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::uuid[], $7::uuid[], $8::varchar[], $9::varchar[])
              WITH ORDINALITY AS i(user_id, kind, title, body, link, source_id, actor_id, preference_kind, default_channel, n)
         LEFT JOIN notification_preferences p ON p.user_id = i.user_id AND p.kind = i.preference_kind
        WHERE COALESCE(p.channel, i.default_channel) IS DISTINCT FROM 'off'
        ORDER BY i.n
       RETURNING ${COLUMNS}`,
      [
        items.map((i) => i.userId),
        items.map((i) => i.kind),
        items.map((i) => i.title),
        items.map((i) => i.body),
        items.map((i) => i.link),
        items.map((i) => i.sourceId),
        items.map((i) => i.actorId),
        items.map((i) => i.preference?.kind ?? null),
        items.map((i) => i.preference?.defaultChannel ?? null),
      ],
    );
  }

  async deleteBySources(sourceIds: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM notifications WHERE source_id = ANY($1::uuid[])`, [sourceIds]);
  }

  /** Newest first, keyset on (created_at, id). */
  page(userId: string, unreadOnly: boolean, limit: number, after: [at: string, id: string] | null): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM notifications
        WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ${after ? 'AND (created_at, id) < ($4::timestamptz, $5::uuid)' : ''}
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [userId, unreadOnly, limit, ...(after ?? [])],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row!.n;
  }

  /** Marks the member's unread ones read: those listed, or every one when ids is null. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const rows = await rowsOf<{ id: string }>(
      this.db.manager,
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [userId, ids],
    );
    return rows.length;
  }
}

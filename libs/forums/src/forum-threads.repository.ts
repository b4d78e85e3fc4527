import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowsOf } from '@mutuals/core';
import { DataSource, EntityManager } from 'typeorm';

/**
 * $1 category, $2 moderator, $3 limit + 1, then the keyset ($4 pinned, $5 last post at, $6 id).
 * Pinned first, then latest activity; a hidden thread only for moderators; the same for every
 * viewer (their unread counts come from UNREAD_COUNTS_SQL). Exported for test/bench/forums.bench.ts.
 */
export function categoryThreadsSql(after: boolean): string {
  return `SELECT t.id, t.title, t.author_id, t.reply_count, t.last_post_at, t.last_post_at::text AS at_key, t.pinned, t.locked, t.hidden,
      (SELECT count(*)::int FROM forum_posts p WHERE p.thread_id = t.id AND p.status = 'visible') AS visible_count
    FROM forum_threads t
    WHERE t.category_id = $1 AND (NOT t.hidden OR $2)
      ${after ? 'AND (t.pinned, t.last_post_at, t.id) < ($4::boolean, $5::timestamptz, $6::uuid)' : ''}
    ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC
    LIMIT $3`;
}

/** $1 viewer, $2 threads: visible posts after the viewer's last read, for the threads they have read (the others: all visible posts). */
export const UNREAD_COUNTS_SQL = `SELECT r.thread_id,
    (SELECT count(*)::int FROM forum_posts p WHERE p.thread_id = r.thread_id AND p.status = 'visible' AND p.seq > r.last_read_seq) AS unread
  FROM forum_thread_reads r WHERE r.user_id = $1 AND r.thread_id = ANY($2::uuid[])`;

export interface ThreadListRow {
  id: string;
  title: string;
  author_id: string;
  reply_count: number;
  last_post_at: Date;
  at_key: string;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  /** Visible posts, the opening one included: the unread count of a viewer who never opened the thread. */
  visible_count: number;
}

export interface ThreadRow extends Omit<ThreadListRow, 'at_key' | 'visible_count'> {
  unread_count: number;
  category_id: string;
  category_slug: string;
  category_name: string;
  created_at: Date;
  subscribed: boolean;
  last_read_post_id: string | null;
}

/** What a reply reads of its thread first (see stateForPosting); the forums benchmark's baseline runs it too. */
export const THREAD_FOR_POSTING_SQL = `SELECT t.locked, t.hidden, c.archived_at IS NOT NULL AS archived, t.title, t.category_id, c.slug AS category_slug,
        ARRAY(SELECT s.user_id FROM forum_subscriptions s WHERE s.thread_id = t.id AND s.user_id <> $2) AS subscriber_ids,
        (SELECT q.author_id FROM forum_posts q WHERE q.id = $3::uuid AND q.thread_id = t.id AND q.status = 'visible') AS reply_to_author_id,
        CASE WHEN $4 THEN (SELECT min(p.created_at) FROM forum_posts p WHERE p.author_id = $2) END AS first_post_at
   FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE t.id = $1`;

/** A thread as a reply into it is checked and announced (see stateForPosting). */
export interface ThreadForPosting {
  locked: boolean;
  hidden: boolean;
  archived: boolean;
  title: string;
  category_id: string;
  category_slug: string;
  subscriber_ids: string[];
  reply_to_author_id: string | null;
  first_post_at: Date | null;
}

/** The SQL of threads, their read positions and subscriptions. */
@Injectable()
export class ForumThreadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listInCategory(
    categoryId: string,
    moderator: boolean,
    limit: number,
    after: [pinned: boolean, at: string, id: string] | null,
  ): Promise<ThreadListRow[]> {
    return this.db.query(categoryThreadsSql(after !== null), [categoryId, moderator, limit, ...(after ?? [])]);
  }

  /** Unread posts of the threads the viewer has read; a thread absent from the map was never read. */
  async unreadCounts(viewerId: string, threadIds: string[]): Promise<Map<string, number>> {
    const rows: { thread_id: string; unread: number }[] = await this.db.query(UNREAD_COUNTS_SQL, [viewerId, threadIds]);
    return new Map(rows.map((r) => [r.thread_id, r.unread]));
  }

  async find(threadId: string, viewerId: string): Promise<ThreadRow | undefined> {
    const [row]: ThreadRow[] = await this.db.query(
      `SELECT t.id, t.category_id, c.slug AS category_slug, c.name AS category_name, t.title, t.author_id, t.pinned, t.locked, t.hidden,
              t.reply_count, t.last_post_at, t.created_at, (s.user_id IS NOT NULL) AS subscribed, r.last_read_post_id,
              (SELECT count(*)::int FROM forum_posts p
                WHERE p.thread_id = t.id AND p.status = 'visible' AND p.seq > COALESCE(r.last_read_seq, 0)) AS unread_count
         FROM forum_threads t
         JOIN forum_categories c ON c.id = t.category_id
         LEFT JOIN forum_thread_reads r ON r.thread_id = t.id AND r.user_id = $2
         LEFT JOIN forum_subscriptions s ON s.thread_id = t.id AND s.user_id = $2
        WHERE t.id = $1`,
      [threadId, viewerId],
    );
    return row;
  }

  /** Whether and how the thread stands (archived: its category is read-only); undefined when there is no such thread. */
  async state(threadId: string): Promise<{ locked: boolean; hidden: boolean; archived: boolean } | undefined> {
    const [row]: { locked: boolean; hidden: boolean; archived: boolean }[] = await this.db.query(
      `SELECT t.locked, t.hidden, c.archived_at IS NOT NULL AS archived
         FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE t.id = $1`,
      [threadId],
    );
    return row;
  }

  /**
   * What a reply checks and announces, read before its transaction in one round trip: the
   * thread's state (as `state`), title, category and watchers other than the author; the author
   * of the post replied to when it is visible in this thread (`replyToPostId`); and, when
   * `firstPost` asks for it, when the author first posted anywhere (null if never).
   */
  async stateForPosting(
    threadId: string,
    authorId: string,
    replyToPostId: string | null,
    firstPost: boolean,
  ): Promise<ThreadForPosting | undefined> {
    const [row]: ThreadForPosting[] = await this.db.query(THREAD_FOR_POSTING_SQL, [threadId, authorId, replyToPostId, firstPost]);
    return row;
  }

  async idByClientId(authorId: string, clientId: string): Promise<string | undefined> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM forum_threads WHERE author_id = $1 AND client_id = $2`, [
      authorId,
      clientId,
    ]);
    return row?.id;
  }

  /** False when the author used this clientId before (the other thread stands; nothing was written). */
  async insert(
    thread: { id: string; categoryId: string; title: string; authorId: string; clientId: string | null; at: Date },
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      manager,
      `INSERT INTO forum_threads (id, category_id, title, author_id, client_id, last_post_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
      [thread.id, thread.categoryId, thread.title, thread.authorId, thread.clientId, thread.at],
    );
    return rows.length === 1;
  }

  /**
   * A post left or re-entered view: counts and the last visible post follow. The opening post
   * carries its thread: hiding it hides the thread. Answers the thread's category.
   */
  async followPostVisibility(
    threadId: string,
    change: { replies: number; hidden: boolean | null; latest: { id: string; created_at: Date } | undefined },
    manager: EntityManager,
  ): Promise<{ categoryId: string; wasHidden: boolean }> {
    const [row] = await rowsOf<{ category_id: string; was_hidden: boolean }>(
      manager,
      `UPDATE forum_threads t SET reply_count = t.reply_count + $2, hidden = COALESCE($3, t.hidden),
              last_post_id = $4, last_post_at = COALESCE($5, t.created_at)
         FROM forum_threads before WHERE before.id = t.id AND t.id = $1
       RETURNING t.category_id, before.hidden AS was_hidden`,
      [threadId, change.replies, change.hidden, change.latest?.id ?? null, change.latest?.created_at ?? null],
    );
    return { categoryId: row!.category_id, wasHidden: row!.was_hidden };
  }

  /** Pins or locks; answers the thread's category, or undefined when there is no such thread. */
  async setFlag(threadId: string, flag: 'pinned' | 'locked', value: boolean): Promise<string | undefined> {
    const [row] = await rowsOf<{ category_id: string }>(
      this.db.manager,
      `UPDATE forum_threads SET ${flag === 'pinned' ? 'pinned' : 'locked'} = $2 WHERE id = $1 RETURNING category_id`,
      [threadId, value],
    );
    return row?.category_id;
  }

  /** Read state only moves forward: an older post marked read later changes nothing. */
  async markRead(userId: string, threadId: string, seq: number, postId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO forum_thread_reads (user_id, thread_id, last_read_seq, last_read_post_id, read_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = EXCLUDED.last_read_seq, last_read_post_id = EXCLUDED.last_read_post_id, read_at = EXCLUDED.read_at
       WHERE forum_thread_reads.last_read_seq < EXCLUDED.last_read_seq`,
      [userId, threadId, seq, postId],
    );
  }

  async subscribe(userId: string, threadId: string, on: boolean, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      on
        ? `INSERT INTO forum_subscriptions (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
        : `DELETE FROM forum_subscriptions WHERE user_id = $1 AND thread_id = $2`,
      [userId, threadId],
    );
  }
}

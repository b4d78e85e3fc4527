import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { addToStripesSql, categoryStripeSql } from './forum-categories.repository';

/** The SQL of what the forums hold of one member: removed with their account, listed in their download. */
@Injectable()
export class ForumsMemberDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** What only concerns the member: reactions, watched threads, read positions. */
  async removePersonalState(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM forum_reactions WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM forum_subscriptions WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM forum_thread_reads WHERE user_id = $1', [userId]);
  }

  /**
   * Erasure: every post of the member becomes a tombstone without words or edit history, the
   * titles of their threads go too, and the counts and last posts of the threads touched are kept right.
   */
  async erasePosts(userId: string, manager: EntityManager): Promise<void> {
    const visible: { thread_id: string; category_id: string; posts: number; replies: number }[] = await manager.query(
      `SELECT p.thread_id, t.category_id, count(*)::int AS posts, count(*) FILTER (WHERE p.seq > 1)::int AS replies
         FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
        WHERE p.author_id = $1 AND p.status = 'visible'
        GROUP BY p.thread_id, t.category_id`,
      [userId],
    );
    await manager.query(`DELETE FROM forum_post_revisions WHERE post_id IN (SELECT id FROM forum_posts WHERE author_id = $1)`, [userId]);
    await manager.query(
      `UPDATE forum_posts SET status = 'deleted', body = '', body_html = '', quote_html = NULL, plain_text = '', search = ''::tsvector
        WHERE author_id = $1`,
      [userId],
    );
    await manager.query(`UPDATE forum_threads SET title = 'Removed by its author' WHERE author_id = $1`, [userId]);
    if (visible.length === 0) return;
    const threads = visible.map((v) => v.thread_id);
    await manager.query(
      `UPDATE forum_threads t SET reply_count = t.reply_count - v.replies
         FROM unnest($1::uuid[], $2::int[]) AS v(thread_id, replies) WHERE t.id = v.thread_id`,
      [threads, visible.map((v) => v.replies)],
    );
    await manager.query(
      addToStripesSql(
        `SELECT category_id, ${categoryStripeSql('thread_id')}, 0, -sum(posts)::int, NULL::timestamptz
           FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS x(category_id, thread_id, posts) GROUP BY 1, 2`,
      ),
      [visible.map((v) => v.category_id), threads, visible.map((v) => v.posts)],
    );
    await manager.query(
      `UPDATE forum_threads t SET last_post_id = latest.id, last_post_at = COALESCE(latest.created_at, t.created_at)
         FROM unnest($1::uuid[]) AS touched(id)
         LEFT JOIN LATERAL (SELECT p.id, p.created_at FROM forum_posts p
                             WHERE p.thread_id = touched.id AND p.status = 'visible' ORDER BY p.seq DESC LIMIT 1) latest ON true
        WHERE t.id = touched.id`,
      [threads],
    );
  }

  async exportOf(userId: string) {
    const [threads, posts, reactions, watching, flags] = await Promise.all([
      this.db.query(
        `SELECT t.id, t.title, c.name AS category, t.created_at FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id
          WHERE t.author_id = $1 ORDER BY t.created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT id, thread_id, body, status, reply_to_post_id, created_at, edited_at FROM forum_posts
          WHERE author_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query('SELECT post_id, emoji, created_at FROM forum_reactions WHERE user_id = $1 ORDER BY created_at', [userId]),
      this.db.query('SELECT thread_id, created_at FROM forum_subscriptions WHERE user_id = $1 ORDER BY created_at', [userId]),
      this.db.query('SELECT post_id, reason, status, created_at FROM forum_flags WHERE reporter_id = $1 ORDER BY created_at', [userId]),
    ]);
    return { threads, posts, reactions, watching, flagsReported: flags };
  }
}

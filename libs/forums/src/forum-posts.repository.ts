import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUniqueViolation, rowsOf } from '@mutuals/core';
import type { ForumReaction } from '@mutuals/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { PostStatus } from './entities/post.entity';
import { addToStripesSql, categoryStripeSql } from './forum-categories.repository';

// The hot statements (THREAD_POSTS_SQL, POST_REACTORS_SQL, INSERT_INTO_THREAD_SQL) are exported: test/bench/forums.bench.ts
// runs the very same SQL behind a bare node:http server as its baseline.

/**
 * A reply's one statement (see ForumPostsRepository.insertIntoThread). It writes nothing unless the
 * thread still stands as the caller read it ($13 to $15): the post, its author's subscription and
 * its count go with the bump, and a clientId used before raises unique_violation, undoing it all.
 */
export const INSERT_INTO_THREAD_SQL = `WITH bumped AS (
     UPDATE forum_threads
        SET last_seq = last_seq + 1, reply_count = reply_count + (CASE WHEN last_seq > 0 THEN 1 ELSE 0 END),
            last_post_at = $2, last_post_id = $3
      WHERE id = $1 AND ((NOT locked AND NOT hidden) OR $4) AND title = $13 AND hidden = $14 AND category_id = $15
      RETURNING last_seq, category_id
   ), inserted AS (
     INSERT INTO forum_posts (id, thread_id, seq, author_id, body, body_html, quote_html, plain_text, reply_to_post_id, client_id, created_at, search)
     SELECT $3, $1, b.last_seq, $5, $6, $7, $8, $9, $10, $11, $2,
            setweight(to_tsvector('english', $12), 'A') || setweight(to_tsvector('english', $9), 'B')
       FROM bumped b
     RETURNING id
   ), subscribed AS (
     INSERT INTO forum_subscriptions (user_id, thread_id) SELECT $5, $1 FROM inserted ON CONFLICT DO NOTHING
   ), counted AS (
     ${addToStripesSql(`SELECT b.category_id, ${categoryStripeSql('$1::uuid')}, (b.last_seq = 1)::int, 1, $2::timestamptz FROM inserted, bumped b`)}
   )
   SELECT (SELECT last_seq FROM bumped) AS last_seq, t.locked, t.hidden FROM forum_threads t WHERE t.id = $1`;

/**
 * The columns of a post with the post it replies to joined as `q`. A deleted post keeps no text;
 * a quote shows only while the quoted post is visible. The Markdown comes for every post that
 * has one: ForumViews gives it only to the post's author and moderators.
 */
const POST_SELECT = `SELECT p.id, p.thread_id, p.seq, p.author_id, p.status, p.created_at, p.edited_at, p.reply_to_post_id,
      CASE WHEN p.status = 'deleted' THEN '' ELSE p.body_html END AS body_html,
      CASE WHEN p.status <> 'deleted' AND q.status = 'visible' THEN p.quote_html END AS quote_html,
      (p.quote_html IS NOT NULL AND p.status <> 'deleted') AS has_quote,
      CASE WHEN p.status <> 'deleted' THEN p.body END AS body
    FROM forum_posts p LEFT JOIN forum_posts q ON q.id = p.reply_to_post_id`;

/**
 * $1 thread, $2 moderator, $3 after seq, $4 limit + 1. Keyset on seq. Members see neither hidden
 * posts nor anything of a hidden thread.
 */
export const THREAD_POSTS_SQL = `${POST_SELECT}
  WHERE p.thread_id = $1 AND p.seq > $3 AND (p.status <> 'hidden' OR $2)
    AND ($2 OR NOT (SELECT t.hidden FROM forum_threads t WHERE t.id = $1))
  ORDER BY p.seq LIMIT $4`;

/** $1 posts: who reacted how, so that counts and each viewer's own reactions come from one answer. */
export const POST_REACTORS_SQL = `SELECT post_id, emoji, array_agg(user_id) AS user_ids
  FROM forum_reactions WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, emoji`;

/** A post as postSelect returns it. */
export interface PostRow {
  id: string;
  thread_id: string;
  seq: number;
  author_id: string;
  status: PostStatus;
  created_at: Date;
  edited_at: Date | null;
  reply_to_post_id: string | null;
  body_html: string;
  /** Null when there is no quote, or its post is no longer visible. */
  quote_html: string | null;
  has_quote: boolean;
  /** Markdown (null when deleted); shown to its author and moderators only. */
  body: string | null;
}

/** A post about to be changed, locked, with what the change needs of its thread. */
export interface PostForChange {
  id: string;
  thread_id: string;
  seq: number;
  author_id: string;
  status: PostStatus;
  body: string;
  reply_to_post_id: string | null;
  title: string;
  locked: boolean;
  thread_hidden: boolean;
}

/** A post's text as stored: the Markdown, its rendering, and what search weighs. */
export interface StoredBody {
  body: string;
  html: string;
  quoteHtml: string | null;
  text: string;
  /** Searched with weight A: the thread's title for its first post, else empty. */
  title: string;
}

export interface NewPostRow extends StoredBody {
  id: string;
  threadId: string;
  seq: number;
  authorId: string;
  replyToPostId: string | null;
  clientId: string | null;
  at: Date;
}

/** What a reply into a thread found: its seq, or why there is none. */
export type PostedInThread = { seq: number } | 'closed' | 'changed' | 'repeated';

export interface ReactorsRow {
  post_id: string;
  emoji: ForumReaction;
  user_ids: string[];
}

/** The SQL of forum posts: pages, single posts, writes, revisions and reactions. */
@Injectable()
export class ForumPostsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  page(threadId: string, moderator: boolean, afterSeq: number, limit: number): Promise<PostRow[]> {
    return this.db.query(THREAD_POSTS_SQL, [threadId, moderator, afterSeq, limit]);
  }

  /** The post as the viewer may see it: members see neither hidden posts nor posts of hidden threads. */
  async find(postId: string, moderator: boolean): Promise<PostRow | undefined> {
    const [row]: PostRow[] = await this.db.query(
      `${POST_SELECT}
        WHERE p.id = $1 AND ($2 OR (p.status <> 'hidden' AND NOT (SELECT t.hidden FROM forum_threads t WHERE t.id = p.thread_id)))`,
      [postId, moderator],
    );
    return row;
  }

  /** Posts with the titles of their threads (the moderators' flag queue). */
  withThreadTitles(postIds: string[]): Promise<(PostRow & { thread_title: string })[]> {
    return this.db.query(
      `SELECT x.*, t.title AS thread_title FROM (${POST_SELECT} WHERE p.id = ANY($1::uuid[])) x
         JOIN forum_threads t ON t.id = x.thread_id`,
      [postIds],
    );
  }

  async idByClientId(authorId: string, clientId: string): Promise<string | undefined> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM forum_posts WHERE author_id = $1 AND client_id = $2`, [
      authorId,
      clientId,
    ]);
    return row?.id;
  }

  /** The author of a visible post (in that thread, when given), or undefined. */
  async visibleAuthor(postId: string, threadId: string | null, manager: EntityManager = this.db.manager): Promise<string | undefined> {
    const [row]: { author_id: string }[] = await manager.query(
      `SELECT author_id FROM forum_posts WHERE id = $1 AND ($2::uuid IS NULL OR thread_id = $2::uuid) AND status = 'visible'`,
      [postId, threadId],
    );
    return row?.author_id;
  }

  /** The thread of a post visible to members (the post and its thread), or undefined. */
  async visibleThreadOf(postId: string): Promise<string | undefined> {
    const [row]: { thread_id: string }[] = await this.db.query(
      `SELECT p.thread_id FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id WHERE p.id = $1 AND p.status = 'visible' AND NOT t.hidden`,
      [postId],
    );
    return row?.thread_id;
  }

  async seqIn(postId: string, threadId: string): Promise<number | undefined> {
    const [row]: { seq: number }[] = await this.db.query(`SELECT seq FROM forum_posts WHERE id = $1 AND thread_id = $2`, [
      postId,
      threadId,
    ]);
    return row?.seq;
  }

  /** When the author first posted, or null: new members post more slowly on their first day. */
  async firstPostAt(authorId: string): Promise<Date | null> {
    const [row]: { first: Date | null }[] = await this.db.query(`SELECT min(created_at) AS first FROM forum_posts WHERE author_id = $1`, [
      authorId,
    ]);
    return row?.first ?? null;
  }

  /**
   * A post into its thread in one statement: takes the thread's row lock and its next seq (seqs
   * are handed out under that lock, so they commit in order), inserts the post at that seq,
   * subscribes its author to the thread, and counts the post (and a new thread with its first
   * post) in the thread's stripe of its category's counts (that row lock is taken after the
   * thread's, as every writer takes them; posters in other threads of the category mostly have
   * other stripes). Both locks are held to the end of the transaction: the caller sends this last,
   * alone if it can (DomainEvents.transactionEndingWith). Writes nothing, and answers why, when the
   * thread is gone, or locked or hidden to a member ('closed'), no longer stands as `known` says
   * ('changed'), or the author used this clientId before ('repeated').
   */
  async insertIntoThread(
    post: Omit<NewPostRow, 'seq'>,
    known: { title: string; hidden: boolean; categoryId: string },
    moderator: boolean,
    manager: EntityManager,
  ): Promise<PostedInThread> {
    let row: { last_seq: number | null; locked: boolean; hidden: boolean } | undefined;
    try {
      [row] = await rowsOf(manager, INSERT_INTO_THREAD_SQL, [
        post.threadId,
        post.at,
        post.id,
        moderator,
        post.authorId,
        post.body,
        post.html,
        post.quoteHtml,
        post.text,
        post.replyToPostId,
        post.clientId,
        post.title,
        known.title,
        known.hidden,
        known.categoryId,
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'forum_posts_client_key')) return 'repeated';
      throw error;
    }
    if (row?.last_seq) return { seq: row.last_seq };
    // As the statement's snapshot saw the thread: a change that committed meanwhile shows next time.
    return !row || ((row.locked || row.hidden) && !moderator) ? 'closed' : 'changed';
  }

  /** The post for an edit, delete or moderation, locked until the transaction ends. */
  async lockForChange(postId: string, manager: EntityManager): Promise<PostForChange | undefined> {
    const [row]: PostForChange[] = await manager.query(
      `SELECT p.id, p.thread_id, p.seq, p.author_id, p.status, p.body, p.reply_to_post_id, t.title, t.locked, t.hidden AS thread_hidden
         FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id WHERE p.id = $1 FOR UPDATE OF p`,
      [postId],
    );
    return row;
  }

  /** Keeps the body it replaces as a revision. */
  async replaceBody(postId: string, editorId: string, previous: string, next: StoredBody, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO forum_post_revisions (post_id, body, edited_by) VALUES ($1, $2, $3)`, [postId, previous, editorId]);
    await manager.query(
      `UPDATE forum_posts SET body = $2, body_html = $3, quote_html = $4, plain_text = $5, edited_at = now(),
              search = setweight(to_tsvector('english', $6), 'A') || setweight(to_tsvector('english', $5), 'B')
        WHERE id = $1`,
      [postId, next.body, next.html, next.quoteHtml, next.text, next.title],
    );
  }

  revisions(postId: string): Promise<{ body: string; edited_by: string; created_at: Date }[]> {
    return this.db.query(
      `SELECT body, edited_by, created_at FROM forum_post_revisions WHERE post_id = $1 ORDER BY created_at DESC, id DESC`,
      [postId],
    );
  }

  async setStatus(postId: string, status: PostStatus, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE forum_posts SET status = $2 WHERE id = $1`, [postId, status]);
  }

  async latestVisibleIn(threadId: string, manager: EntityManager): Promise<{ id: string; created_at: Date } | undefined> {
    const [row]: { id: string; created_at: Date }[] = await manager.query(
      `SELECT id, created_at FROM forum_posts WHERE thread_id = $1 AND status = 'visible' ORDER BY seq DESC LIMIT 1`,
      [threadId],
    );
    return row;
  }

  async idsIn(threadId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM forum_posts WHERE thread_id = $1`, [threadId]);
    return rows.map((r) => r.id);
  }

  reactors(postIds: string[]): Promise<ReactorsRow[]> {
    return this.db.query(POST_REACTORS_SQL, [postIds]);
  }

  async setReaction(postId: string, userId: string, emoji: ForumReaction, on: boolean): Promise<void> {
    await this.db.query(
      on
        ? `INSERT INTO forum_reactions (post_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`
        : `DELETE FROM forum_reactions WHERE post_id = $1 AND user_id = $2 AND emoji = $3`,
      [postId, userId, emoji],
    );
  }
}

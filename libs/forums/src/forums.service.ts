import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, Page, RateLimiter, decodeCursor, renderMarkdown, toPage } from '@mutuals/core';
import type {
  ForumCategoryView,
  ForumPostView,
  ForumPostRevisionView,
  ForumPreviewView,
  ForumReaction,
  ForumSearchPage,
  ForumThreadCreated,
  ForumThreadSummary,
  ForumThreadView,
} from '@mutuals/contracts';
import type { AttachmentInput } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { AuthUser, IdentityService, isCoordinator } from '@mutuals/identity';
import { RealtimeService } from '@mutuals/realtime';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/forums.dto';
import { DEFAULT_CATEGORIES } from './default-categories';
import type { PostStatus } from './entities/post.entity';
import { ForumsErrors } from './forums.errors';
import { THREAD_POSTS_SQL, categoryThreadsSql, postSelect, searchSql } from './forum-queries';
import { ForumViews, PostRow, REACTION_SLUGS } from './forum-views';
import { MARK_START, MARK_STOP, preview, snippetHtml, splitLeadingQuote, withoutNul } from './post-text';

export const threadRoom = (threadId: string) => `thread:${threadId}`;

const LIMITS = {
  posting: { name: 'posts', max: 6, windowSeconds: 60 },
  // A member's first day of posting (since their first post) is slower: spam arrives with new accounts.
  newcomerPosting: { name: 'posts from a new member', max: 2, windowSeconds: 60 },
  newcomerDaily: { name: 'posts on a first day', max: 20, windowSeconds: 86_400 },
};
const NEWCOMER_MS = 86_400_000;

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Who writes, and how: seeding writes history with past times and no rate limit. */
export interface PostingOptions {
  at?: Date;
  rateLimited?: boolean;
}

interface ThreadRow {
  id: string;
  category_id: string;
  category_slug: string;
  category_name: string;
  title: string;
  author_id: string;
  pinned: boolean;
  locked: boolean;
  reply_count: number;
  last_post_at: Date;
  created_at: Date;
  subscribed: boolean;
  last_read_post_id: string | null;
  unread_count: number;
}

interface NewPost {
  threadId: string;
  author: AuthUser;
  body: string;
  replyToPostId: string | null;
  /** Set for a thread's first post: its title is searched with it. */
  title: string | null;
  at: Date;
  attachments: AttachmentInput[];
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: ForumViews,
    private readonly identity: IdentityService,
    private readonly realtime: RealtimeService,
    private readonly events: DomainEvents,
    private readonly rateLimiter: RateLimiter,
    private readonly files: FilesService,
  ) {}

  // ---- categories ----

  /** Members see the categories in use; coordinators (includeArchived) see the archived ones too. */
  async categories(options: { includeArchived?: boolean } = {}): Promise<ForumCategoryView[]> {
    const rows: (Omit<ForumCategoryView, 'lastActivityAt' | 'archivedAt'> & { lastActivityAt: Date | null; archivedAt: Date | null })[] =
      await this.db.query(
        `SELECT id, slug, name, description, sector_slug AS "sectorSlug", position, thread_count AS "threadCount",
                post_count AS "postCount", last_activity_at AS "lastActivityAt", archived_at AS "archivedAt"
           FROM forum_categories WHERE $1 OR archived_at IS NULL ORDER BY position, name`,
        [options.includeArchived ?? false],
      );
    return rows.map((c) => ({ ...c, lastActivityAt: c.lastActivityAt?.toISOString() ?? null, archivedAt: c.archivedAt?.toISOString() ?? null }));
  }

  private async category(id: string): Promise<ForumCategoryView> {
    const found = (await this.categories({ includeArchived: true })).find((c) => c.id === id);
    if (!found) throw ForumsErrors.categoryNotFound('No such category');
    return found;
  }

  async createCategory(input: CreateCategoryDto): Promise<ForumCategoryView> {
    let id: string;
    try {
      // A new category goes last unless the coordinator gave it a place.
      [{ id }] = await this.db.query(
        `INSERT INTO forum_categories (slug, name, description, sector_slug, position)
         VALUES ($1, $2, $3, $4, COALESCE($5, (SELECT COALESCE(max(position) + 1, 0) FROM forum_categories))) RETURNING id`,
        [input.slug, input.name, input.description, input.sectorSlug ?? null, input.position ?? null],
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw ForumsErrors.categoryTaken('A category with that slug exists', [{ field: 'slug', message: 'is taken' }]);
      throw error;
    }
    return this.category(id);
  }

  /**
   * A fresh install's first categories, so its first members have somewhere to post before a
   * coordinator has shaped the forums; nothing happens once any category exists (archived too).
   */
  async createDefaultCategoriesIfNone(): Promise<void> {
    await this.db.query(
      `INSERT INTO forum_categories (slug, name, description, position)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[])
       WHERE NOT EXISTS (SELECT 1 FROM forum_categories)`,
      [
        DEFAULT_CATEGORIES.map((c) => c.slug),
        DEFAULT_CATEGORIES.map((c) => c.name),
        DEFAULT_CATEGORIES.map((c) => c.description),
        DEFAULT_CATEGORIES.map((_, position) => position),
      ],
    );
  }

  async updateCategory(id: string, input: UpdateCategoryDto): Promise<ForumCategoryView> {
    const [, updated] = await this.db.query(
      `UPDATE forum_categories SET name = COALESCE($2, name), description = COALESCE($3, description),
              sector_slug = CASE WHEN $4 THEN $5 ELSE sector_slug END
        WHERE id = $1`,
      [id, input.name ?? null, input.description ?? null, input.sectorSlug !== undefined, input.sectorSlug ?? null],
    );
    if (!updated) throw ForumsErrors.categoryNotFound('No such category');
    return this.category(id);
  }

  /** The given order, first to last; every category must be named once, archived ones included. */
  async reorderCategories(ids: string[]): Promise<ForumCategoryView[]> {
    await this.db.transaction(async (manager) => {
      const existing: { id: string }[] = await manager.query(`SELECT id FROM forum_categories FOR UPDATE`);
      const given = new Set(ids);
      if (given.size !== ids.length || existing.length !== ids.length || existing.some((c) => !given.has(c.id))) {
        throw ForumsErrors.invalid('Give every category exactly once', [{ field: 'ids', message: 'must list every category once' }]);
      }
      await manager.query(
        `UPDATE forum_categories c SET position = o.position FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE c.id = o.id`,
        [ids],
      );
    });
    return this.categories({ includeArchived: true });
  }

  async archiveCategory(id: string, archived: boolean): Promise<ForumCategoryView> {
    const [, updated] = await this.db.query(
      `UPDATE forum_categories SET archived_at = CASE WHEN $2 THEN COALESCE(archived_at, now()) END WHERE id = $1`,
      [id, archived],
    );
    if (!updated) throw ForumsErrors.categoryNotFound('No such category');
    return this.category(id);
  }

  // ---- threads ----

  async listThreads(slug: string, viewer: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<ForumThreadSummary>> {
    const [category] = await this.db.query(`SELECT id FROM forum_categories WHERE slug = $1`, [slug]);
    if (!category) throw ForumsErrors.categoryNotFound('No such category');
    const after = decodeCursor(query.cursor, 3);
    const params: unknown[] = [category.id, viewer.id, query.limit + 1];
    if (after) params.push(after[0] === 1, after[1], after[2]);
    // Pinned first, then most recent activity; the keyset includes pinned so pages never overlap.
    const rows: (ThreadRow & { at_key: string })[] = await this.db.query(categoryThreadsSql(after !== null), params);
    const authors = await this.views.authors(rows.map((r) => r.author_id));
    return toPage(
      rows,
      query.limit,
      (r) => [r.pinned ? 1 : 0, r.at_key, r.id],
      (r) => ({
        id: r.id,
        title: r.title,
        author: authors.get(r.author_id)!,
        replyCount: r.reply_count,
        lastPostAt: r.last_post_at.toISOString(),
        pinned: r.pinned,
        locked: r.locked,
        unreadCount: r.unread_count,
      }),
    );
  }

  async getThread(threadId: string, viewer: AuthUser): Promise<ForumThreadView> {
    const [row]: ThreadRow[] = await this.db.query(
      `SELECT t.id, t.category_id, c.slug AS category_slug, c.name AS category_name, t.title, t.author_id, t.pinned, t.locked,
              t.reply_count, t.last_post_at, t.created_at, (s.user_id IS NOT NULL) AS subscribed, r.last_read_post_id,
              (SELECT count(*)::int FROM forum_posts p
                WHERE p.thread_id = t.id AND p.status = 'visible' AND p.seq > COALESCE(r.last_read_seq, 0)) AS unread_count
         FROM forum_threads t
         JOIN forum_categories c ON c.id = t.category_id
         LEFT JOIN forum_thread_reads r ON r.thread_id = t.id AND r.user_id = $2
         LEFT JOIN forum_subscriptions s ON s.thread_id = t.id AND s.user_id = $2
        WHERE t.id = $1`,
      [threadId, viewer.id],
    );
    if (!row) throw ForumsErrors.threadNotFound('No such thread');
    const authors = await this.views.authors([row.author_id]);
    return {
      id: row.id,
      categoryId: row.category_id,
      categorySlug: row.category_slug,
      categoryName: row.category_name,
      title: row.title,
      author: authors.get(row.author_id)!,
      replyCount: row.reply_count,
      lastPostAt: row.last_post_at.toISOString(),
      createdAt: row.created_at.toISOString(),
      pinned: row.pinned,
      locked: row.locked,
      subscribed: row.subscribed,
      lastReadPostId: row.last_read_post_id,
      unreadCount: row.unread_count,
    };
  }

  async createThread(
    author: AuthUser,
    input: { categoryId: string; title: string; body: string; attachments?: AttachmentInput[] },
    options: PostingOptions = {},
  ): Promise<ForumThreadCreated> {
    const [category] = await this.db.query(`SELECT archived_at FROM forum_categories WHERE id = $1`, [input.categoryId]);
    if (!category) throw ForumsErrors.invalid('No such category', [{ field: 'categoryId', message: 'is not a category' }]);
    if (category.archived_at) throw ForumsErrors.categoryArchived('This category is archived: it is read-only');
    await this.limitPosting(author, options);
    const at = options.at ?? new Date();
    const threadId = randomUUID();
    const created = await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO forum_threads (id, category_id, title, author_id, last_post_at, created_at) VALUES ($1, $2, $3, $4, $5, $5)`,
        [threadId, input.categoryId, input.title, author.id, at],
      );
      await manager.query(`UPDATE forum_categories SET thread_count = thread_count + 1 WHERE id = $1`, [input.categoryId]);
      return this.insertPost(manager, {
        threadId,
        author,
        body: input.body,
        replyToPostId: null,
        title: input.title,
        at,
        attachments: input.attachments ?? [],
      });
    });
    const firstPost = await this.afterPostCommitted(created);
    return { ...(await this.getThread(threadId, author)), firstPost };
  }

  // ---- posts ----

  async listPosts(threadId: string, viewer: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<ForumPostView>> {
    const after = decodeCursor(query.cursor, 1);
    // Keyset on seq: seqs are handed out under the thread's row lock, so they commit in order and
    // a page boundary never moves while others post.
    const rows: PostRow[] = await this.db.query(THREAD_POSTS_SQL, [
      threadId,
      viewer.id,
      isCoordinator(viewer),
      after ? Number(after[0]) : 0,
      query.limit + 1,
    ]);
    if (rows.length === 0) await this.assertThreadExists(threadId);
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.seq],
      (r) => r,
    );
    return { items: await this.views.posts(page.items, viewer.id), nextCursor: page.nextCursor };
  }

  async getPost(postId: string, viewer: AuthUser): Promise<ForumPostView> {
    const [row]: PostRow[] = await this.db.query(`${postSelect('$2', '$3')} WHERE p.id = $1 AND (p.status <> 'hidden' OR $3)`, [
      postId,
      viewer.id,
      isCoordinator(viewer),
    ]);
    if (!row) throw ForumsErrors.postNotFound('No such post');
    return (await this.views.posts([row], viewer.id))[0]!;
  }

  async reply(
    author: AuthUser,
    threadId: string,
    input: { body: string; replyToPostId?: string; attachments?: AttachmentInput[] },
    options: PostingOptions = {},
  ): Promise<ForumPostView> {
    const [thread] = await this.db.query(
      `SELECT t.locked, c.archived_at IS NOT NULL AS archived FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE t.id = $1`,
      [threadId],
    );
    if (!thread) throw ForumsErrors.threadNotFound('No such thread');
    if (thread.archived) throw ForumsErrors.categoryArchived('This thread is in an archived category: it is read-only');
    if (thread.locked && !isCoordinator(author)) throw ForumsErrors.threadLocked('This thread is locked');
    if (input.replyToPostId) {
      const [target] = await this.db.query(`SELECT 1 FROM forum_posts WHERE id = $1 AND thread_id = $2 AND status = 'visible'`, [
        input.replyToPostId,
        threadId,
      ]);
      if (!target)
        throw ForumsErrors.invalid('You can only reply to a visible post in this thread', [
          { field: 'replyToPostId', message: 'is not a post in this thread' },
        ]);
    }
    await this.limitPosting(author, options);
    const created = await this.db.transaction((manager) =>
      this.insertPost(manager, {
        threadId,
        author,
        body: input.body,
        replyToPostId: input.replyToPostId ?? null,
        title: null,
        at: options.at ?? new Date(),
        attachments: input.attachments ?? [],
      }),
    );
    return this.afterPostCommitted(created);
  }

  async editPost(editor: AuthUser, postId: string, source: string): Promise<ForumPostView> {
    const body = withoutNul(source);
    await this.db.transaction(async (manager) => {
      const post = await this.lockPostForChange(manager, editor, postId);
      const { html, quoteHtml, text } = renderPost(body, post.reply_to_post_id !== null);
      await manager.query(`INSERT INTO forum_post_revisions (post_id, body, edited_by) VALUES ($1, $2, $3)`, [
        postId,
        post.body,
        editor.id,
      ]);
      await manager.query(
        `UPDATE forum_posts SET body = $2, body_html = $3, quote_html = $4, plain_text = $5, edited_at = now(),
                search = setweight(to_tsvector('english', $6), 'A') || setweight(to_tsvector('english', $5), 'B')
          WHERE id = $1`,
        [postId, body, html, quoteHtml, text, post.seq === 1 ? post.title : ''],
      );
    });
    const view = await this.getPost(postId, editor);
    this.realtime.toRoom(threadRoom(view.threadId), 'forum:post.updated', {
      threadId: view.threadId,
      post: { ...view, body: null, myReactions: [] },
    });
    return view;
  }

  /** Edit history, newest first: for the post's author and moderators. */
  async revisions(caller: AuthUser, postId: string): Promise<ForumPostRevisionView[]> {
    const post = await this.getPost(postId, caller);
    if (post.author.id !== caller.id && !isCoordinator(caller))
      throw ForumsErrors.notYourPost('Only its author or a moderator may see the edit history');
    const rows: { body: string; edited_by: string; created_at: Date }[] = await this.db.query(
      `SELECT body, edited_by, created_at FROM forum_post_revisions WHERE post_id = $1 ORDER BY created_at DESC, id DESC`,
      [postId],
    );
    return rows.map((r) => ({ body: r.body, editedBy: r.edited_by, createdAt: r.created_at.toISOString() }));
  }

  /** A tombstone: the post keeps its place in the thread, without its words. */
  async deletePost(caller: AuthUser, postId: string): Promise<void> {
    const threadId = await this.db.transaction(async (manager) => {
      const post = await this.lockPostForChange(manager, caller, postId);
      await this.setStatus(manager, post, 'deleted');
      return post.thread_id;
    });
    await this.afterPostRemoved(threadId, postId, 'forum.post.deleted');
  }

  /** Moderation: visible ⇄ hidden, with counts and last-post kept right. */
  async setHidden(postId: string, hidden: boolean, manager?: EntityManager): Promise<{ threadId: string; changed: boolean }> {
    const work = async (m: EntityManager) => {
      const [post] = await m.query(`SELECT p.id, p.thread_id, p.seq, p.status FROM forum_posts p WHERE p.id = $1 FOR UPDATE`, [postId]);
      if (!post) throw ForumsErrors.postNotFound('No such post');
      const from: PostStatus = hidden ? 'visible' : 'hidden';
      if (post.status !== from) return { threadId: post.thread_id as string, changed: false };
      await this.setStatus(m, post, hidden ? 'hidden' : 'visible');
      return { threadId: post.thread_id as string, changed: true };
    };
    const result = manager ? await work(manager) : await this.db.transaction(work);
    if (result.changed && hidden && !manager) await this.afterPostRemoved(result.threadId, postId, 'forum.post.hidden');
    return result;
  }

  /** For a caller that hid a post inside its own transaction, once that has committed. */
  async afterPostRemoved(threadId: string, postId: string, event: 'forum.post.hidden' | 'forum.post.deleted'): Promise<void> {
    this.realtime.toRoom(threadRoom(threadId), 'forum:post.removed', { threadId, postId });
    await this.events.emit(event, { postId });
  }

  /** The composer's Preview tab: the very renderer that will store the post. */
  preview(body: string): ForumPreviewView {
    return { html: renderMarkdown(body, { mode: 'post' }).html };
  }

  /** For the files lib: a post's files are seen by those who may read it, and of a hidden or deleted post by nobody. */
  async isPostVisible(postId: string): Promise<boolean> {
    const [post] = await this.db.query(`SELECT 1 FROM forum_posts WHERE id = $1 AND status = 'visible'`, [postId]);
    return Boolean(post);
  }

  // ---- reactions, read state, subscriptions ----

  async react(user: AuthUser, postId: string, emoji: string, on: boolean): Promise<void> {
    if (!REACTION_SLUGS.includes(emoji as ForumReaction)) {
      throw ForumsErrors.invalid('Unknown reaction', [{ field: 'emoji', message: `must be one of ${REACTION_SLUGS.join(', ')}` }]);
    }
    const [post] = await this.db.query(`SELECT 1 FROM forum_posts WHERE id = $1 AND status = 'visible'`, [postId]);
    if (!post) throw ForumsErrors.postNotFound('No such post');
    await this.db.query(
      on
        ? `INSERT INTO forum_reactions (post_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`
        : `DELETE FROM forum_reactions WHERE post_id = $1 AND user_id = $2 AND emoji = $3`,
      [postId, user.id, emoji],
    );
  }

  /** Read state only moves forward: an older post marked read later changes nothing. */
  async markRead(user: AuthUser, threadId: string, lastReadPostId: string): Promise<void> {
    await this.assertThreadExists(threadId);
    const [post] = await this.db.query(`SELECT seq FROM forum_posts WHERE id = $1 AND thread_id = $2`, [lastReadPostId, threadId]);
    if (!post)
      throw ForumsErrors.invalid('That post is not in this thread', [{ field: 'lastReadPostId', message: 'is not a post in this thread' }]);
    await this.db.query(
      `INSERT INTO forum_thread_reads (user_id, thread_id, last_read_seq, last_read_post_id, read_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = EXCLUDED.last_read_seq, last_read_post_id = EXCLUDED.last_read_post_id, read_at = EXCLUDED.read_at
       WHERE forum_thread_reads.last_read_seq < EXCLUDED.last_read_seq`,
      [user.id, threadId, post.seq, lastReadPostId],
    );
  }

  async subscribe(user: AuthUser, threadId: string, on: boolean): Promise<void> {
    await this.assertThreadExists(threadId);
    await this.db.query(
      on
        ? `INSERT INTO forum_subscriptions (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
        : `DELETE FROM forum_subscriptions WHERE user_id = $1 AND thread_id = $2`,
      [user.id, threadId],
    );
  }

  async assertThreadExists(threadId: string): Promise<void> {
    const [thread] = await this.db.query(`SELECT 1 FROM forum_threads WHERE id = $1`, [threadId]);
    if (!thread) throw ForumsErrors.threadNotFound('No such thread');
  }

  // ---- search ----

  /**
   * Visible posts only. The GIN index finds matches; at most SEARCH_CANDIDATES of them are ranked,
   * and snippets are made for the page alone (ts_headline re-parses the text).
   */
  async search(viewer: AuthUser, query: { q: string; categoryId?: string; limit: number; cursor?: string }): Promise<ForumSearchPage> {
    const after = decodeCursor(query.cursor, 2);
    const params: unknown[] = [query.q, query.limit + 1, query.categoryId ?? null, HEADLINE_OPTIONS];
    if (after) params.push(Number(after[0]), after[1]);
    const rows: {
      post_id: string;
      thread_id: string;
      author_id: string;
      created_at: Date;
      rank: number;
      title: string;
      category_slug: string;
      headline: string;
    }[] = await this.db.query(searchSql(after !== null), params);
    const authors = await this.views.authors(rows.map((r) => r.author_id));
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.rank, r.post_id],
      (r) => ({
        threadId: r.thread_id,
        postId: r.post_id,
        title: r.title,
        snippet: snippetHtml(r.headline),
        categorySlug: r.category_slug,
        author: authors.get(r.author_id)!,
        createdAt: r.created_at.toISOString(),
      }),
    );
    return page;
  }

  // ---- internals ----

  private async limitPosting(author: AuthUser, options: PostingOptions): Promise<void> {
    if (options.rateLimited === false) return;
    await this.rateLimiter.consume(LIMITS.posting, author.id);
    if (isCoordinator(author)) return;
    const [{ first }] = await this.db.query(`SELECT min(created_at) AS first FROM forum_posts WHERE author_id = $1`, [author.id]);
    if (first === null || Date.now() - (first as Date).getTime() < NEWCOMER_MS) {
      await this.rateLimiter.consume(LIMITS.newcomerPosting, author.id);
      await this.rateLimiter.consume(LIMITS.newcomerDaily, author.id);
    }
  }

  /** Inside the caller's transaction: the thread row lock orders the seqs. */
  private async insertPost(manager: EntityManager, input: NewPost) {
    const id = randomUUID();
    const post = { ...input, body: withoutNul(input.body) };
    const { html, quoteHtml, text, mentions } = renderPost(post.body, post.replyToPostId !== null);
    const bumped: { last_seq: number; title: string; category_id: string }[] = await manager
      .query(
        `UPDATE forum_threads
          SET last_seq = last_seq + 1, reply_count = reply_count + (CASE WHEN last_seq > 0 THEN 1 ELSE 0 END),
              last_post_at = $2, last_post_id = $3
        WHERE id = $1 AND (NOT locked OR $4)
        RETURNING last_seq, title, category_id`,
        [post.threadId, post.at, id, isCoordinator(post.author)],
      )
      .then(([rows]) => rows);
    const thread = bumped[0];
    if (!thread) throw ForumsErrors.threadLocked('This thread is locked');
    await manager.query(
      `INSERT INTO forum_posts (id, thread_id, seq, author_id, body, body_html, quote_html, plain_text, reply_to_post_id, created_at, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, setweight(to_tsvector('english', $11), 'A') || setweight(to_tsvector('english', $8), 'B'))`,
      [id, post.threadId, thread.last_seq, post.author.id, post.body, html, quoteHtml, text, post.replyToPostId, post.at, post.title ?? ''],
    );
    const [{ slug }] = await manager
      .query(
        `UPDATE forum_categories SET post_count = post_count + 1, last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1 RETURNING slug`,
        [thread.category_id, post.at],
      )
      .then(([rows]) => rows);
    await this.files.attach(manager, post.author.id, 'forum-post', id, post.attachments);
    // Posting watches the thread.
    await manager.query(`INSERT INTO forum_subscriptions (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      post.author.id,
      post.threadId,
    ]);
    return {
      ...post,
      id,
      seq: thread.last_seq,
      threadTitle: thread.title as string,
      categorySlug: slug as string,
      html,
      quoteHtml,
      text,
      mentions,
    };
  }

  /** After commit: the live event for watchers, then the domain event for notifications. */
  private async afterPostCommitted(created: Awaited<ReturnType<ForumsService['insertPost']>>): Promise<ForumPostView> {
    const [replyTo] = created.replyToPostId
      ? await this.db.query(`SELECT author_id FROM forum_posts WHERE id = $1 AND status = 'visible'`, [created.replyToPostId])
      : [];
    const row: PostRow = {
      id: created.id,
      thread_id: created.threadId,
      seq: created.seq,
      author_id: created.author.id,
      status: 'visible',
      created_at: created.at,
      edited_at: null,
      reply_to_post_id: created.replyToPostId,
      body_html: created.html,
      quote_html: replyTo ? created.quoteHtml : null,
      has_quote: created.quoteHtml !== null,
      body: created.body,
    };
    const [view] = await this.views.posts([row], created.author.id);
    this.realtime.toRoom(threadRoom(created.threadId), 'forum:post.created', {
      threadId: created.threadId,
      post: { ...view!, body: null },
    });

    const mentioned = (await this.identity.findByHandles(created.mentions)).filter(
      (u) => u.status === 'active' && u.id !== created.author.id,
    );
    const subscribers: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM forum_subscriptions WHERE thread_id = $1 AND user_id <> $2`,
      [created.threadId, created.author.id],
    );
    const replyToAuthorId = replyTo && replyTo.author_id !== created.author.id ? (replyTo.author_id as string) : null;
    await this.events.emit('forum.post.created', {
      postId: created.id,
      threadId: created.threadId,
      threadTitle: created.threadTitle,
      categorySlug: created.categorySlug,
      authorId: created.author.id,
      replyToAuthorId,
      quoted: replyToAuthorId !== null && created.quoteHtml !== null,
      mentionedUserIds: mentioned.map((u) => u.id),
      subscriberIds: subscribers.map((s) => s.user_id),
      link: `/forums/threads/${created.threadId}?post=${created.id}`,
      preview: preview(created.text),
    });
    return view!;
  }

  /** The post for an edit or delete by its author or a moderator; 404 for what the caller may not see. */
  private async lockPostForChange(manager: EntityManager, caller: AuthUser, postId: string) {
    const [post]: {
      id: string;
      thread_id: string;
      seq: number;
      author_id: string;
      status: PostStatus;
      body: string;
      reply_to_post_id: string | null;
      title: string;
      locked: boolean;
    }[] = await manager.query(
      `SELECT p.id, p.thread_id, p.seq, p.author_id, p.status, p.body, p.reply_to_post_id, t.title, t.locked
           FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id WHERE p.id = $1 FOR UPDATE OF p`,
      [postId],
    );
    const moderator = isCoordinator(caller);
    if (!post || post.status === 'deleted' || (post.status === 'hidden' && !moderator)) throw ForumsErrors.postNotFound('No such post');
    if (post.author_id !== caller.id && !moderator) throw ForumsErrors.notYourPost('Only its author or a moderator may change a post');
    if (post.locked && !moderator) throw ForumsErrors.threadLocked('This thread is locked');
    return post;
  }

  /** Counts follow visibility: a post leaving or re-entering view moves the thread's and category's counters. */
  private async setStatus(
    manager: EntityManager,
    post: { id: string; thread_id: string; seq: number; status: PostStatus },
    to: PostStatus,
  ): Promise<void> {
    await manager.query(`UPDATE forum_posts SET status = $2 WHERE id = $1`, [post.id, to]);
    const delta = (to === 'visible' ? 1 : 0) - (post.status === 'visible' ? 1 : 0);
    if (delta === 0) return;
    await manager.query(`UPDATE forum_threads SET reply_count = reply_count + $2 WHERE id = $1`, [
      post.thread_id,
      post.seq > 1 ? delta : 0,
    ]);
    const [latest] = await manager.query(
      `SELECT id, created_at FROM forum_posts WHERE thread_id = $1 AND status = 'visible' ORDER BY seq DESC LIMIT 1`,
      [post.thread_id],
    );
    await manager.query(`UPDATE forum_threads SET last_post_id = $2, last_post_at = COALESCE($3, created_at) WHERE id = $1`, [
      post.thread_id,
      latest?.id ?? null,
      latest?.created_at ?? null,
    ]);
    await manager.query(
      `UPDATE forum_categories SET post_count = post_count + $2 WHERE id = (SELECT category_id FROM forum_threads WHERE id = $1)`,
      [post.thread_id, delta],
    );
  }
}

/** A reply's leading quote is rendered apart from the member's own words (see splitLeadingQuote). */
function renderPost(body: string, isReply: boolean) {
  const { quote, own } = isReply ? splitLeadingQuote(body) : { quote: null, own: body };
  const rendered = renderMarkdown(own, { mode: 'post' });
  return {
    html: rendered.html,
    quoteHtml: quote ? renderMarkdown(quote, { mode: 'post' }).html : null,
    text: rendered.text,
    mentions: rendered.mentions,
  };
}

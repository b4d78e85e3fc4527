import { Injectable } from '@nestjs/common';
import { Page, decodeCursor, renderMarkdown, toPage } from '@mutuals/core';
import type {
  ForumCategoryView,
  ForumPostRevisionView,
  ForumPostView,
  ForumPreviewView,
  ForumSearchPage,
  ForumThreadSummary,
  ForumThreadView,
} from '@mutuals/contracts';
import { AuthUser, isCoordinator } from '@mutuals/identity';
import { ForumCategoriesRepository } from './forum-categories.repository';
import { ForumPostsRepository } from './forum-posts.repository';
import { ForumSearchRepository } from './forum-search.repository';
import { ForumThreadsRepository } from './forum-threads.repository';
import { ForumViews, type SharedPostView, forViewer } from './forum-views';
import { ForumsCache } from './forums-cache';
import { ForumsErrors } from './forums.errors';
import { snippetHtml } from './post-text';

/**
 * Everything a member reads: categories, thread lists, threads, posts, edit history, search.
 * What a member may not see (a hidden post, a thread whose opening post is hidden) answers 404;
 * moderators see it, marked.
 */
@Injectable()
export class ForumsReadingService {
  constructor(
    private readonly categoriesRepository: ForumCategoriesRepository,
    private readonly threads: ForumThreadsRepository,
    private readonly posts: ForumPostsRepository,
    private readonly searchIndex: ForumSearchRepository,
    private readonly views: ForumViews,
    private readonly cache: ForumsCache,
  ) {}

  /** Members see the categories in use; coordinators (includeArchived) see the archived ones too. */
  async categories(options: { includeArchived?: boolean } = {}): Promise<ForumCategoryView[]> {
    const rows = await this.categoriesRepository.all(options.includeArchived ?? false);
    return rows.map((c) => ({
      ...c,
      lastActivityAt: c.lastActivityAt?.toISOString() ?? null,
      archivedAt: c.archivedAt?.toISOString() ?? null,
    }));
  }

  /** One category, archived or not. */
  async category(id: string): Promise<ForumCategoryView> {
    const found = (await this.categories({ includeArchived: true })).find((c) => c.id === id);
    if (!found) throw ForumsErrors.categoryNotFound('No such category');
    return found;
  }

  /** A category's threads from the cache, with the viewer's unread counts put on top (one query, for the threads they have read). */
  async listThreads(slug: string, viewer: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<ForumThreadSummary>> {
    const categoryId = await this.cache.categoryIdOf(slug, () => this.categoriesRepository.idOfSlug(slug));
    if (!categoryId) throw ForumsErrors.categoryNotFound('No such category');
    const after = decodeCursor(query.cursor, ['flag', 'timestamp', 'uuid']);
    const moderator = isCoordinator(viewer);
    const page = await this.cache.threadList(categoryId, `${moderator ? 'moderator' : 'member'}:${query.limit}:${query.cursor ?? ''}`, () =>
      this.sharedThreadList(categoryId, moderator, query.limit, after && [after[0] === 1, String(after[1]), String(after[2])]),
    );
    const unread = page.items.length
      ? await this.threads.unreadCounts(
          viewer.id,
          page.items.map((t) => t.id),
        )
      : new Map<string, number>();
    return {
      items: page.items.map(({ visibleCount, ...thread }) => ({ ...thread, unreadCount: unread.get(thread.id) ?? visibleCount })),
      nextCursor: page.nextCursor,
    };
  }

  /** A page of a category's threads as every member (or every moderator) sees it, with each thread's count of visible posts. */
  private async sharedThreadList(
    categoryId: string,
    moderator: boolean,
    limit: number,
    after: [pinned: boolean, at: string, id: string] | null,
  ): Promise<Page<Omit<ForumThreadSummary, 'unreadCount'> & { visibleCount: number }>> {
    // Pinned first, then most recent activity; the keyset includes pinned so pages never overlap.
    const rows = await this.threads.listInCategory(categoryId, moderator, limit + 1, after);
    const authors = await this.views.authors(rows.map((r) => r.author_id));
    return toPage(
      rows,
      limit,
      (r) => [r.pinned ? 1 : 0, r.at_key, r.id],
      (r) => ({
        id: r.id,
        title: r.title,
        author: authors.get(r.author_id)!,
        replyCount: r.reply_count,
        lastPostAt: r.last_post_at.toISOString(),
        pinned: r.pinned,
        locked: r.locked,
        hidden: r.hidden,
        visibleCount: r.visible_count,
      }),
    );
  }

  async getThread(threadId: string, viewer: AuthUser): Promise<ForumThreadView> {
    const row = await this.threads.find(threadId, viewer.id);
    if (!row || (row.hidden && !isCoordinator(viewer))) throw ForumsErrors.threadNotFound('No such thread');
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
      hidden: row.hidden,
      subscribed: row.subscribed,
      lastReadPostId: row.last_read_post_id,
      unreadCount: row.unread_count,
    };
  }

  /** The thread's state for a change the viewer asks for; 404 when it is absent or hidden from them. */
  async threadFor(threadId: string, viewer: AuthUser): Promise<{ locked: boolean; hidden: boolean; archived: boolean }> {
    const state = await this.threads.state(threadId);
    if (!state || (state.hidden && !isCoordinator(viewer))) throw ForumsErrors.threadNotFound('No such thread');
    return state;
  }

  /** A page of a thread from the cache, made personal (the viewer's reactions, their own Markdown). */
  async listPosts(threadId: string, viewer: AuthUser, query: { limit: number; cursor?: string }): Promise<Page<ForumPostView>> {
    const after = decodeCursor(query.cursor, ['integer']);
    const moderator = isCoordinator(viewer);
    const afterSeq = after ? Number(after[0]) : 0;
    const page = await this.cache.threadPage(threadId, `${moderator ? 'moderator' : 'member'}:${query.limit}:${afterSeq}`, () =>
      this.sharedPostsPage(threadId, moderator, afterSeq, query.limit),
    );
    if (!page) throw ForumsErrors.threadNotFound('No such thread');
    return { items: page.items.map((post) => forViewer(post, { id: viewer.id, moderator })), nextCursor: page.nextCursor };
  }

  /** A page of a thread as every member (or every moderator) sees it; null when they may not see the thread. */
  private async sharedPostsPage(
    threadId: string,
    moderator: boolean,
    afterSeq: number,
    limit: number,
  ): Promise<Page<SharedPostView> | null> {
    // Keyset on seq: seqs are handed out under the thread's row lock, so they commit in order and
    // a page boundary never moves while others post.
    const rows = await this.posts.page(threadId, moderator, afterSeq, limit + 1);
    if (rows.length === 0) {
      const state = await this.threads.state(threadId);
      if (!state || (state.hidden && !moderator)) return null;
    }
    const page = toPage(
      rows,
      limit,
      (r) => [r.seq],
      (r) => r,
    );
    return { items: await this.views.sharedPostViews(page.items), nextCursor: page.nextCursor };
  }

  async getPost(postId: string, viewer: AuthUser): Promise<ForumPostView> {
    const moderator = isCoordinator(viewer);
    const row = await this.posts.find(postId, moderator);
    if (!row) throw ForumsErrors.postNotFound('No such post');
    return (await this.views.postViews([row], { id: viewer.id, moderator }))[0]!;
  }

  /** For the files lib: a post's files are seen by whoever may read the post, and of a hidden or deleted one by nobody. */
  async mayViewPostFiles(viewer: AuthUser, postId: string): Promise<boolean> {
    const row = await this.posts.find(postId, isCoordinator(viewer));
    return row?.status === 'visible';
  }

  /** Edit history, newest first: for the post's author and moderators. */
  async revisions(caller: AuthUser, postId: string): Promise<ForumPostRevisionView[]> {
    const post = await this.getPost(postId, caller);
    if (post.author.id !== caller.id && !isCoordinator(caller))
      throw ForumsErrors.notYourPost('Only its author or a moderator may see the edit history');
    const rows = await this.posts.revisions(postId);
    return rows.map((r) => ({ body: r.body, editedBy: r.edited_by, createdAt: r.created_at.toISOString() }));
  }

  /** The composer's Preview tab: the very renderer that will store the post. */
  preview(body: string): ForumPreviewView {
    return { html: renderMarkdown(body, { mode: 'post' }).html };
  }

  /**
   * Visible posts of visible threads only, the same for every reader, so pages come from the cache
   * (ForumsCache.searchPage); the ranking is forum-search.repository.ts's.
   */
  async search(query: { q: string; categoryId?: string; limit: number; cursor?: string }): Promise<ForumSearchPage> {
    const after = decodeCursor(query.cursor, ['number', 'uuid']);
    const key = JSON.stringify([query.q, query.categoryId ?? null, query.limit, query.cursor ?? null]);
    return this.cache.searchPage(key, async () => {
      const rows = await this.searchIndex.search(
        query.q,
        query.categoryId ?? null,
        query.limit + 1,
        after && [Number(after[0]), String(after[1])],
      );
      const authors = await this.views.authors(rows.map((r) => r.author_id));
      return toPage(
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
    });
  }
}

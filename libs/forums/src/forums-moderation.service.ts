import { Injectable } from '@nestjs/common';
import { DomainEvents, Page, type UnitOfWork, decodeCursor, isUniqueViolation, toPage } from '@mutuals/core';
import type { ForumCategoryView, ForumFlagAction, ForumFlagView, ForumPostView, ForumThreadView } from '@mutuals/contracts';
import { AuthUser, isCoordinator } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { DEFAULT_CATEGORIES } from './default-categories';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/forums.dto';
import type { FlagStatus } from './entities/flag.entity';
import type { PostStatus } from './entities/post.entity';
import { ForumCategoriesRepository } from './forum-categories.repository';
import { ForumFlagsRepository, type FlagRow } from './forum-flags.repository';
import { ForumPostsRepository } from './forum-posts.repository';
import { ForumThreadsRepository } from './forum-threads.repository';
import { ForumViews } from './forum-views';
import { ForumsErrors } from './forums.errors';
import { ForumsCache } from './forums-cache';
import { ForumsLive } from './forums-live';
import { ForumsReadingService } from './forums-reading.service';

/** A post a moderator hid: its thread, and the category whose lists changed (null: none). */
interface Removed {
  threadId: string;
  postId: string;
  categoryId: string | null;
}

/** A post whose visibility changes, as read under its row lock. */
interface PostForVisibility {
  id: string;
  thread_id: string;
  seq: number;
  status: PostStatus;
}

/**
 * Categories, flags and the coordinators' queue, hiding and restoring posts, pinning and locking
 * threads. Hiding a thread's opening post hides the thread from members.
 */
@Injectable()
export class ForumsModerationService {
  constructor(
    private readonly categories: ForumCategoriesRepository,
    private readonly threads: ForumThreadsRepository,
    private readonly posts: ForumPostsRepository,
    private readonly flags: ForumFlagsRepository,
    private readonly reading: ForumsReadingService,
    private readonly views: ForumViews,
    private readonly live: ForumsLive,
    private readonly events: DomainEvents,
    private readonly cache: ForumsCache,
  ) {}

  async createCategory(input: CreateCategoryDto): Promise<ForumCategoryView> {
    let id: string;
    try {
      id = await this.categories.insert({ ...input, sectorSlug: input.sectorSlug ?? null, position: input.position ?? null });
    } catch (error) {
      if (isUniqueViolation(error))
        throw ForumsErrors.categoryTaken('A category with that slug exists', [{ field: 'slug', message: 'is taken' }]);
      throw error;
    }
    await this.cache.everythingChanged();
    return this.reading.category(id);
  }

  /**
   * A fresh install's first categories, so its first members have somewhere to post before a
   * coordinator has shaped the forums; nothing happens once any category exists (archived too).
   */
  async createDefaultCategoriesIfNone(): Promise<void> {
    await this.categories.insertIfNone(DEFAULT_CATEGORIES);
    await this.cache.everythingChanged();
  }

  async updateCategory(id: string, input: UpdateCategoryDto): Promise<ForumCategoryView> {
    if (!(await this.categories.update(id, input))) throw ForumsErrors.categoryNotFound('No such category');
    await this.cache.everythingChanged();
    return this.reading.category(id);
  }

  /** The given order, first to last; every category must be named once, archived ones included. */
  async reorderCategories(ids: string[]): Promise<ForumCategoryView[]> {
    await this.events.transaction(async ({ manager }) => {
      const existing = await this.categories.lockAllIds(manager);
      const given = new Set(ids);
      if (given.size !== ids.length || existing.length !== ids.length || existing.some((id) => !given.has(id))) {
        throw ForumsErrors.invalid('Give every category exactly once', [{ field: 'ids', message: 'must list every category once' }]);
      }
      await this.categories.setOrder(ids, manager);
    });
    await this.cache.everythingChanged();
    return this.reading.categories({ includeArchived: true });
  }

  /** An archived category is read-only and out of members' list; false brings it back. */
  async archiveCategory(id: string, archived: boolean): Promise<ForumCategoryView> {
    if (!(await this.categories.setArchived(id, archived))) throw ForumsErrors.categoryNotFound('No such category');
    await this.cache.everythingChanged();
    return this.reading.category(id);
  }

  async flag(
    reporter: AuthUser,
    postId: string,
    reason: string,
  ): Promise<{ id: string; postId: string; reason: string; status: FlagStatus; createdAt: string }> {
    const post = await this.posts.find(postId, isCoordinator(reporter));
    if (!post || post.status === 'deleted') throw ForumsErrors.postNotFound('No such post');
    try {
      const row = await this.flags.insert(postId, reporter.id, reason);
      return { id: row.id, postId, reason, status: 'open', createdAt: row.created_at.toISOString() };
    } catch (error) {
      if (isUniqueViolation(error)) throw ForumsErrors.alreadyFlagged('You have already flagged this post; a moderator will look at it');
      throw error;
    }
  }

  async queue(moderator: AuthUser, query: { status: FlagStatus; limit: number; cursor?: string }): Promise<Page<ForumFlagView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.flags.queue(query.status, query.limit + 1, after && [String(after[0]), String(after[1])]);
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.at_key, r.id],
      (r) => r,
    );
    return { items: await this.flagViews(moderator, page.items), nextCursor: page.nextCursor };
  }

  /** `hide` hides the post and closes every open flag on it; `dismiss` closes them and leaves the post. */
  async resolve(moderator: AuthUser, flagId: string, action: ForumFlagAction): Promise<ForumFlagView> {
    const removed = await this.events.transaction(async (unit) => {
      const flag = await this.flags.find(flagId, unit.manager, true);
      if (!flag) throw ForumsErrors.flagNotFound('No such flag');
      if (flag.status !== 'open') throw ForumsErrors.flagResolved('This flag was already resolved');
      const hidden = action === 'hide' ? await this.hideIn(unit, flag.post_id) : null;
      await this.flags.resolveOpenOn(flag.post_id, action, moderator.id, unit.manager);
      return hidden;
    });
    if (removed) await this.removed(removed);
    const row = await this.flags.find(flagId);
    return (await this.flagViews(moderator, [row!]))[0]!;
  }

  async hide(moderator: AuthUser, postId: string): Promise<ForumPostView> {
    const removed = await this.events.transaction((unit) => this.hideIn(unit, postId));
    if (removed) await this.removed(removed);
    return this.reading.getPost(postId, moderator);
  }

  async restore(moderator: AuthUser, postId: string): Promise<ForumPostView> {
    const restored = await this.events.transaction(async ({ manager }) => {
      const post = await this.posts.lockForChange(postId, manager);
      if (!post) throw ForumsErrors.postNotFound('No such post');
      if (post.status !== 'hidden') return null;
      const { categoryId } = await this.changeVisibility(post, 'visible', manager);
      return { threadId: post.thread_id, categoryId };
    });
    if (restored) await this.cache.changed({ ...restored, searched: true });
    const changed = restored !== null;
    const post = await this.reading.getPost(postId, moderator);
    if (!changed && post.status !== 'visible') throw ForumsErrors.notHidden('Only a hidden post can be restored');
    return post;
  }

  async setThreadFlag(moderator: AuthUser, threadId: string, flag: 'pinned' | 'locked', value: boolean): Promise<ForumThreadView> {
    const categoryId = await this.threads.setFlag(threadId, flag, value);
    if (!categoryId) throw ForumsErrors.threadNotFound('No such thread');
    await this.cache.changed({ threadId, categoryId });
    return this.reading.getThread(threadId, moderator);
  }

  /**
   * Moves a post between visible, hidden and deleted inside the caller's transaction; counts and
   * the thread's last post follow. Hiding or restoring the opening post hides or shows the thread.
   * Answers whether the thread became hidden, and the category whose lists changed (null: none).
   */
  async changeVisibility(
    post: PostForVisibility,
    to: PostStatus,
    manager: EntityManager,
  ): Promise<{ threadBecameHidden: boolean; categoryId: string | null }> {
    await this.posts.setStatus(post.id, to, manager);
    const delta = (to === 'visible' ? 1 : 0) - (post.status === 'visible' ? 1 : 0);
    const opener = post.seq === 1;
    const hides = opener && post.status === 'visible' && to === 'hidden';
    const shows = opener && post.status === 'hidden' && to === 'visible';
    if (delta === 0 && !hides && !shows) return { threadBecameHidden: false, categoryId: null };
    const latest = await this.posts.latestVisibleIn(post.thread_id, manager);
    const thread = await this.threads.followPostVisibility(
      post.thread_id,
      { replies: opener ? 0 : delta, hidden: hides ? true : shows ? false : null, latest },
      manager,
    );
    const threadBecameHidden = hides && !thread.wasHidden;
    const threads = threadBecameHidden ? -1 : shows && thread.wasHidden ? 1 : 0;
    await this.categories.moveCounts(thread.categoryId, post.thread_id, { threads, posts: delta }, manager);
    return { threadBecameHidden, categoryId: thread.categoryId };
  }

  /** Hides a visible post; nothing (null) when it is not visible. Notifications hear of it once committed. */
  private async hideIn(unit: UnitOfWork, postId: string): Promise<Removed | null> {
    const post = await this.posts.lockForChange(postId, unit.manager);
    if (!post) throw ForumsErrors.postNotFound('No such post');
    if (post.status !== 'visible') return null;
    const { threadBecameHidden, categoryId } = await this.changeVisibility(post, 'hidden', unit.manager);
    await unit.emit('forum.post.hidden', { postId });
    if (threadBecameHidden)
      await unit.emit('forum.thread.hidden', { threadId: post.thread_id, postIds: await this.posts.idsIn(post.thread_id, unit.manager) });
    return { threadId: post.thread_id, postId, categoryId };
  }

  /** Once a hide committed: pages and lists made afresh, watchers told. */
  private async removed({ threadId, postId, categoryId }: Removed): Promise<void> {
    await this.cache.changed({ threadId, categoryId, searched: true });
    this.live.postRemoved(threadId, postId);
  }

  private async flagViews(moderator: AuthUser, flags: FlagRow[]): Promise<ForumFlagView[]> {
    if (flags.length === 0) return [];
    const postRows = await this.posts.withThreadTitles([...new Set(flags.map((f) => f.post_id))]);
    const [posts, reporters] = await Promise.all([
      this.views.postViews(postRows, { id: moderator.id, moderator: true }),
      this.views.authors(flags.map((f) => f.reporter_id)),
    ]);
    const postById = new Map(posts.map((p, i) => [p.id, { ...p, threadTitle: postRows[i]!.thread_title }]));
    return flags.map((f) => ({
      id: f.id,
      reason: f.reason,
      status: f.status,
      resolution: f.resolution,
      createdAt: f.created_at.toISOString(),
      resolvedAt: f.resolved_at?.toISOString() ?? null,
      reporter: reporters.get(f.reporter_id)!,
      post: postById.get(f.post_id)!,
    }));
  }
}

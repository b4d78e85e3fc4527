import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, Page, decodeCursor, toPage } from '@mutuals/core';
import type { ForumFlagAction, ForumFlagView, ForumPostView, ForumThreadView } from '@mutuals/contracts';
import { AuthUser, isCoordinator } from '@mutuals/identity';
import { DataSource, QueryFailedError } from 'typeorm';
import type { FlagStatus } from './entities/flag.entity';
import { ForumsErrors } from './forums.errors';
import { ForumsService } from './forums.service';
import { postSelect } from './forum-queries';
import { ForumViews, PostRow } from './forum-views';

interface FlagRow {
  id: string;
  post_id: string;
  reporter_id: string;
  reason: string;
  status: FlagStatus;
  resolution: ForumFlagAction | null;
  created_at: Date;
  resolved_at: Date | null;
}

/** Flags, the coordinators' queue, hiding and restoring posts, pinning and locking threads. */
@Injectable()
export class ForumsModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly forums: ForumsService,
    private readonly views: ForumViews,
    private readonly events: DomainEvents,
  ) {}

  async flag(
    reporter: AuthUser,
    postId: string,
    reason: string,
  ): Promise<{ id: string; postId: string; reason: string; status: FlagStatus; createdAt: string }> {
    const [post] = await this.db.query(`SELECT status FROM forum_posts WHERE id = $1`, [postId]);
    if (!post || post.status === 'deleted' || (post.status === 'hidden' && !isCoordinator(reporter)))
      throw ForumsErrors.postNotFound('No such post');
    let row: FlagRow;
    try {
      [row] = await this.db.query(`INSERT INTO forum_flags (post_id, reporter_id, reason) VALUES ($1, $2, $3) RETURNING id, created_at`, [
        postId,
        reporter.id,
        reason,
      ]);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw ForumsErrors.alreadyFlagged('You have already flagged this post; a moderator will look at it');
      }
      throw error;
    }
    await this.events.emit('forum.flag.created', { flagId: row.id, postId });
    return { id: row.id, postId, reason, status: 'open', createdAt: row.created_at.toISOString() };
  }

  async queue(moderator: AuthUser, query: { status: FlagStatus; limit: number; cursor?: string }): Promise<Page<ForumFlagView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [query.status, query.limit + 1];
    if (after) params.push(after[0], after[1]);
    // Oldest first: the queue is worked through in the order people asked.
    const rows: (FlagRow & { at_key: string })[] = await this.db.query(
      `SELECT f.*, f.created_at::text AS at_key FROM forum_flags f
        WHERE f.status = $1 ${after ? 'AND (f.created_at, f.id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY f.created_at, f.id LIMIT $2`,
      params,
    );
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
    const outcome = await this.db.transaction(async (manager) => {
      const [flag]: FlagRow[] = await manager.query(`SELECT * FROM forum_flags WHERE id = $1 FOR UPDATE`, [flagId]);
      if (!flag) throw ForumsErrors.flagNotFound('No such flag');
      if (flag.status !== 'open') throw ForumsErrors.flagResolved('This flag was already resolved');
      const hidden = action === 'hide' ? await this.forums.setHidden(flag.post_id, true, manager) : null;
      await manager.query(
        `UPDATE forum_flags SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = now()
          WHERE post_id = $1 AND status = 'open'`,
        [flag.post_id, action, moderator.id],
      );
      return { postId: flag.post_id, hidden };
    });
    if (outcome.hidden?.changed) await this.forums.afterPostRemoved(outcome.hidden.threadId, outcome.postId, 'forum.post.hidden');
    const [row]: FlagRow[] = await this.db.query(`SELECT * FROM forum_flags WHERE id = $1`, [flagId]);
    return (await this.flagViews(moderator, [row!]))[0]!;
  }

  async hide(moderator: AuthUser, postId: string): Promise<ForumPostView> {
    await this.forums.setHidden(postId, true);
    return this.forums.getPost(postId, moderator);
  }

  async restore(moderator: AuthUser, postId: string): Promise<ForumPostView> {
    const { changed } = await this.forums.setHidden(postId, false);
    const post = await this.forums.getPost(postId, moderator);
    if (!changed && post.status !== 'visible') throw ForumsErrors.notHidden('Only a hidden post can be restored');
    return post;
  }

  async setThreadFlag(moderator: AuthUser, threadId: string, flag: 'pinned' | 'locked', value: boolean): Promise<ForumThreadView> {
    const [, affected] = await this.db.query(`UPDATE forum_threads SET ${flag === 'pinned' ? 'pinned' : 'locked'} = $2 WHERE id = $1`, [
      threadId,
      value,
    ]);
    if (affected === 0) throw ForumsErrors.threadNotFound('No such thread');
    return this.forums.getThread(threadId, moderator);
  }

  private async flagViews(moderator: AuthUser, flags: FlagRow[]): Promise<ForumFlagView[]> {
    if (flags.length === 0) return [];
    const postRows: (PostRow & { thread_title: string })[] = await this.db.query(
      `SELECT x.*, t.title AS thread_title FROM (${postSelect('$2', 'true')} WHERE p.id = ANY($1::uuid[])) x
         JOIN forum_threads t ON t.id = x.thread_id`,
      [[...new Set(flags.map((f) => f.post_id))], moderator.id],
    );
    const [posts, reporters] = await Promise.all([
      this.views.posts(postRows, moderator.id),
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

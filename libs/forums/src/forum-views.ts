import { Injectable } from '@nestjs/common';
import { FORUM_REACTIONS, type ForumAuthor, type ForumPostView, type ForumReaction } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { IdentityService } from '@mutuals/identity';
import { ForumPostsRepository, type PostRow } from './forum-posts.repository';
import { REMOVED_QUOTE_HTML } from './post-text';

export const REACTION_SLUGS = Object.keys(FORUM_REACTIONS) as ForumReaction[];

const FORMER_MEMBER = (id: string): ForumAuthor => ({ id, displayName: 'Former member', handle: '', avatarUrl: null });

/** Turns rows into the views of shared/API.md: names from identity, reactions counted. */
@Injectable()
export class ForumViews {
  constructor(
    private readonly posts: ForumPostsRepository,
    private readonly identity: IdentityService,
    private readonly files: FilesService,
  ) {}

  async authors(ids: readonly string[]): Promise<Map<string, ForumAuthor>> {
    const summaries = await this.identity.getUserSummaries(ids);
    return new Map(
      ids.map((id) => {
        const s = summaries.get(id);
        return [id, s ? { id, displayName: s.displayName, handle: s.handle, avatarUrl: s.avatarUrl } : FORMER_MEMBER(id)];
      }),
    );
  }

  async postViews(rows: PostRow[], viewerId: string): Promise<ForumPostView[]> {
    if (rows.length === 0) return [];
    const [authors, reactions, attachments] = await Promise.all([
      this.authors(rows.map((r) => r.author_id)),
      this.reactions(
        rows.filter((r) => r.status !== 'deleted').map((r) => r.id),
        viewerId,
      ),
      this.files.attachmentsOf(
        'forum-post',
        rows.filter((r) => r.status === 'visible').map((r) => r.id),
      ),
    ]);
    return rows.map((row) => {
      const mine = reactions.get(row.id);
      return {
        id: row.id,
        threadId: row.thread_id,
        seq: row.seq,
        author: authors.get(row.author_id) ?? FORMER_MEMBER(row.author_id),
        bodyHtml: (row.has_quote ? (row.quote_html ?? REMOVED_QUOTE_HTML) : '') + row.body_html,
        body: row.body,
        createdAt: row.created_at.toISOString(),
        editedAt: row.edited_at?.toISOString() ?? null,
        replyToPostId: row.reply_to_post_id,
        status: row.status,
        reactions: mine?.counts ?? {},
        myReactions: mine?.mine ?? [],
        attachments: attachments.get(row.id) ?? [],
      };
    });
  }

  private async reactions(postIds: string[], viewerId: string) {
    const byPost = new Map<string, { counts: Partial<Record<ForumReaction, number>>; mine: ForumReaction[] }>();
    if (postIds.length === 0) return byPost;
    const rows = await this.posts.reactionCounts(postIds, viewerId);
    for (const row of rows) {
      const entry = byPost.get(row.post_id) ?? { counts: {}, mine: [] };
      entry.counts[row.emoji] = row.n;
      if (row.mine) entry.mine.push(row.emoji);
      byPost.set(row.post_id, entry);
    }
    for (const entry of byPost.values()) entry.mine.sort((a, b) => REACTION_SLUGS.indexOf(a) - REACTION_SLUGS.indexOf(b));
    return byPost;
  }
}

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

  /** Posts as `viewer` sees them. */
  async postViews(rows: PostRow[], viewer: PostViewer): Promise<ForumPostView[]> {
    return (await this.sharedPostViews(rows)).map((post) => forViewer(post, viewer));
  }

  /**
   * A post just written, as `viewer` sees it, from its row and its author's name as read before
   * the write: what sharedPostViews would answer, without reading back what the writer knows (no
   * reactions yet; its files are read only when `attached`, in the order every page shows them).
   */
  async newPostView(row: PostRow, author: ForumAuthor, attached: boolean, viewer: PostViewer): Promise<ForumPostView> {
    const attachments = attached ? ((await this.files.attachmentsOf('forum-post', [row.id])).get(row.id) ?? []) : [];
    return forViewer(
      {
        id: row.id,
        threadId: row.thread_id,
        seq: row.seq,
        author,
        bodyHtml: (row.has_quote ? (row.quote_html ?? REMOVED_QUOTE_HTML) : '') + row.body_html,
        markdown: row.body,
        createdAt: row.created_at.toISOString(),
        editedAt: null,
        replyToPostId: row.reply_to_post_id,
        status: row.status,
        reactors: [],
        attachments,
      },
      viewer,
    );
  }

  /** What every viewer of these posts sees, with who reacted: cacheable, and made personal by forViewer. */
  async sharedPostViews(rows: PostRow[]): Promise<SharedPostView[]> {
    if (rows.length === 0) return [];
    const [authors, reactors, attachments] = await Promise.all([
      this.authors(rows.map((r) => r.author_id)),
      this.reactors(rows.filter((r) => r.status !== 'deleted').map((r) => r.id)),
      this.files.attachmentsOf(
        'forum-post',
        rows.filter((r) => r.status === 'visible').map((r) => r.id),
      ),
    ]);
    return rows.map((row) => ({
      id: row.id,
      threadId: row.thread_id,
      seq: row.seq,
      author: authors.get(row.author_id) ?? FORMER_MEMBER(row.author_id),
      bodyHtml: (row.has_quote ? (row.quote_html ?? REMOVED_QUOTE_HTML) : '') + row.body_html,
      markdown: row.body,
      createdAt: row.created_at.toISOString(),
      editedAt: row.edited_at?.toISOString() ?? null,
      replyToPostId: row.reply_to_post_id,
      status: row.status,
      reactors: reactors.get(row.id) ?? [],
      attachments: attachments.get(row.id) ?? [],
    }));
  }

  private async reactors(postIds: string[]): Promise<Map<string, [ForumReaction, string[]][]>> {
    const byPost = new Map<string, [ForumReaction, string[]][]>();
    if (postIds.length === 0) return byPost;
    for (const row of await this.posts.reactors(postIds)) {
      byPost.set(row.post_id, [...(byPost.get(row.post_id) ?? []), [row.emoji, row.user_ids]]);
    }
    // In the order of the reaction picker, for counts and a viewer's own alike.
    for (const list of byPost.values()) list.sort(([a], [b]) => REACTION_SLUGS.indexOf(a) - REACTION_SLUGS.indexOf(b));
    return byPost;
  }
}

/** Who reads: their own reactions, and the Markdown of their own posts (moderators: of every post). */
export interface PostViewer {
  id: string;
  moderator: boolean;
}

/** A post as every viewer sees it, plus the Markdown and the reactors that forViewer makes personal. */
export interface SharedPostView extends Omit<ForumPostView, 'body' | 'reactions' | 'myReactions'> {
  markdown: string | null;
  reactors: [ForumReaction, string[]][];
}

export function forViewer(post: SharedPostView, viewer: PostViewer): ForumPostView {
  const { markdown, reactors, ...shared } = post;
  const reactions: Partial<Record<ForumReaction, number>> = {};
  const myReactions: ForumReaction[] = [];
  for (const [emoji, userIds] of reactors) {
    reactions[emoji] = userIds.length;
    if (userIds.includes(viewer.id)) myReactions.push(emoji);
  }
  return { ...shared, body: viewer.moderator || post.author.id === viewer.id ? markdown : null, reactions, myReactions };
}

import { Injectable } from '@nestjs/common';
import type { ForumPostCreatedEvent, ForumPostRemovedEvent, ForumPostView } from '@mutuals/contracts';
import { RealtimeService } from '@mutuals/realtime';

export const threadRoom = (threadId: string) => `thread:${threadId}`;

/**
 * Every live push of the forums, in one place. A thread's room holds whoever watches it, members
 * and moderators alike, so only what every member may see goes out: a post that is visible in a
 * thread that is visible, never its Markdown source or the sender's own reactions.
 */
@Injectable()
export class ForumsLive {
  constructor(private readonly realtime: RealtimeService) {}

  postCreated(post: ForumPostView, threadHidden: boolean): void {
    if (threadHidden || post.status !== 'visible') return;
    const event: ForumPostCreatedEvent = { threadId: post.threadId, post: { ...post, body: null, myReactions: [] } };
    this.realtime.toRoom(threadRoom(post.threadId), 'forum:post.created', event);
  }

  postUpdated(post: ForumPostView, threadHidden: boolean): void {
    if (threadHidden || post.status !== 'visible') return;
    const event: ForumPostCreatedEvent = { threadId: post.threadId, post: { ...post, body: null, myReactions: [] } };
    this.realtime.toRoom(threadRoom(post.threadId), 'forum:post.updated', event);
  }

  /** Watchers drop it from view; it says no more than which post went. */
  postRemoved(threadId: string, postId: string): void {
    const event: ForumPostRemovedEvent = { threadId, postId };
    this.realtime.toRoom(threadRoom(threadId), 'forum:post.removed', event);
  }
}

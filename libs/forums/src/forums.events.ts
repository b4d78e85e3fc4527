// Domain events the forums emit (agreed payloads: notifications listens to them).

export interface ForumPostCreated {
  postId: string;
  threadId: string;
  threadTitle: string;
  categorySlug: string;
  authorId: string;
  /** The author's display name as the post was written (the notifications' titles name them). */
  authorName: string;
  /** The author of the post replied to, when it is someone else and still visible. */
  replyToAuthorId: string | null;
  /** The post quotes the one it replies to (a quote, rather than a plain reply). */
  quoted: boolean;
  /** Active members mentioned by @handle in the post's own words (not in its quote), author excluded. */
  mentionedUserIds: string[];
  /** Thread subscribers other than the author. */
  subscriberIds: string[];
  link: string;
  /** The first 140 characters of the post's own words, plain text. */
  preview: string;
}

export interface ForumPostRemoved {
  postId: string;
}

/** A moderator hid the thread's opening post: the whole thread is gone for members. */
export interface ForumThreadHidden {
  threadId: string;
  /** Every post of the thread, whatever pointed at them goes too. */
  postIds: string[];
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'forum.post.created': ForumPostCreated;
    'forum.post.hidden': ForumPostRemoved;
    'forum.post.deleted': ForumPostRemoved;
    'forum.thread.hidden': ForumThreadHidden;
  }
}

// Forums: shared/API.md "Forums", and the `forum:*` socket events.
import type { AttachmentInput, FileView } from './files';
import type { IsoDateTime, Page, Uuid } from './common';

/** The fixed set of reactions. Paths and payloads use the slug (`PUT /forums/posts/:id/reactions/thumbs-up`). */
export const FORUM_REACTIONS = {
  'thumbs-up': '👍',
  heart: '❤️',
  tada: '🎉',
  laugh: '😂',
  thinking: '🤔',
  clap: '👏',
} as const;
export type ForumReaction = keyof typeof FORUM_REACTIONS;

export interface ForumAuthor {
  id: Uuid;
  displayName: string;
  handle: string;
  avatarUrl: string | null;
}

export interface ForumCategoryView {
  id: Uuid;
  slug: string;
  name: string;
  description: string;
  /** The taxonomy sector this category is for, or null for a topic category. */
  sectorSlug: string | null;
  position: number;
  threadCount: number;
  /** Visible posts only. */
  postCount: number;
  lastActivityAt: IsoDateTime | null;
  /** Set: archived (hidden from members' list, read-only); only coordinators list these. */
  archivedAt: IsoDateTime | null;
}

/** PATCH /admin/forums/categories/:id */
export interface UpdateForumCategoryRequest {
  name?: string;
  description?: string;
  sectorSlug?: string | null;
}

/** PUT /admin/forums/categories/order: every category id, first to last. */
export interface ReorderForumCategoriesRequest {
  ids: Uuid[];
}

/** POST /admin/forums/categories */
export interface CreateForumCategoryRequest {
  slug: string;
  name: string;
  description: string;
  sectorSlug?: string | null;
  position?: number;
}

export interface ForumThreadSummary {
  id: Uuid;
  title: string;
  author: ForumAuthor;
  /** Visible posts after the first. */
  replyCount: number;
  lastPostAt: IsoDateTime;
  pinned: boolean;
  locked: boolean;
  /** Its opening post was hidden by a moderator: only moderators see the thread, marked so. */
  hidden: boolean;
  /** Visible posts the caller has not read yet. */
  unreadCount: number;
}

export interface ForumThreadView extends ForumThreadSummary {
  categoryId: Uuid;
  categorySlug: string;
  categoryName: string;
  createdAt: IsoDateTime;
  subscribed: boolean;
  /** The last post the caller marked read, or null. */
  lastReadPostId: Uuid | null;
}

/** POST /forums/threads answers the thread with its first post. */
export interface ForumThreadCreated extends ForumThreadView {
  firstPost: ForumPostView;
}

export type ForumPostStatus = 'visible' | 'hidden' | 'deleted';

export interface ForumPostView {
  id: Uuid;
  threadId: Uuid;
  /** Position in the thread, from 1; gaps where hidden posts are left out. */
  seq: number;
  author: ForumAuthor;
  /** Sanitised HTML, safe to insert as is. Empty for a deleted post (a tombstone). */
  bodyHtml: string;
  /** The Markdown source, only for its author and moderators (for editing); null otherwise. */
  body: string | null;
  createdAt: IsoDateTime;
  editedAt: IsoDateTime | null;
  replyToPostId: Uuid | null;
  /** `hidden` posts reach moderators only; `deleted` ones are tombstones without text. */
  status: ForumPostStatus;
  /** Counts by reaction slug (see FORUM_REACTIONS). */
  reactions: Partial<Record<ForumReaction, number>>;
  myReactions: ForumReaction[];
  /** Images (shown, with their alt text) and documents; none for a hidden or deleted post. */
  attachments: FileView[];
}

export interface CreateForumThreadRequest {
  categoryId: Uuid;
  title: string;
  body: string;
  /**
   * Made once per composed post and sent again on a retry: the same key from the same author
   * answers the thread already stored, with 200, instead of storing a second one.
   */
  attachments?: AttachmentInput[];
  /** Made once per composed post and sent again on a retry, so a retried post is stored once. */
  clientId?: Uuid;
}

export interface CreateForumPostRequest {
  body: string;
  replyToPostId?: Uuid;
  /** Made once per composed post and sent again on a retry: a retry answers the post already stored, with 200. */
  attachments?: AttachmentInput[];
  /** Made once per composed post and sent again on a retry, so a retried post is stored once. */
  clientId?: Uuid;
}

export interface ForumPreviewView {
  html: string;
}

export interface ForumSearchHit {
  threadId: Uuid;
  postId: Uuid;
  title: string;
  /** HTML: the matching words wrapped in <mark>, everything else escaped. */
  snippet: string;
  categorySlug: string;
  author: ForumAuthor;
  createdAt: IsoDateTime;
}

export type ForumSearchPage = Page<ForumSearchHit>;

export type ForumFlagStatus = 'open' | 'resolved';
/** POST /admin/flags/:id/resolve `action`. Restoring a hidden post is POST /admin/posts/:id/restore. */
export type ForumFlagAction = 'hide' | 'dismiss';

export interface ForumFlagView {
  id: Uuid;
  reason: string;
  status: ForumFlagStatus;
  resolution: ForumFlagAction | null;
  createdAt: IsoDateTime;
  resolvedAt: IsoDateTime | null;
  reporter: ForumAuthor;
  post: ForumPostView & { threadTitle: string };
}

/** Socket: server to the watchers of a thread (room `thread:<id>`), after the post is stored. */
export interface ForumPostCreatedEvent {
  threadId: Uuid;
  post: ForumPostView;
}

/** Socket: a post in a watched thread was hidden or deleted; drop it from view. */
export interface ForumPostRemovedEvent {
  threadId: Uuid;
  postId: Uuid;
}

/** GET /forums/posts/:id/revisions: the body before each edit, newest first (author and moderators). */
export interface ForumPostRevisionView {
  /** Markdown as it was. */
  body: string;
  editedBy: Uuid;
  createdAt: IsoDateTime;
}

/** PATCH /forums/posts/:id: the author's (or a moderator's) new Markdown. */
export interface EditForumPostRequest {
  body: string;
}

/** POST /forums/preview: Markdown to render as a post would show it. */
export interface ForumPreviewRequest {
  body: string;
}

/** POST /forums/threads/:id/read: the last post the reader has seen. */
export interface MarkThreadReadRequest {
  lastReadPostId: Uuid;
}

/** POST /forums/posts/:id/flags: why the post needs a moderator. */
export interface FlagForumPostRequest {
  reason: string;
}

/** POST /forums/posts/:id/flags answers the flag as stored; the reporter sees no more of the queue. */
export interface ForumFlagReceipt {
  id: Uuid;
  postId: Uuid;
  reason: string;
  status: ForumFlagStatus;
  createdAt: IsoDateTime;
}

/** POST /admin/flags/:id/resolve. */
export interface ResolveForumFlagRequest {
  action: ForumFlagAction;
}

/** POST /admin/forums/categories/:id/archive, /admin/forums/threads/:id/pin and .../lock: on (true) or off (false). */
export interface ForumToggleRequest {
  value: boolean;
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, DomainEvents, RateLimiter, type RateLimitHit, type UnitOfWork, renderMarkdown } from '@mutuals/core';
import type { AttachmentInput, ForumAuthor, ForumPostView, ForumReaction, ForumThreadCreated } from '@mutuals/contracts';
import { FilesService } from '@mutuals/files';
import { AuthUser, IdentityService, isCoordinator } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { ForumCategoriesRepository } from './forum-categories.repository';
import { ForumPostsRepository, type PostRow, type StoredBody } from './forum-posts.repository';
import { ForumThreadsRepository } from './forum-threads.repository';
import { ForumViews, REACTION_SLUGS } from './forum-views';
import { DEFAULT_CATEGORIES } from './default-categories';
import { ForumsCache } from './forums-cache';
import { ForumsErrors } from './forums.errors';
import { ForumsLive } from './forums-live';
import { ForumsModerationService } from './forums-moderation.service';
import { ForumsReadingService } from './forums-reading.service';
import { preview, splitLeadingQuote, withoutNul } from './post-text';

const LIMITS = {
  posting: { name: 'posts', max: 6, windowSeconds: 60 },
  // A member's first day of posting (since their first post) is slower: spam arrives with new accounts.
  newcomerPosting: { name: 'posts from a new member', max: 2, windowSeconds: 60 },
  newcomerDaily: { name: 'posts on a first day', max: 20, windowSeconds: 86_400 },
};
const NEWCOMER_MS = 86_400_000;

/** Who writes, and how: seeding writes history with past times and no rate limit. */
export interface PostingOptions {
  at?: Date;
  rateLimited?: boolean;
}

/** A write answered: `created` is false when an idempotency key found the original. */
export interface Posted<T> {
  value: T;
  created: boolean;
}

interface NewPost {
  threadId: string;
  author: AuthUser;
  body: string;
  replyToPostId: string | null;
  clientId: string | null;
  at: Date;
  attachments: AttachmentInput[];
}

/** Thrown inside a posting transaction to undo it when the idempotency key was used before. */
class RepeatedSubmission extends Error {}

/** Thrown inside a posting transaction to undo it when the thread no longer stands as it was announced. */
class ThreadChanged extends Error {}

/** A thread as a post into it is announced, read before the transaction that writes the post. */
interface KnownThread {
  title: string;
  hidden: boolean;
  categoryId: string;
  categorySlug: string;
  /** Its watchers other than the author. */
  subscriberIds: string[];
  /** The author of the post replied to, when it is visible in this thread. */
  replyToAuthorId: string | undefined;
}

/** Writing in the forums: threads, replies, edits, deletions, reactions, read state, subscriptions. */
@Injectable()
export class ForumsPostingService {
  constructor(
    private readonly categories: ForumCategoriesRepository,
    private readonly threads: ForumThreadsRepository,
    private readonly posts: ForumPostsRepository,
    private readonly reading: ForumsReadingService,
    private readonly moderation: ForumsModerationService,
    private readonly views: ForumViews,
    private readonly live: ForumsLive,
    private readonly identity: IdentityService,
    private readonly events: DomainEvents,
    private readonly rateLimiter: RateLimiter,
    private readonly files: FilesService,
    private readonly cache: ForumsCache,
  ) {}

  async createThread(
    author: AuthUser,
    input: { categoryId: string; title: string; body: string; clientId?: string; attachments?: AttachmentInput[] },
    options: PostingOptions = {},
  ): Promise<Posted<ForumThreadCreated>> {
    const original = input.clientId && (await this.originalThread(author, input.clientId));
    if (original) return { value: original, created: false };
    const category = await this.categories.state(input.categoryId);
    if (!category) throw ForumsErrors.invalid('No such category', [{ field: 'categoryId', message: 'is not a category' }]);
    if (category.archived) throw ForumsErrors.categoryArchived('This category is archived: it is read-only');
    await this.limitPosting(author, options);
    const at = options.at ?? new Date();
    const threadId = randomUUID();
    const post = { threadId, author, body: input.body, replyToPostId: null, clientId: null, at, attachments: input.attachments ?? [] };
    const rendered = await this.rendered(post, input.title);
    const stored = await this.events.transaction(async (unit) => {
      const inserted = await this.threads.insert(
        { id: threadId, categoryId: input.categoryId, title: input.title, authorId: author.id, clientId: input.clientId ?? null, at },
        unit.manager,
      );
      // The same key raced this request and won.
      if (!inserted) return null;
      // A new thread: nobody else watches it, and its first post replies to nothing.
      const known: KnownThread = {
        title: input.title,
        hidden: false,
        categoryId: input.categoryId,
        categorySlug: category.slug,
        subscriberIds: [],
        replyToAuthorId: undefined,
      };
      return this.storePost(unit.manager, await this.preparePost(post, rendered, known, unit));
    });
    if (!stored) return { value: (await this.originalThread(author, input.clientId!))!, created: false };
    await this.cache.changed({ threadId, categoryId: input.categoryId, searched: true });
    const firstPost = await this.announce(stored);
    return { value: { ...(await this.reading.getThread(threadId, author)), firstPost }, created: true };
  }

  /**
   * Opens a thread in "Success and celebrations" (made if a coordinator removed or never had it)
   * for something worth celebrating elsewhere, such as a published story. `key` makes it once:
   * a retry with the same key answers the thread made the first time. Null when the category is
   * archived (read-only).
   */
  async openCelebration(author: AuthUser, input: { key: string; title: string; body: string }): Promise<string | null> {
    const celebrations = DEFAULT_CATEGORIES.find((c) => c.slug === 'success-and-celebrations')!;
    const category = await this.categories.ensure(celebrations);
    if (category.archived) return null;
    const { value } = await this.createThread(
      author,
      { categoryId: category.id, title: input.title, body: input.body, clientId: input.key },
      { rateLimited: false },
    );
    return value.id;
  }

  async reply(
    author: AuthUser,
    threadId: string,
    input: { body: string; replyToPostId?: string; clientId?: string; attachments?: AttachmentInput[] },
    options: PostingOptions = {},
  ): Promise<Posted<ForumPostView>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.replyOnce(author, threadId, input, options);
      } catch (error) {
        // The thread changed between reading it and writing into it (a moderator hid it, say): the
        // transaction, with its mail, was undone; once more from the start, the rate limit already spent.
        if (!(error instanceof ThreadChanged) || attempt === 3) throw error;
        options = { ...options, rateLimited: false };
      }
    }
  }

  private async replyOnce(
    author: AuthUser,
    threadId: string,
    input: { body: string; replyToPostId?: string; clientId?: string; attachments?: AttachmentInput[] },
    options: PostingOptions,
  ): Promise<Posted<ForumPostView>> {
    const original = input.clientId && (await this.originalPost(author, input.clientId));
    if (original) return { value: original, created: false };
    // One round trip: the thread's state, title and watchers, the post replied to, and (when a rate
    // limit needs it) the author's first post.
    const newcomerCheck = options.rateLimited !== false && !isCoordinator(author);
    const thread = await this.threads.stateForPosting(threadId, author.id, input.replyToPostId ?? null, newcomerCheck);
    if (!thread || (thread.hidden && !isCoordinator(author))) throw ForumsErrors.threadNotFound('No such thread');
    if (thread.archived) throw ForumsErrors.categoryArchived('This thread is in an archived category: it is read-only');
    if (thread.locked && !isCoordinator(author)) throw ForumsErrors.threadLocked('This thread is locked');
    if (input.replyToPostId && !thread.reply_to_author_id)
      throw ForumsErrors.invalid('You can only reply to a visible post in this thread', [
        { field: 'replyToPostId', message: 'is not a post in this thread' },
      ]);
    const spent = await this.limitPosting(author, options, thread.first_post_at);
    const post = {
      threadId,
      author,
      body: input.body,
      replyToPostId: input.replyToPostId ?? null,
      clientId: input.clientId ?? null,
      at: options.at ?? new Date(),
      attachments: input.attachments ?? [],
    };
    const rendered = await this.rendered(post, null);
    try {
      const known: KnownThread = {
        title: thread.title,
        hidden: thread.hidden,
        categoryId: thread.category_id,
        categorySlug: thread.category_slug,
        subscriberIds: thread.subscriber_ids,
        replyToAuthorId: thread.reply_to_author_id ?? undefined,
      };
      const stored = await this.events
        .transactionEndingWith(
          (unit) => this.preparePost(post, rendered, known, unit),
          (manager, prepared) => this.storePost(manager, prepared),
        )
        .catch(async (error: unknown) => {
          // Nothing was stored, and not for anything the member did (the database failed, say): the
          // attempt does not count against their budgets; the retry with its clientId will.
          if (!(error instanceof DomainError || error instanceof ThreadChanged || error instanceof RepeatedSubmission))
            await Promise.all(spent.map(({ limit, key }) => this.rateLimiter.refund(limit, key)));
          throw error;
        });
      await this.cache.changed({ threadId, categoryId: stored.categoryId, searched: true });
      return { value: await this.announce(stored), created: true };
    } catch (error) {
      // The same key raced this request and won; the seq this one took was rolled back with it.
      if (!(error instanceof RepeatedSubmission)) throw error;
      return { value: (await this.originalPost(author, input.clientId!))!, created: false };
    }
  }

  async editPost(editor: AuthUser, postId: string, source: string): Promise<ForumPostView> {
    const body = withoutNul(source);
    const post = await this.events.transaction(async ({ manager }) => {
      const locked = await this.lockPostForChange(manager, editor, postId);
      const rendered = renderPost(body, locked.reply_to_post_id !== null);
      await this.posts.replaceBody(
        postId,
        editor.id,
        locked.body,
        { ...rendered, body, title: locked.seq === 1 ? locked.title : '' },
        manager,
      );
      return locked;
    });
    await this.cache.changed({ threadId: post.thread_id, searched: true });
    const threadHidden = post.thread_hidden;
    const view = await this.reading.getPost(postId, editor);
    this.live.postUpdated(view, threadHidden);
    return view;
  }

  /** A tombstone: the post keeps its place in the thread, without its words. */
  async deletePost(caller: AuthUser, postId: string): Promise<void> {
    const { threadId, categoryId } = await this.events.transaction(async (unit) => {
      const post = await this.lockPostForChange(unit.manager, caller, postId);
      const { categoryId } = await this.moderation.changeVisibility(post, 'deleted', unit.manager);
      await unit.emit('forum.post.deleted', { postId });
      return { threadId: post.thread_id, categoryId };
    });
    await this.cache.changed({ threadId, categoryId, searched: true });
    this.live.postRemoved(threadId, postId);
  }

  async react(user: AuthUser, postId: string, emoji: string, on: boolean): Promise<void> {
    if (!REACTION_SLUGS.includes(emoji as ForumReaction)) {
      throw ForumsErrors.invalid('Unknown reaction', [{ field: 'emoji', message: `must be one of ${REACTION_SLUGS.join(', ')}` }]);
    }
    const threadId = await this.posts.visibleThreadOf(postId);
    if (!threadId) throw ForumsErrors.postNotFound('No such post');
    await this.posts.setReaction(postId, user.id, emoji as ForumReaction, on);
    await this.cache.changed({ threadId });
  }

  /** Read state only moves forward: an older post marked read later changes nothing. */
  async markRead(user: AuthUser, threadId: string, lastReadPostId: string): Promise<void> {
    await this.reading.threadFor(threadId, user);
    const seq = await this.posts.seqIn(lastReadPostId, threadId);
    if (seq === undefined)
      throw ForumsErrors.invalid('That post is not in this thread', [{ field: 'lastReadPostId', message: 'is not a post in this thread' }]);
    await this.threads.markRead(user.id, threadId, seq, lastReadPostId);
  }

  async subscribe(user: AuthUser, threadId: string, on: boolean): Promise<void> {
    await this.reading.threadFor(threadId, user);
    await this.threads.subscribe(user.id, threadId, on);
  }

  // ---- internals ----

  /** The thread the author already made with this idempotency key, as its creation answered it. */
  private async originalThread(author: AuthUser, clientId: string): Promise<ForumThreadCreated | undefined> {
    const threadId = await this.threads.idByClientId(author.id, clientId);
    if (!threadId) return undefined;
    const thread = await this.reading.getThread(threadId, author);
    const [firstPost] = (await this.reading.listPosts(threadId, author, { limit: 1 })).items;
    return { ...thread, firstPost: firstPost! };
  }

  /** The reply the author already posted with this idempotency key. */
  private async originalPost(author: AuthUser, clientId: string): Promise<ForumPostView | undefined> {
    const postId = await this.posts.idByClientId(author.id, clientId);
    return postId ? this.reading.getPost(postId, author) : undefined;
  }

  /**
   * Counts a post against the author's budgets in one round trip, and answers them (to give back
   * if the post fails on our side). `firstPostAt`: when the author first posted, if the caller has
   * read it already (undefined: read it here).
   */
  private async limitPosting(author: AuthUser, options: PostingOptions, firstPostAt?: Date | null): Promise<RateLimitHit[]> {
    if (options.rateLimited === false) return [];
    const hits: RateLimitHit[] = [{ limit: LIMITS.posting, key: author.id }];
    if (!isCoordinator(author)) {
      const first = firstPostAt !== undefined ? firstPostAt : await this.posts.firstPostAt(author.id);
      if (first === null || Date.now() - first.getTime() < NEWCOMER_MS)
        hits.push({ limit: LIMITS.newcomerPosting, key: author.id }, { limit: LIMITS.newcomerDaily, key: author.id });
    }
    await this.rateLimiter.consumeEach(hits);
    return hits;
  }

  /**
   * Rendering, the mentioned members and the author's name, before the transaction (identity has
   * its own connection). The name goes into the created event and the author's view of the post,
   * so that neither reads it again.
   */
  private async rendered(post: NewPost, title: string | null) {
    const body = withoutNul(post.body);
    const rendering = renderPost(body, post.replyToPostId !== null);
    const [byHandle, authors] = await Promise.all([this.identity.findByHandles(rendering.mentions), this.views.authors([post.author.id])]);
    const mentioned = byHandle.filter((u) => u.status === 'active' && u.id !== post.author.id);
    return { ...rendering, body, title: title ?? '', mentionedUserIds: mentioned.map((u) => u.id), author: authors.get(post.author.id)! };
  }

  /**
   * Inside the caller's unit of work, announced as `known` says the thread stands: the mail the
   * created event routes and the post's files, before the statement that stores the post
   * (storePost). The created event goes with the transaction, so notifications hear of the post
   * once it is committed.
   */
  private async preparePost(
    post: NewPost,
    rendered: StoredBody & { mentionedUserIds: string[]; author: ForumAuthor },
    known: KnownThread,
    unit: UnitOfWork,
  ) {
    const id = randomUUID();
    const replyToAuthorId = post.replyToPostId ? known.replyToAuthorId : undefined;
    // Nobody hears of a post in a hidden thread: members may not see it, and its title would tell.
    const heard = !known.hidden;
    await unit.emit('forum.post.created', {
      postId: id,
      threadId: post.threadId,
      threadTitle: known.title,
      categorySlug: known.categorySlug,
      authorId: post.author.id,
      authorName: rendered.author.displayName,
      replyToAuthorId: heard && replyToAuthorId && replyToAuthorId !== post.author.id ? replyToAuthorId : null,
      quoted: heard && replyToAuthorId !== undefined && replyToAuthorId !== post.author.id && rendered.quoteHtml !== null,
      mentionedUserIds: heard ? rendered.mentionedUserIds : [],
      subscriberIds: heard ? known.subscriberIds : [],
      link: `/forums/threads/${post.threadId}?post=${id}`,
      preview: preview(rendered.text),
    });
    // Claimed with the post: both are stored, or neither (a retry answered the original before this).
    const attached = await this.files.attach(unit.manager, post.author.id, 'forum-post', id, post.attachments);
    return { id, post, rendered, known, replyToAuthorId, attached: attached.length > 0 };
  }

  /**
   * The last statement of a post's transaction (or the whole of it, when nothing came before): the
   * thread's seq under its row lock, the post, its author watching the thread (posting watches it)
   * and the category's count, written only if the thread still stands as announced (else
   * ThreadChanged undoes it all and the caller starts again).
   */
  private async storePost(manager: EntityManager, prepared: Awaited<ReturnType<ForumsPostingService['preparePost']>>) {
    const { id, post, rendered, known, replyToAuthorId, attached } = prepared;
    const stored = await this.posts.insertIntoThread(
      {
        ...rendered,
        id,
        threadId: post.threadId,
        authorId: post.author.id,
        replyToPostId: post.replyToPostId,
        clientId: post.clientId,
        at: post.at,
      },
      known,
      isCoordinator(post.author),
      manager,
    );
    if (stored === 'closed') throw ForumsErrors.threadLocked('This thread is locked');
    if (stored === 'repeated') throw new RepeatedSubmission();
    if (stored === 'changed') throw new ThreadChanged();
    const row: PostRow = {
      id,
      thread_id: post.threadId,
      seq: stored.seq,
      author_id: post.author.id,
      status: 'visible',
      created_at: post.at,
      edited_at: null,
      reply_to_post_id: post.replyToPostId,
      body_html: rendered.html,
      quote_html: replyToAuthorId ? rendered.quoteHtml : null,
      has_quote: rendered.quoteHtml !== null,
      body: rendered.body,
    };
    return {
      row,
      author: post.author,
      authorView: rendered.author,
      attached,
      threadHidden: known.hidden,
      categoryId: known.categoryId,
    };
  }

  /**
   * After commit: the live event for watchers, and the author's view of the post, made from what
   * the transaction wrote (a new post has no reactions yet; its files are read only if it has any).
   */
  private async announce(stored: {
    row: PostRow;
    author: AuthUser;
    authorView: ForumAuthor;
    attached: boolean;
    threadHidden: boolean;
  }): Promise<ForumPostView> {
    const view = await this.views.newPostView(stored.row, stored.authorView, stored.attached, {
      id: stored.author.id,
      moderator: isCoordinator(stored.author),
    });
    this.live.postCreated(view, stored.threadHidden);
    return view;
  }

  /** The post for an edit or delete by its author or a moderator; 404 for what the caller may not see. */
  private async lockPostForChange(manager: EntityManager, caller: AuthUser, postId: string) {
    const post = await this.posts.lockForChange(postId, manager);
    const moderator = isCoordinator(caller);
    if (!post || post.status === 'deleted' || ((post.status === 'hidden' || post.thread_hidden) && !moderator))
      throw ForumsErrors.postNotFound('No such post');
    if (post.author_id !== caller.id && !moderator) throw ForumsErrors.notYourPost('Only its author or a moderator may change a post');
    if (post.locked && !moderator) throw ForumsErrors.threadLocked('This thread is locked');
    return post;
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

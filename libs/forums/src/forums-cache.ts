import { Injectable } from '@nestjs/common';
import { OnDomainEvent, VersionedCache } from '@mutuals/core';
import type { UserChanged } from '@mutuals/identity';

/** Names, avatars and categories: rare changes that every page shows. */
const EVERYTHING = 'forums';
const threadSource = (threadId: string) => `forums:thread:${threadId}`;
const categorySource = (categoryId: string) => `forums:category:${categoryId}`;
/** Any post's words, visibility or thread: a new post may belong in any search's results. */
const SEARCH = 'forums:search';

/**
 * The forums' rendered thread pages, thread lists and search results, each kept under the
 * versions of what it shows (see VersionedCache): a thread's pages under the thread, a category's
 * lists under the category, search results under every post, and everything under names and categories. Every change says what it touched once it
 * has committed, before it is answered.
 */
@Injectable()
export class ForumsCache {
  constructor(private readonly cache: VersionedCache) {}

  threadPage<T>(threadId: string, key: string, make: () => Promise<T>): Promise<T> {
    return this.cache.getOrMake([EVERYTHING, threadSource(threadId)], `forums:posts:${threadId}:${key}`, make);
  }

  threadList<T>(categoryId: string, key: string, make: () => Promise<T>): Promise<T> {
    return this.cache.getOrMake([EVERYTHING, categorySource(categoryId)], `forums:threads:${categoryId}:${key}`, make);
  }

  /** Results are the same for every reader: visible posts of visible threads, whoever asks. */
  searchPage<T>(key: string, make: () => Promise<T>): Promise<T> {
    return this.cache.getOrMake([EVERYTHING, SEARCH], `forums:search:${key}`, make);
  }

  categoryIdOf(slug: string, make: () => Promise<string | undefined>): Promise<string | undefined> {
    return this.cache.getOrMake([EVERYTHING], `forums:category-id:${slug}`, make);
  }

  /**
   * A thread's posts changed (its pages), with a category its place or counts in that category's
   * lists, and with `searched` what search finds (a post's words or visibility).
   */
  changed(change: { threadId?: string; categoryId?: string | null; searched?: boolean }): Promise<void> {
    return this.cache.bump([
      ...(change.threadId ? [threadSource(change.threadId)] : []),
      ...(change.categoryId ? [categorySource(change.categoryId)] : []),
      ...(change.searched ? [SEARCH] : []),
    ]);
  }

  everythingChanged(): Promise<void> {
    return this.cache.bump([EVERYTHING]);
  }

  /** Authors are shown by name and avatar on every page. */
  @OnDomainEvent('identity.user.changed', { phase: 'after-commit' })
  async onUserChanged({ reason }: UserChanged): Promise<void> {
    if (reason === 'renamed' || reason === 'avatar-changed') await this.everythingChanged();
  }

  /** A former member's posts, reactions and threads change all over the forums. */
  @OnDomainEvent('identity.account.deleted', { phase: 'after-commit' })
  async onAccountDeleted(): Promise<void> {
    await this.everythingChanged();
  }
}

import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import { ForumsPostingService } from '@mutuals/forums';
import type { StoryPublished } from './stories.events';
import { StoriesService } from './stories.service';

/** Each published story opens a thread in "Success and celebrations", in its author's name. */
@Injectable()
export class StoryDiscussion {
  constructor(
    private readonly stories: StoriesService,
    private readonly forums: ForumsPostingService,
  ) {}

  // after-commit: publication stands on its own; the thread is retried, and the story id as the
  // thread's idempotency key makes a retry answer the thread made the first time.
  @OnDomainEvent('story.published', { phase: 'after-commit' })
  async open(event: StoryPublished): Promise<void> {
    const row = await this.stories.storyRow(event.storyId);
    if (!row || row.status !== 'published' || row.discussion_thread_id) return;
    const author = { id: row.author_id, role: 'member' as const, status: 'active' as const, sessionId: 'stories', via: 'bearer' as const };
    const threadId = await this.forums.openCelebration(author, {
      key: row.id,
      title: row.title,
      body: `${row.summary}\n\n[Read the whole story](/stories/${row.slug}), then congratulate them or ask how they did it.`,
    });
    if (threadId) await this.stories.linkDiscussion(row.id, threadId);
  }
}

import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import { FilesMemberDataService, FilesService } from '@mutuals/files';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { StoriesRepository } from './stories.repository';
import { COVER_KIND } from './stories.service';

/**
 * A leaving member's stories. A story that was published is the programme's public record of what
 * a mutual achieved, which everyone it names consented to and the funder's report counts: it
 * stays, its author shown as "Former member", unless they ask for their writing to be erased. A
 * story never published is only its author's unfinished text, and goes.
 */
@Injectable()
export class StoriesMemberDataService {
  constructor(
    private readonly stories: StoriesRepository,
    private readonly files: FilesService,
    private readonly memberFiles: FilesMemberDataService,
  ) {}

  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId, erase }: AccountDeleted, manager: EntityManager): Promise<void> {
    const deleted = await this.stories.deleteAuthored(manager, userId, erase);
    for (const storyId of deleted) {
      const { removed } = await this.files.setCover(manager, userId, COVER_KIND, storyId, null);
      this.memberFiles.forgetOnceDeleted(userId, removed);
    }
    await this.stories.removeCredits(manager, userId);
  }
}

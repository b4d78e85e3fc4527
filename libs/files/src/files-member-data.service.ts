import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';

/**
 * A leaving member's files: what only they used goes with the account (their face, their unused
 * uploads, the attachments of their chat messages, which chat blanks, and of their forum posts
 * when they ask for those to be erased). What belongs to something that stays is kept with it:
 * an organisation's logo, a published story's cover, a support deliverable the funder audits,
 * a library resource.
 */
@Injectable()
export class FilesMemberDataService {
  /** Ids whose stored bytes go once the deletion commits, by member; rows in the transaction, bytes only after it. */
  private readonly toForget = new Map<string, string[]>();

  constructor(
    private readonly files: FilesRepository,
    private readonly service: FilesService,
  ) {}

  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId, erase }: AccountDeleted, manager: EntityManager): Promise<void> {
    this.forgetOnceDeleted(userId, await this.files.deleteMemberFiles(manager, userId, erase));
  }

  /**
   * Another lib that deletes files of a leaving member in their deleting transaction (a story's
   * cover) hands the ids here: the bytes go once that transaction commits. A rolled-back deletion
   * leaves its ids until the member's next deletion, which deletes the same rows again.
   */
  forgetOnceDeleted(userId: string, fileIds: string[]): void {
    if (fileIds.length > 0) this.toForget.set(userId, [...(this.toForget.get(userId) ?? []), ...fileIds]);
  }

  @OnDomainEvent('identity.account.deleted', { phase: 'after-commit' })
  async afterAccountDeleted({ userId }: AccountDeleted): Promise<void> {
    const ids = this.toForget.get(userId);
    this.toForget.delete(userId);
    if (ids) await this.service.forget(ids);
  }
}

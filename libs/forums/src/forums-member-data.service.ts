import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { ForumsMemberDataRepository } from './forums-member-data.repository';

/** A member's forum data: kept as "Former member" or erased when they leave, and part of their download. */
@Injectable()
export class ForumsMemberDataService {
  constructor(private readonly memberData: ForumsMemberDataRepository) {}

  // In the deleting transaction: the account must not be gone while its forum traces remain.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId, erase }: AccountDeleted, manager: EntityManager): Promise<void> {
    await this.memberData.removePersonalState(userId, manager);
    // Kept posts need nothing more: an author with no account is shown as "Former member".
    if (erase) await this.memberData.erasePosts(userId, manager);
  }

  exportOf(userId: string) {
    return this.memberData.exportOf(userId);
  }
}

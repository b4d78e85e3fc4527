import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { ProfilesMemberDataRepository } from './repositories/member-data.repository';

/** A member's profile: removed when they leave, and part of their download. */
@Injectable()
export class ProfilesMemberDataService {
  constructor(private readonly memberData: ProfilesMemberDataRepository) {}

  // In the deleting transaction: the profile is the member's public face and must go with the account.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId }: AccountDeleted, manager: EntityManager): Promise<void> {
    await this.memberData.removeMember(userId, manager);
  }

  exportOf(userId: string) {
    return this.memberData.exportOf(userId);
  }
}

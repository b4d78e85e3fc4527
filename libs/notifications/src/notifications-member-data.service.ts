import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { NotificationsMemberDataRepository } from './notifications-member-data.repository';

/** A member's notifications: removed when they leave, and part of their download. */
@Injectable()
export class NotificationsMemberDataService {
  constructor(private readonly memberData: NotificationsMemberDataRepository) {}

  // In the deleting transaction: a feed item naming a deleted member must go with the account.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId }: AccountDeleted, manager: EntityManager): Promise<void> {
    await this.memberData.removeMember(userId, manager);
  }

  exportOf(userId: string) {
    return this.memberData.exportOf(userId);
  }
}

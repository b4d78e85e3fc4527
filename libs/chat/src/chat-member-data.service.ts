import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@mutuals/core';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { ChatMemberDataRepository } from './chat-member-data.repository';

/** A member's chat data: their messages removed when they leave, and part of their download. */
@Injectable()
export class ChatMemberDataService {
  constructor(private readonly memberData: ChatMemberDataRepository) {}

  // In the deleting transaction: no message of a deleted account may outlive it.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId }: AccountDeleted, manager: EntityManager): Promise<void> {
    await this.memberData.removeMember(userId, manager);
  }

  exportOf(userId: string) {
    return this.memberData.exportOf(userId);
  }
}

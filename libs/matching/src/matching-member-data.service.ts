import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OnDomainEvent } from '@mutuals/core';
import type { AccountDeleted } from '@mutuals/identity';
import type { EntityManager } from 'typeorm';
import { MatchingMemberDataRepository } from './repositories/member-data.repository';

/** A member's mentoring records: anonymised for the programme's figures when they leave, and part of their download. */
@Injectable()
export class MatchingMemberDataService {
  constructor(private readonly memberData: MatchingMemberDataRepository) {}

  // In the deleting transaction: the records must never point at a deleted account, even briefly.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted({ userId }: AccountDeleted, manager: EntityManager): Promise<void> {
    // One pseudonym per departure, so counts of distinct mentees and mentors stay right.
    await this.memberData.anonymise(userId, randomUUID(), manager);
  }

  exportOf(userId: string) {
    return this.memberData.exportOf(userId);
  }
}

import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@mutuals/core';
import type { AuthUser } from '../identity.types';
import { AccountSettingsService } from './account-settings.service';
import { AccountsRepository } from './accounts.repository';

/**
 * Deleting an account removes it in one transaction with everything each lib holds of the member:
 * every lib listens to identity.account.deleted in that transaction, so nothing is half-deleted.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly settings: AccountSettingsService,
    private readonly events: DomainEvents,
  ) {}

  async delete(user: AuthUser, password: string, erase: boolean): Promise<void> {
    await this.settings.reauthenticate(user, password, 'password');
    await this.events.transaction(async (unit) => {
      const sessionIds = await this.accounts.revokeSessions(user.id, null, unit.manager);
      await unit.emit('identity.account.deleted', { userId: user.id, erase });
      await this.accounts.deleteAccount(user.id, unit.manager);
      await unit.emit('identity.sessions.revoked', { userId: user.id, sessionIds });
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DomainEvents, RateLimiter } from '@mutuals/core';
import type { AccountSettingsView } from '@mutuals/contracts';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { IdentityErrors } from '../identity.errors';
import type { AuthUser } from '../identity.types';
import { AccountErrors } from './accounts.errors';
import { AccountLinks } from './account-links';
import { AccountRow, AccountsRepository } from './accounts.repository';
import { normaliseEmail } from './account-recovery.service';

/** Guessing the current password through these forms is as limited as through sign-in. */
const REAUTH_LIMIT = { name: 'password confirmations', max: 10, windowSeconds: 900 };

/** The member's own email and password. */
@Injectable()
export class AccountSettingsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly events: DomainEvents,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async settings(userId: string): Promise<AccountSettingsView> {
    const account = await this.accounts.byId(userId);
    if (!account) throw IdentityErrors.memberNotFound('No such member');
    return {
      email: account.email,
      emailVerified: account.email_verified_at !== null,
      emailVerifiedAt: account.email_verified_at?.toISOString() ?? null,
      linkedProviders: await this.accounts.linkedProviders(userId),
    };
  }

  /** The member's part of the download of their data: the account, its sign-ins and linked providers. */
  exportOf(userId: string) {
    return this.accounts.exportOf(userId);
  }

  /** Other devices are signed out; the one making the change stays signed in. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.reauthenticate(user, currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.events.transaction(async (unit) => {
      await this.accounts.setPassword(account.id, passwordHash, unit.manager);
      const sessionIds = await this.accounts.revokeSessions(account.id, user.sessionId, unit.manager);
      await unit.emit('identity.sessions.revoked', { userId: account.id, sessionIds });
      await unit.emit('identity.security.changed', {
        userId: account.id,
        email: account.email,
        displayName: account.display_name,
        change: 'password-changed',
      });
    });
  }

  /** Nothing changes until the link sent to the new address is followed. */
  async requestEmailChange(user: AuthUser, password: string, rawEmail: string): Promise<void> {
    const account = await this.reauthenticate(user, password, 'password');
    const newEmail = normaliseEmail(rawEmail);
    if (newEmail === account.email) {
      throw AccountErrors.sameEmail('That is already your address', [{ field: 'newEmail', message: 'is your current address' }]);
    }
    if (await this.accounts.emailInUse(newEmail)) {
      throw IdentityErrors.emailTaken('An account with that email already exists', [
        { field: 'newEmail', message: 'is already registered' },
      ]);
    }
    await this.events.transaction((unit) => this.links.send(unit, account, 'email-change', newEmail));
  }

  /** Whoever holds a signed-in device must still know the password to change what guards the account. */
  async reauthenticate(user: AuthUser, password: string, field: string): Promise<AccountRow> {
    await this.rateLimiter.consume(REAUTH_LIMIT, user.id);
    const account = await this.accounts.byId(user.id);
    if (!account) throw IdentityErrors.memberNotFound('No such member');
    if (!(await verifyPassword(account.password_hash, password))) {
      throw AccountErrors.wrongPassword('The password is not right', [{ field, message: 'is not right' }]);
    }
    return account;
  }
}

import { Injectable } from '@nestjs/common';
import { DomainEvents, RateLimiter } from '@mutuals/core';
import { hashToken } from '../auth/tokens';
import { IdentityErrors } from '../identity.errors';
import type { AuthUser } from '../identity.types';
import { AccountErrors } from './accounts.errors';
import { AccountLinks } from './account-links';
import { AccountsRepository } from './accounts.repository';
import { expiredLink } from './account-recovery.service';

const RESEND_LIMIT = { name: 'verification emails', max: 5, windowSeconds: 3600 };

/** What a followed link did: verified the address, or moved the account to a new one. */
export interface EmailConfirmed {
  email: string;
  change: 'verified' | 'email-changed';
}

/** Proving an address: after registration, on request, and when an email change is confirmed. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly events: DomainEvents,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async sendAfterRegistration(userId: string): Promise<void> {
    await this.events.transaction(async (unit) => {
      const account = await this.accounts.byId(userId, unit.manager);
      if (account && !account.email_verified_at) await this.links.send(unit, account, 'email-verification');
    });
  }

  async resend(user: AuthUser): Promise<void> {
    await this.rateLimiter.consume(RESEND_LIMIT, user.id);
    await this.events.transaction(async (unit) => {
      const account = await this.accounts.byId(user.id, unit.manager, true);
      if (!account) throw IdentityErrors.memberNotFound('No such member');
      if (account.email_verified_at) throw AccountErrors.alreadyVerified('Your email address is already verified');
      await this.links.send(unit, account, 'email-verification');
    });
  }

  /** Follows a verification or email-change link; either one works once. */
  async confirm(token: string): Promise<EmailConfirmed> {
    return this.events.transaction(async (unit) => {
      const spent = await this.accounts.spendToken(hashToken(token), ['email-verification', 'email-change'], unit.manager);
      const account = spent && (await this.accounts.byId(spent.user_id, unit.manager, true));
      if (!spent || !account) throw expiredLink();
      if (spent.purpose === 'email-verification' || !spent.new_email) {
        await this.accounts.markEmailVerified(account.id, unit.manager);
        return { email: account.email, change: 'verified' };
      }
      if (await this.accounts.emailInUse(spent.new_email, unit.manager)) {
        throw IdentityErrors.emailTaken('Another account now uses that address', [{ field: 'token', message: 'its address is taken' }]);
      }
      await this.accounts.changeEmail(account.id, spent.new_email, unit.manager);
      // Told at the old address, so a hijacked account's owner learns of it.
      await unit.emit('identity.security.changed', {
        userId: account.id,
        email: account.email,
        displayName: account.display_name,
        change: 'email-changed',
        newEmail: spent.new_email,
      });
      return { email: spent.new_email, change: 'email-changed' };
    });
  }
}

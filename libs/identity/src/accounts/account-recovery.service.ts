import { Injectable } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { DomainEvents, RateLimiter } from '@mutuals/core';
import { hashPassword } from '../auth/passwords';
import { hashToken } from '../auth/tokens';
import { AccountErrors } from './accounts.errors';
import { AccountLinks } from './account-links';
import { AccountsRepository } from './accounts.repository';

const LIMITS = {
  forgotPerIp: { name: 'password reset requests', max: 30, windowSeconds: 3600 },
  /** Counted for unknown addresses too, so the limit says nothing about who has an account. */
  forgotPerEmail: { name: 'password reset requests for this address', max: 3, windowSeconds: 3600 },
  resetPerIp: { name: 'password reset attempts', max: 20, windowSeconds: 3600 },
};

/** Longer than issuing a link and writing its mail takes. */
const FORGOT_ANSWER_MS = 150;

export const expiredLink = () =>
  AccountErrors.linkExpiredOrUsed('This link has expired or has been used; ask for a new one', [
    { field: 'token', message: 'has expired or has been used' },
  ]);

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Forgot password: a one-hour single-use link by mail; a reset signs every device out. */
@Injectable()
export class AccountRecoveryService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly events: DomainEvents,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /**
   * Answers nothing either way, and never sooner than FORGOT_ANSWER_MS, so neither the answer nor
   * its timing tells whether an account uses the address.
   */
  async forgot(rawEmail: string, ip: string | null): Promise<void> {
    const email = normaliseEmail(rawEmail);
    await this.rateLimiter.consume(LIMITS.forgotPerIp, ip ?? 'unknown');
    await this.rateLimiter.consume(LIMITS.forgotPerEmail, email);
    const floor = delay(FORGOT_ANSWER_MS);
    const account = await this.accounts.byEmail(email);
    if (account && account.status !== 'suspended') {
      await this.events.transaction((unit) => this.links.send(unit, account, 'password-reset'));
    }
    await floor;
  }

  async reset(token: string, password: string, ip: string | null): Promise<void> {
    await this.rateLimiter.consume(LIMITS.resetPerIp, ip ?? 'unknown');
    const passwordHash = await hashPassword(password);
    await this.events.transaction(async (unit) => {
      const spent = await this.accounts.spendToken(hashToken(token), ['password-reset'], unit.manager);
      const account = spent && (await this.accounts.byId(spent.user_id, unit.manager, true));
      if (!account) throw expiredLink();
      await this.accounts.setPassword(account.id, passwordHash, unit.manager);
      // The link came to this address, so the member reads it.
      await this.accounts.markEmailVerified(account.id, unit.manager);
      const sessionIds = await this.accounts.revokeSessions(account.id, null, unit.manager);
      await unit.emit('identity.sessions.revoked', { userId: account.id, sessionIds });
      await unit.emit('identity.security.changed', {
        userId: account.id,
        email: account.email,
        displayName: account.display_name,
        change: 'password-reset',
      });
    });
  }
}

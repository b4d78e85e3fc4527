import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, UnitOfWork } from '@mutuals/core';
import { hashToken, newToken } from '../auth/tokens';
import type { AccountTokenPurpose } from '../entities/account-token.entity';
import { AccountRow, AccountsRepository } from './accounts.repository';

/** How long each kind of link works, and the page of the web client it opens. */
const LINKS: Record<AccountTokenPurpose, { ttlMinutes: number; page: string; event: LinkEvent }> = {
  'password-reset': { ttlMinutes: 60, page: '/reset-password', event: 'identity.password-reset.requested' },
  'email-verification': { ttlMinutes: 48 * 60, page: '/verify-email', event: 'identity.email-verification.requested' },
  'email-change': { ttlMinutes: 24 * 60, page: '/verify-email', event: 'identity.email-change.requested' },
};

type LinkEvent = 'identity.password-reset.requested' | 'identity.email-verification.requested' | 'identity.email-change.requested';

/**
 * Issues a single-use link inside the caller's transaction and emits its event there, so the
 * mail's outbox row exists exactly when the token does. The raw token leaves only in the event.
 */
@Injectable()
export class AccountLinks {
  constructor(
    private readonly accounts: AccountsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(unit: UnitOfWork, account: AccountRow, purpose: AccountTokenPurpose, newEmail: string | null = null): Promise<void> {
    const { ttlMinutes, page, event } = LINKS[purpose];
    const token = newToken();
    const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
    await this.accounts.issueToken({ userId: account.id, purpose, tokenHash: hashToken(token), newEmail, expiresAt }, unit.manager);
    await unit.emit(event, {
      userId: account.id,
      email: newEmail ?? account.email,
      displayName: account.display_name,
      link: `${this.config.publicUrl}${page}?token=${token}`,
      expiresAt: expiresAt.toISOString(),
    });
  }
}

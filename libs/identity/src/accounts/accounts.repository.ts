import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountTokenPurpose } from '../entities/account-token.entity';
import type { AccountStatus, Role } from '../entities/user.entity';

/** An account as the account-management services need it. */
export interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  handle: string;
  role: Role;
  status: AccountStatus;
  password_hash: string;
  email_verified_at: Date | null;
  created_at: Date;
}

/** A link's token once spent: whose it was, and the address an email change confirms. */
export interface SpentToken {
  user_id: string;
  purpose: AccountTokenPurpose;
  new_email: string | null;
}

const ACCOUNT_COLUMNS = 'u.id, u.email, u.display_name, u.handle, u.role, u.status, u.password_hash, u.email_verified_at, u.created_at';

/**
 * UPDATE and DELETE ... RETURNING come back from TypeORM's postgres driver as [rows, count],
 * INSERT ... RETURNING as the rows alone.
 */
async function returning<Row>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  const result = (await manager.query(sql, parameters)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}

/** The SQL of account recovery, verification, email and password changes, deletion and OpenID links. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.db.manager;
  }

  async byEmail(email: string, manager?: EntityManager): Promise<AccountRow | null> {
    const rows: AccountRow[] = await this.m(manager).query(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.email = $1`, [email]);
    return rows[0] ?? null;
  }

  /** With FOR UPDATE inside a transaction, so two changes of one account run one after the other. */
  async byId(id: string, manager?: EntityManager, forUpdate = false): Promise<AccountRow | null> {
    const rows: AccountRow[] = await this.m(manager).query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async emailInUse(email: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.m(manager).query('SELECT 1 FROM users WHERE email = $1', [email]);
    return rows.length > 0;
  }

  /** A new link replaces any earlier one of the same purpose: only the latest mail works. */
  async issueToken(
    token: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; newEmail: string | null; expiresAt: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      token.userId,
      token.purpose,
    ]);
    await manager.query(`INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      token.userId,
      token.purpose,
      token.tokenHash,
      token.newEmail,
      token.expiresAt,
    ]);
  }

  /** Spends a live token in one statement, so two uses racing each other cannot both succeed. */
  async spendToken(tokenHash: string, purposes: readonly AccountTokenPurpose[], manager: EntityManager): Promise<SpentToken | null> {
    const rows = await returning<SpentToken>(
      manager,
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, purpose, new_email`,
      [tokenHash, purposes],
    );
    return rows[0] ?? null;
  }

  async setPassword(userId: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
  }

  async markEmailVerified(userId: string, manager?: EntityManager): Promise<void> {
    await this.m(manager).query(
      'UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1',
      [userId],
    );
  }

  /** The confirmed new address is verified by the confirmation itself. */
  async changeEmail(userId: string, email: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE users SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1', [userId, email]);
  }

  /** Revokes the member's live sessions, all of them or all but the one in use; answers their ids. */
  async revokeSessions(userId: string, keepSessionId: string | null, manager: EntityManager): Promise<string[]> {
    const rows = await returning<{ id: string }>(
      manager,
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
        RETURNING id`,
      [userId, keepSessionId],
    );
    return rows.map((row) => row.id);
  }

  /** Sessions, tokens and OpenID links go with the account (ON DELETE CASCADE). */
  async deleteAccount(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM users WHERE id = $1', [userId]);
  }

  async linkedAccount(provider: string, subject: string): Promise<AccountRow | null> {
    const rows: AccountRow[] = await this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM external_identities x JOIN users u ON u.id = x.user_id WHERE x.provider = $1 AND x.subject = $2`,
      [provider, subject],
    );
    return rows[0] ?? null;
  }

  async link(provider: string, subject: string, userId: string, manager?: EntityManager): Promise<void> {
    await this.m(manager).query('INSERT INTO external_identities (provider, subject, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      provider,
      subject,
      userId,
    ]);
  }

  async linkedProviders(userId: string): Promise<string[]> {
    const rows: { provider: string }[] = await this.db.query(
      'SELECT provider FROM external_identities WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    return rows.map((row) => row.provider);
  }

  /** Everything identity holds about a member, for the download of their data. */
  async exportOf(userId: string): Promise<{
    account: Omit<AccountRow, 'password_hash'> | null;
    sessions: { created_at: Date; expires_at: Date; revoked_at: Date | null; ip: string | null; user_agent: string | null }[];
    linkedProviders: { provider: string; created_at: Date }[];
  }> {
    const [accounts, sessions, linkedProviders] = await Promise.all([
      this.db.query(
        'SELECT id, email, display_name, handle, role, status, email_verified_at, approved_at, created_at, updated_at FROM users WHERE id = $1',
        [userId],
      ),
      this.db.query('SELECT created_at, expires_at, revoked_at, ip, user_agent FROM sessions WHERE user_id = $1 ORDER BY created_at', [
        userId,
      ]),
      this.db.query('SELECT provider, created_at FROM external_identities WHERE user_id = $1 ORDER BY created_at', [userId]),
    ]);
    return { account: accounts[0] ?? null, sessions, linkedProviders };
  }
}

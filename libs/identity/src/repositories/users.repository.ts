import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLike, firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus, Role } from '../entities/user.entity';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  handle: string;
  role: Role;
  status: AccountStatus;
  email_verified_at: Date | null;
  approved_at: Date | null;
  approved_by: string | null;
  rejection_reason: string | null;
  avatar_url: string | null;
  created_at: Date;
  updated_at: Date;
}

export type UserSummaryRow = Pick<UserRow, 'id' | 'display_name' | 'handle' | 'role' | 'status' | 'avatar_url'>;

const SUMMARY_COLUMNS = 'id, display_name, handle, role, status, avatar_url';

/** Accounts: the `users` table. Emails are stored lower-cased, so equality is case-insensitive. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  async insert(
    user: Pick<UserRow, 'email' | 'password_hash' | 'display_name' | 'handle' | 'role' | 'status' | 'approved_at'>,
    manager?: EntityManager,
  ): Promise<UserRow> {
    const row = await firstRow<UserRow>(
      this.runner(manager),
      `INSERT INTO users (email, password_hash, display_name, handle, role, status, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [user.email, user.password_hash, user.display_name, user.handle, user.role, user.status, user.approved_at],
    );
    return row!;
  }

  findById(id: string, manager?: EntityManager): Promise<UserRow | undefined> {
    return firstRow<UserRow>(this.runner(manager), 'SELECT * FROM users WHERE id = $1', [id]);
  }

  findByEmail(email: string): Promise<UserRow | undefined> {
    return firstRow<UserRow>(this.runner(), 'SELECT * FROM users WHERE email = $1', [email]);
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await rowsOf(this.runner(), 'SELECT 1 FROM users WHERE email = $1', [email])).length > 0;
  }

  async handleTaken(handle: string): Promise<boolean> {
    return (await rowsOf(this.runner(), 'SELECT 1 FROM users WHERE handle = $1', [handle])).length > 0;
  }

  /** The handles taken among `base` and `base-<anything>`, to pick the first free `base-n`. */
  async handlesLike(base: string): Promise<string[]> {
    const like = `${escapeLike(base)}-%`;
    const rows = await rowsOf<{ handle: string }>(this.runner(), 'SELECT handle FROM users WHERE handle = $1 OR handle LIKE $2', [
      base,
      like,
    ]);
    return rows.map((r) => r.handle);
  }

  async count(): Promise<number> {
    const row = await firstRow<{ n: number }>(this.runner(), 'SELECT count(*)::int AS n FROM users');
    return row!.n;
  }

  summaries(ids: readonly string[]): Promise<UserSummaryRow[]> {
    return rowsOf<UserSummaryRow>(this.runner(), `SELECT ${SUMMARY_COLUMNS} FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  contacts(ids: readonly string[]): Promise<(UserSummaryRow & { email: string })[]> {
    return rowsOf(this.runner(), `SELECT ${SUMMARY_COLUMNS}, email FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  byHandles(handles: readonly string[]): Promise<UserSummaryRow[]> {
    return rowsOf<UserSummaryRow>(this.runner(), `SELECT ${SUMMARY_COLUMNS} FROM users WHERE handle = ANY($1::text[])`, [handles]);
  }

  async rename(id: string, change: { display_name: string; handle: string }, manager?: EntityManager): Promise<UserRow> {
    const row = await firstRow<UserRow>(
      this.runner(manager),
      'UPDATE users SET display_name = $2, handle = $3, updated_at = now() WHERE id = $1 RETURNING *',
      [id, change.display_name, change.handle],
    );
    return row!;
  }

  /** Answers the account, or null when there is none. */
  setAvatarUrl(id: string, avatarUrl: string | null, manager: EntityManager): Promise<UserRow | undefined> {
    return firstRow<UserRow>(this.runner(manager), 'UPDATE users SET avatar_url = $2, updated_at = now() WHERE id = $1 RETURNING *', [id, avatarUrl]);
  }

  async approve(id: string, coordinatorId: string, manager?: EntityManager): Promise<UserRow> {
    const row = await firstRow<UserRow>(
      this.runner(manager),
      `UPDATE users SET status = 'active', approved_at = now(), approved_by = $2, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, coordinatorId],
    );
    return row!;
  }

  /** A pending application turned down; undefined when the account was not pending. */
  reject(id: string, coordinatorId: string, reason: string, manager?: EntityManager): Promise<UserRow | undefined> {
    return firstRow<UserRow>(
      this.runner(manager),
      `UPDATE users SET status = 'rejected', rejection_reason = $3, approved_by = $2, updated_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING *`,
      [id, coordinatorId, reason],
    );
  }

  /** A suspended member made active again; undefined when the account was not suspended. */
  reinstate(id: string, coordinatorId: string, manager?: EntityManager): Promise<UserRow | undefined> {
    return firstRow<UserRow>(
      this.runner(manager),
      `UPDATE users SET status = 'active', approved_at = now(), approved_by = $2, updated_at = now()
        WHERE id = $1 AND status = 'suspended' RETURNING *`,
      [id, coordinatorId],
    );
  }

  async setStatus(id: string, status: AccountStatus, manager?: EntityManager): Promise<UserRow> {
    const row = await firstRow<UserRow>(
      this.runner(manager),
      'UPDATE users SET status = $2, updated_at = now() WHERE id = $1 RETURNING *',
      [id, status],
    );
    return row!;
  }

  /** The role changes only while it is still `from`, so two coordinators acting at once cannot both win. */
  setRole(id: string, from: Role, to: Role, manager?: EntityManager): Promise<UserRow | undefined> {
    return firstRow<UserRow>(
      this.runner(manager),
      'UPDATE users SET role = $3, updated_at = now() WHERE id = $1 AND role = $2 RETURNING *',
      [id, from, to],
    );
  }

  /**
   * Newest first, keyset on (created_at, id); `after` is the last row of the previous page. `q`
   * matches a part of the name, handle or email address; `ids` keeps only those accounts.
   */
  page(query: {
    status?: AccountStatus;
    role?: Role;
    q?: string;
    ids?: readonly string[];
    limit: number;
    after: [string, string] | null;
  }): Promise<UserRow[]> {
    const parameters: unknown[] = [query.limit];
    const conditions: string[] = [];
    if (query.status) conditions.push(`status = $${parameters.push(query.status)}`);
    if (query.role) conditions.push(`role = $${parameters.push(query.role)}`);
    if (query.q) {
      const like = `$${parameters.push(`%${escapeLike(query.q)}%`)}`;
      conditions.push(`(display_name ILIKE ${like} OR handle ILIKE ${like} OR email ILIKE ${like})`);
    }
    if (query.ids) conditions.push(`id = ANY($${parameters.push(query.ids)}::uuid[])`);
    if (query.after) {
      conditions.push(`(created_at, id) < ($${parameters.push(query.after[0])}::timestamptz, $${parameters.push(query.after[1])}::uuid)`);
    }
    return rowsOf<UserRow>(
      this.runner(),
      `SELECT * FROM users ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $1`,
      parameters,
    );
  }
}

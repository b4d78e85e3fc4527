import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedRows, firstRow, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus, Role } from '../entities/user.entity';

/** A live session with what the guard needs of its account. */
export interface LiveSessionRow {
  session_id: string;
  user_id: string;
  role: Role;
  status: AccountStatus;
  expires_at: Date;
  /** Set when the caller came with a personal API token (then session_id is the token's id too). */
  token_id?: string | null;
  scopes?: string[] | null;
}

/** Signed-in devices: the `sessions` table, which keeps only the SHA-256 of each token. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  async insert(session: {
    user_id: string;
    token_hash: string;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  }): Promise<void> {
    await this.runner().query('INSERT INTO sessions (user_id, token_hash, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)', [
      session.user_id,
      session.token_hash,
      session.expires_at,
      session.ip,
      session.user_agent,
    ]);
  }

  /** The session of this token hash if it is unrevoked, unexpired and its account not suspended. */
  findLive(tokenHash: string): Promise<LiveSessionRow | undefined> {
    return firstRow<LiveSessionRow>(
      this.runner(),
      `SELECT s.id AS session_id, u.id AS user_id, u.role, u.status, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status NOT IN ('suspended', 'rejected')`,
      [tokenHash],
    );
  }

  revoke(sessionId: string, manager?: EntityManager): Promise<number> {
    return affectedRows(this.runner(manager), 'UPDATE sessions SET revoked_at = now() WHERE id = $1', [sessionId]);
  }

  revokeAllOf(userId: string, manager?: EntityManager): Promise<number> {
    return affectedRows(this.runner(manager), 'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}

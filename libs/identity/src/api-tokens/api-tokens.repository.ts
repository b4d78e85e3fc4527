import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedRows, firstRow, rowsOf } from '@mutuals/core';
import type { DataSource } from 'typeorm';
import type { LiveSessionRow } from '../repositories/sessions.repository';

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AdminApiTokenRow extends ApiTokenRow {
  display_name: string;
  handle: string;
}

const COLUMNS = 't.id, t.user_id, t.name, t.prefix, t.scopes, t.created_at, t.expires_at, t.last_used_at, t.revoked_at';

/** Personal API tokens: the `api_tokens` table, which keeps only the SHA-256 of each secret. */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(token: {
    user_id: string;
    name: string;
    prefix: string;
    token_hash: string;
    scopes: string[];
    expires_at: Date | null;
  }): Promise<ApiTokenRow> {
    const row = await firstRow<ApiTokenRow>(
      this.dataSource.manager,
      `INSERT INTO api_tokens AS t (user_id, name, prefix, token_hash, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [token.user_id, token.name, token.prefix, token.token_hash, token.scopes, token.expires_at],
    );
    return row!;
  }

  /**
   * The live token of this hash, shaped like a live session for the guard: unrevoked, unexpired,
   * its owner neither suspended nor rejected. A token without expiry is trusted for a day at most
   * between lookups (the session cache asks again much sooner anyway).
   */
  findLive(tokenHash: string): Promise<LiveSessionRow | undefined> {
    return firstRow<LiveSessionRow>(
      this.dataSource.manager,
      `SELECT t.id AS session_id, u.id AS user_id, u.role, u.status, COALESCE(t.expires_at, now() + interval '1 day') AS expires_at,
              t.id AS token_id, t.scopes
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
          AND u.status NOT IN ('suspended', 'rejected')`,
      [tokenHash],
    );
  }

  /** Records a use, at most once a minute per token (most requests write nothing). */
  touch(tokenId: string): Promise<number> {
    return affectedRows(
      this.dataSource.manager,
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [tokenId],
    );
  }

  listOf(userId: string): Promise<ApiTokenRow[]> {
    return rowsOf<ApiTokenRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id LIMIT 200`,
      [userId],
    );
  }

  /** Every member's tokens for coordinators, live ones first, optionally of one member. */
  listAll(userId: string | null, includeRevoked: boolean): Promise<AdminApiTokenRow[]> {
    return rowsOf<AdminApiTokenRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS}, u.display_name, u.handle
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE ($1::uuid IS NULL OR t.user_id = $1) AND ($2 OR t.revoked_at IS NULL)
        ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id LIMIT 500`,
      [userId, includeRevoked],
    );
  }

  find(id: string): Promise<ApiTokenRow | undefined> {
    return firstRow<ApiTokenRow>(this.dataSource.manager, `SELECT ${COLUMNS} FROM api_tokens t WHERE t.id = $1`, [id]);
  }

  /** Revokes a live token; the owner's id when it was live, undefined otherwise. */
  async revoke(id: string, ownerId: string | null, revokedBy: string): Promise<string | undefined> {
    const row = await firstRow<{ user_id: string }>(
      this.dataSource.manager,
      `UPDATE api_tokens SET revoked_at = now(), revoked_by = $3
        WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2) AND revoked_at IS NULL RETURNING user_id`,
      [id, ownerId, revokedBy],
    );
    return row?.user_id;
  }
}

import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@mutuals/core';
import type { AdminApiTokenView, ApiTokenCreatedView, ApiTokenScope, ApiTokenView } from '@mutuals/contracts';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import { IdentityErrors } from '../identity.errors';
import { isCoordinator, type AuthUser } from '../identity.types';
import type { LiveSessionRow } from '../repositories/sessions.repository';
import { API_TOKEN_PREFIX, normaliseScopes, visiblePrefix } from './api-token-scopes';
import { AdminApiTokenRow, ApiTokenRow, ApiTokensRepository } from './api-tokens.repository';

/** How often one process writes a token's last use (the SQL holds the same bound across replicas). */
const TOUCH_EVERY_MS = 60_000;

function toView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: normaliseScopes(row.scopes),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

const toAdminView = (row: AdminApiTokenRow): AdminApiTokenView => ({
  ...toView(row),
  owner: { id: row.user_id, displayName: row.display_name, handle: row.handle },
});

/**
 * Personal API tokens: created, listed and revoked by their owner (on the website only), listed
 * and revoked by coordinators for anyone. A revocation reaches every replica at once through the
 * session cache's revocation channel (identity.sessions.revoked).
 */
@Injectable()
export class ApiTokensService {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly events: DomainEvents,
  ) {}

  async create(user: AuthUser, input: { name: string; scopes: ApiTokenScope[]; expiresAt?: string | null }): Promise<ApiTokenCreatedView> {
    const scopes = normaliseScopes(input.scopes);
    if (scopes.includes('admin') && !isCoordinator(user)) {
      throw IdentityErrors.scopeNotAllowed('Only coordinators may give a token the admin scope', [
        { field: 'scopes', message: 'admin is for coordinators only' },
      ]);
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw IdentityErrors.invalidExpiry('The expiry must be in the future', [{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.tokens.insert({
      user_id: user.id,
      name: input.name.trim(),
      prefix: visiblePrefix(secret),
      token_hash: hashToken(secret),
      scopes,
      expires_at: expiresAt,
    });
    return { token: toView(row), secret };
  }

  async listMine(userId: string): Promise<ApiTokenView[]> {
    return (await this.tokens.listOf(userId)).map(toView);
  }

  async listAll(userId: string | null, includeRevoked: boolean): Promise<AdminApiTokenView[]> {
    return (await this.tokens.listAll(userId, includeRevoked)).map(toAdminView);
  }

  /** The owner revokes their own token; a coordinator anyone's. Revoking a revoked token changes nothing. */
  async revoke(user: AuthUser, tokenId: string, asCoordinator: boolean): Promise<void> {
    const token = await this.tokens.find(tokenId);
    if (!token || (!asCoordinator && token.user_id !== user.id)) throw IdentityErrors.apiTokenNotFound('No such API token');
    if (token.revoked_at) return;
    const ownerId = await this.tokens.revoke(tokenId, asCoordinator ? null : user.id, user.id);
    if (ownerId) await this.events.emit('identity.sessions.revoked', { userId: ownerId, sessionIds: [tokenId] });
  }

  /** The guard's lookup of a bearer that starts with `mnp_`. */
  findLive(tokenHash: string): Promise<LiveSessionRow | undefined> {
    return this.tokens.findLive(tokenHash);
  }

  /** Records that a token was used; written at most once a minute per token. */
  async used(tokenId: string): Promise<void> {
    const now = Date.now();
    if ((this.touched.get(tokenId) ?? 0) > now - TOUCH_EVERY_MS) return;
    this.touched.set(tokenId, now);
    if (this.touched.size > 10_000) this.touched.delete(this.touched.keys().next().value!);
    await this.tokens.touch(tokenId);
  }
}

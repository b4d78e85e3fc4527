import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  DomainEvents,
  Page,
  RateLimit,
  RateLimiter,
  UnitOfWork,
  decodeCursor,
  isUniqueViolation,
  toPage,
} from '@mutuals/core';
import type { UserView } from '@mutuals/contracts';
import type { DataSource } from 'typeorm';
import { HANDLE_PATTERN, handleBase } from './auth/handles';
import { decoyPasswordHash, hashPassword, verifyPassword } from './auth/passwords';
import { SessionCache } from './auth/session-cache';
import { API_TOKEN_PREFIX } from './api-tokens/api-token-scopes';
import { ApiTokensService } from './api-tokens/api-tokens.service';
import { hashToken, newToken } from './auth/tokens';
import { EmailVerificationService } from './accounts/email-verification.service';
import type { AccountStatus, Role } from './entities/user.entity';
import { IdentityErrors } from './identity.errors';
import { AuthUser, UserContact, UserSummary } from './identity.types';
import { SessionsRepository } from './repositories/sessions.repository';
import { UserRow, UserSummaryRow, UsersRepository } from './repositories/users.repository';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  user: UserView;
  token: string;
}

const LIMITS = {
  // Failures are limited, not sign-ins, and per account only from the failing address: an attacker
  // guessing from one address cannot lock the owner out from another.
  loginFailuresPerAddress: { name: 'failed sign-ins from this address', max: 30, windowSeconds: 300 },
  loginFailuresPerAccountAndAddress: { name: 'failed sign-ins to this account from this address', max: 10, windowSeconds: 900 },
  registerPerIp: { name: 'registrations', max: 10, windowSeconds: 3600 },
};

function toUserView(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    handle: user.handle,
    role: user.role,
    status: user.status,
    avatarUrl: user.avatar_url,
  };
}

function toSummary(user: UserSummaryRow): UserSummary {
  return {
    id: user.id,
    displayName: user.display_name,
    handle: user.handle,
    role: user.role,
    status: user.status,
    avatarUrl: user.avatar_url,
  };
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: RateLimiter,
    private readonly events: DomainEvents,
    private readonly emailVerification: EmailVerificationService,
    private readonly sessionCache: SessionCache,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async register(input: { email: string; password: string; displayName: string }, client: ClientInfo): Promise<SignedIn> {
    await this.rateLimiter.consume(LIMITS.registerPerIp, client.ip ?? 'unknown');
    const user = await this.createUser({ ...input, role: 'member', status: 'pending' });
    await this.emailVerification.sendAfterRegistration(user.id);
    return { user, token: await this.openSession(user.id, client) };
  }

  /** Accounts made by a person registering, the CLI or the demo seed all come through here. */
  async createUser(input: {
    email: string;
    password: string;
    displayName: string;
    role: Role;
    status: AccountStatus;
    handle?: string;
  }): Promise<UserView> {
    const email = normaliseEmail(input.email);
    if (await this.users.emailTaken(email)) {
      throw IdentityErrors.emailTaken('An account with that email already exists', [{ field: 'email', message: 'is already registered' }]);
    }
    let user: UserRow;
    try {
      user = await this.users.insert({
        email,
        password_hash: await hashPassword(input.password),
        display_name: input.displayName.trim(),
        handle: input.handle ?? (await this.freeHandle(handleBase(input.displayName))),
        role: input.role,
        status: input.status,
        approved_at: input.status === 'active' ? new Date() : null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IdentityErrors.emailTaken('An account with that email already exists', [
          { field: 'email', message: 'is already registered' },
        ]);
      }
      throw error;
    }
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'registered' });
    return toUserView(user);
  }

  async login(input: { email: string; password: string }, client: ClientInfo): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    const address = client.ip ?? 'unknown';
    const failureCounts: [RateLimit, string][] = [
      [LIMITS.loginFailuresPerAddress, address],
      [LIMITS.loginFailuresPerAccountAndAddress, `${email} ${address}`],
    ];
    // Counted as a failure before the check and refunded on success, so that guesses sent at
    // once cannot all pass a limit that only counts them afterwards.
    for (const [limit, key] of failureCounts) await this.rateLimiter.consume(limit, key);
    const user = await this.users.findByEmail(email);
    // Same work and the same answer whether the email is unknown or the password wrong.
    const valid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
    if (!user || !valid || user.status === 'suspended') {
      throw IdentityErrors.badCredentials('The email or password is not right');
    }
    // Only the applicant, having proved who they are, learns why their application was turned down.
    if (user.status === 'rejected') {
      throw IdentityErrors.applicationRejected(
        `Your application to join was not accepted. The coordinators said: ${user.rejection_reason ?? 'no reason given'}`,
      );
    }
    await Promise.all(failureCounts.map(([limit, key]) => this.rateLimiter.refund(limit, key)));
    return { user: toUserView(user), token: await this.openSession(user.id, client) };
  }

  async logout(auth: AuthUser): Promise<void> {
    await this.sessions.revoke(auth.sessionId);
    await this.events.emit('identity.sessions.revoked', { userId: auth.id, sessionIds: [auth.sessionId] });
  }

  /** The one check behind every request and every socket: a live session of an unsuspended member. */
  async authenticate(token: string, via: AuthUser['via']): Promise<AuthUser | null> {
    if (!token || token.length > 128) return null;
    const row = await this.sessionCache.find(hashToken(token), (hash) => this.sessions.findLive(hash));
    return row ? { id: row.user_id, role: row.role, status: row.status, sessionId: row.session_id, via } : null;
  }

  /**
   * An HTTP request's bearer: a personal API token (`mnp_...`, held to its scopes by the guard)
   * or a session token. Sockets take session tokens only (authenticate above).
   */
  async authenticateRequest(token: string): Promise<AuthUser | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 128) return this.authenticate(token, 'bearer');
    const row = await this.sessionCache.find(hashToken(token), (hash) => this.apiTokens.findLive(hash));
    if (!row?.token_id) return this.authenticate(token, 'bearer');
    await this.apiTokens.used(row.token_id);
    return {
      id: row.user_id,
      role: row.role,
      status: row.status,
      sessionId: row.session_id,
      via: 'bearer',
      apiToken: { id: row.token_id, scopes: row.scopes ?? [] },
    };
  }

  async me(userId: string): Promise<UserView> {
    return toUserView(await this.getUser(userId));
  }

  countUsers(): Promise<number> {
    return this.users.count();
  }

  async getUserSummaries(ids: readonly string[]): Promise<Map<string, UserSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.summaries(unique);
    return new Map(rows.map((u) => [u.id, toSummary(u)]));
  }

  /** Where to mail members: their current address and name (only the mail lib needs addresses). */
  async getMailContacts(ids: readonly string[]): Promise<Map<string, UserContact>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.contacts(unique);
    return new Map(rows.map((u) => [u.id, { ...toSummary(u), email: u.email }]));
  }

  /** Who reviews what members hand in to the programme (stories awaiting review). */
  activeCoordinatorIds(): Promise<string[]> {
    return this.users.activeCoordinatorIds();
  }

  async findByHandles(handles: readonly string[]): Promise<UserSummary[]> {
    const unique = [...new Set(handles.map((h) => h.toLowerCase()))];
    if (unique.length === 0) return [];
    const rows = await this.users.byHandles(unique);
    return rows.map(toSummary);
  }

  /** The files lib sets the avatar in the transaction that stores it; profiles mirror it. */
  async setAvatarUrl(unit: UnitOfWork, userId: string, avatarUrl: string | null): Promise<void> {
    const user = await this.users.setAvatarUrl(userId, avatarUrl, unit.manager);
    if (!user) throw IdentityErrors.memberNotFound('No such member');
    await unit.emit('identity.user.changed', { user: toSummary(user), reason: 'avatar-changed' });
  }

  async updateIdentity(userId: string, change: { displayName?: string; handle?: string }): Promise<UserSummary> {
    const user = await this.getUser(userId);
    const handle = change.handle?.toLowerCase();
    if (handle !== undefined && handle !== user.handle) {
      if (!HANDLE_PATTERN.test(handle)) {
        throw IdentityErrors.handleTaken('That handle cannot be used', [
          { field: 'handle', message: 'must be 3 to 30 lower-case letters, digits, - or _, starting with a letter' },
        ]);
      }
      if (await this.users.handleTaken(handle)) {
        throw IdentityErrors.handleTaken('That handle is taken', [{ field: 'handle', message: 'is taken' }]);
      }
    }
    const renamed = await this.users.rename(userId, {
      display_name: change.displayName !== undefined ? change.displayName.trim() : user.display_name,
      handle: handle ?? user.handle,
    });
    await this.events.emit('identity.user.changed', { user: toSummary(renamed), reason: 'renamed' });
    return toSummary(renamed);
  }

  /** `ids`: only these accounts (another lib's filter, e.g. by sector). */
  async listMembers(query: {
    status?: AccountStatus;
    role?: Role;
    q?: string;
    ids?: readonly string[];
    limit: number;
    cursor?: string;
  }): Promise<Page<UserView & { createdAt: string; emailVerified: boolean }>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.users.page({ status: query.status, role: query.role, q: query.q, ids: query.ids, limit: query.limit + 1, after });
    return toPage(
      rows,
      query.limit,
      (u) => [u.created_at.toISOString(), u.id],
      (u) => ({ ...toUserView(u), createdAt: u.created_at.toISOString(), emailVerified: u.email_verified_at !== null }),
    );
  }

  async approve(memberId: string, coordinatorId: string): Promise<UserView> {
    const user = await this.getUser(memberId);
    if (user.status === 'active') return toUserView(user);
    const approved = await this.users.approve(memberId, coordinatorId);
    await this.events.emit('identity.user.changed', { user: toSummary(approved), reason: 'approved' });
    return toUserView(approved);
  }

  /** Suspension takes effect at once: every session is revoked and live sockets are cut. */
  async suspend(memberId: string, coordinatorId: string): Promise<UserView> {
    if (memberId === coordinatorId) {
      throw IdentityErrors.invalidTransition('You cannot suspend your own account');
    }
    await this.getUser(memberId);
    const user = await this.dataSource.transaction(async (manager) => {
      const suspended = await this.users.setStatus(memberId, 'suspended', manager);
      await this.sessions.revokeAllOf(memberId, manager);
      return suspended;
    });
    await this.events.emit('identity.sessions.revoked', { userId: user.id, sessionIds: null });
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'suspended' });
    return toUserView(user);
  }

  /** An applicant turned down, with a reason they are told; only a pending account can be rejected. */
  async reject(memberId: string, coordinatorId: string, reason: string): Promise<UserView> {
    await this.getUser(memberId);
    const user = await this.dataSource.transaction(async (manager) => {
      const rejected = await this.users.reject(memberId, coordinatorId, reason, manager);
      if (!rejected) throw IdentityErrors.invalidTransition('Only an application awaiting approval can be rejected');
      await this.sessions.revokeAllOf(memberId, manager);
      return rejected;
    });
    await this.events.emit('identity.sessions.revoked', { userId: user.id, sessionIds: null });
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'rejected', rejectionReason: reason });
    return toUserView(user);
  }

  /**
   * Coordinators make members coordinators and back; only an admin gives or takes away the admin
   * role, and nobody changes their own (a last admin cannot demote themselves by mistake).
   */
  async changeRole(memberId: string, actor: AuthUser, role: Role): Promise<UserView> {
    if (memberId === actor.id) throw IdentityErrors.invalidTransition('You cannot change your own role');
    const user = await this.getUser(memberId);
    if (user.role === role) return toUserView(user);
    if ((role === 'admin' || user.role === 'admin') && actor.role !== 'admin') {
      throw IdentityErrors.adminsOnly('Only an admin can give or take away the admin role');
    }
    const changed = await this.users.setRole(memberId, user.role, role);
    if (!changed) throw IdentityErrors.invalidTransition('Someone else changed this role a moment ago; reload and try again');
    await this.events.emit('identity.user.changed', { user: toSummary(changed), reason: 'role-changed' });
    return toUserView(changed);
  }

  /** A suspended member comes back as active; their old sessions stay revoked. */
  async reinstate(memberId: string, coordinatorId: string): Promise<UserView> {
    await this.getUser(memberId);
    const user = await this.users.reinstate(memberId, coordinatorId);
    if (!user) throw IdentityErrors.invalidTransition('Only a suspended member can be reinstated');
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'reinstated' });
    return toUserView(user);
  }

  private async getUser(id: string): Promise<UserRow> {
    const user = await this.users.findById(id);
    if (!user) throw IdentityErrors.memberNotFound('No such member');
    return user;
  }

  /** A new session for an account, as login makes; for the CLI, seeds and test factories. */
  async openSession(userId: string, client: ClientInfo = { ip: null, userAgent: 'internal' }): Promise<string> {
    const token = newToken();
    await this.sessions.insert({
      user_id: userId,
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + this.config.sessionTtlDays * 86_400_000),
      ip: client.ip?.slice(0, 64) ?? null,
      user_agent: client.userAgent?.slice(0, 255) ?? null,
    });
    return token;
  }

  private async freeHandle(base: string): Promise<string> {
    const taken = new Set(await this.users.handlesLike(base));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

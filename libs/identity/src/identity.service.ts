import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainEvents, Page, RateLimiter, UnitOfWork, decodeCursor, toPage } from '@mutuals/core';
import type { UserView } from '@mutuals/contracts';
import { In, IsNull, Repository } from 'typeorm';
import { HANDLE_PATTERN, handleBase } from './auth/handles';
import { decoyPasswordHash, hashPassword, verifyPassword } from './auth/passwords';
import { hashToken, newToken } from './auth/tokens';
import { SessionEntity } from './entities/session.entity';
import { AccountStatus, Role, UserEntity } from './entities/user.entity';
import { IdentityErrors } from './identity.errors';
import { AuthUser, UserSummary } from './identity.types';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  user: UserView;
  token: string;
}

const LIMITS = {
  loginPerIp: { name: 'sign-in attempts', max: 30, windowSeconds: 300 },
  loginPerAccount: { name: 'sign-in attempts for this account', max: 10, windowSeconds: 900 },
  registerPerIp: { name: 'registrations', max: 10, windowSeconds: 3600 },
};

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    handle: user.handle,
    role: user.role,
    status: user.status,
    avatarUrl: user.avatarUrl,
  };
}

function toSummary(user: UserEntity): UserSummary {
  return { id: user.id, displayName: user.displayName, handle: user.handle, role: user.role, status: user.status, avatarUrl: user.avatarUrl };
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: RateLimiter,
    private readonly events: DomainEvents,
  ) {}

  async register(input: { email: string; password: string; displayName: string }, client: ClientInfo): Promise<SignedIn> {
    await this.rateLimiter.consume(LIMITS.registerPerIp, client.ip ?? 'unknown');
    const user = await this.createUser({ ...input, role: 'member', status: 'pending' });
    return { user: toUserView(user), token: await this.openSession(user.id, client) };
  }

  /** Accounts made by a person registering, the CLI or the demo seed all come through here. */
  async createUser(input: {
    email: string;
    password: string;
    displayName: string;
    role: Role;
    status: AccountStatus;
    handle?: string;
  }): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    if (await this.users.existsBy({ email })) {
      throw IdentityErrors.emailTaken('An account with that email already exists', [{ field: 'email', message: 'is already registered' }]);
    }
    const user = this.users.create({
      email,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      handle: input.handle ?? (await this.freeHandle(handleBase(input.displayName))),
      role: input.role,
      status: input.status,
      approvedAt: input.status === 'active' ? new Date() : null,
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw IdentityErrors.emailTaken('An account with that email already exists', [
          { field: 'email', message: 'is already registered' },
        ]);
      }
      throw error;
    }
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'registered' });
    return user;
  }

  async login(input: { email: string; password: string }, client: ClientInfo): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    await this.rateLimiter.consume(LIMITS.loginPerIp, client.ip ?? 'unknown');
    await this.rateLimiter.consume(LIMITS.loginPerAccount, email);
    const user = await this.users.findOneBy({ email });
    // Same work and the same answer whether the email is unknown or the password wrong.
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
    if (!user || !valid || user.status === 'suspended') {
      throw IdentityErrors.badCredentials('The email or password is not right');
    }
    return { user: toUserView(user), token: await this.openSession(user.id, client) };
  }

  async logout(auth: AuthUser): Promise<void> {
    await this.sessions.update({ id: auth.sessionId }, { revokedAt: new Date() });
    await this.events.emit('identity.sessions.revoked', { userId: auth.id, sessionIds: [auth.sessionId] });
  }

  /** The one check behind every request and every socket: a live session of an unsuspended member. */
  async authenticate(token: string, via: AuthUser['via']): Promise<AuthUser | null> {
    if (!token || token.length > 128) return null;
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoin('s.user', 'u')
      .select(['s.id AS session_id', 'u.id AS user_id', 'u.role AS role', 'u.status AS status'])
      .where('s.token_hash = :hash', { hash: hashToken(token) })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > now()')
      .andWhere("u.status <> 'suspended'")
      .getRawOne<{ session_id: string; user_id: string; role: Role; status: AccountStatus }>();
    return row ? { id: row.user_id, role: row.role, status: row.status, sessionId: row.session_id, via } : null;
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
    const rows = await this.users.find({
      where: { id: In(unique) },
      select: { id: true, displayName: true, handle: true, role: true, status: true, avatarUrl: true },
    });
    return new Map(rows.map((u) => [u.id, toSummary(u)]));
  }

  async findByHandles(handles: readonly string[]): Promise<UserSummary[]> {
    const unique = [...new Set(handles.map((h) => h.toLowerCase()))];
    if (unique.length === 0) return [];
    const rows = await this.users.find({ where: { handle: In(unique) } });
    return rows.map(toSummary);
  }

  /** The files lib sets the avatar in the transaction that stores it; profiles mirror it. */
  async setAvatarUrl(unit: UnitOfWork, userId: string, avatarUrl: string | null): Promise<void> {
    const [rows] = await unit.manager.query(`UPDATE users SET avatar_url = $2, updated_at = now() WHERE id = $1 RETURNING *`, [userId, avatarUrl]);
    const user = (rows as Record<string, unknown>[])[0];
    if (!user) throw IdentityErrors.memberNotFound('No such member');
    const summary: UserSummary = {
      id: userId,
      displayName: user.display_name as string,
      handle: user.handle as string,
      role: user.role as Role,
      status: user.status as AccountStatus,
      avatarUrl,
    };
    await unit.emit('identity.user.changed', { user: summary, reason: 'avatar-changed' });
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
      if (await this.users.existsBy({ handle })) {
        throw IdentityErrors.handleTaken('That handle is taken', [{ field: 'handle', message: 'is taken' }]);
      }
      user.handle = handle;
    }
    if (change.displayName !== undefined) user.displayName = change.displayName.trim();
    await this.users.save(user);
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'renamed' });
    return toSummary(user);
  }

  async listMembers(query: { status?: AccountStatus; limit: number; cursor?: string }): Promise<Page<UserView & { createdAt: string }>> {
    const after = decodeCursor(query.cursor, 2);
    const qb = this.users.createQueryBuilder('u').orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC');
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (after) qb.andWhere('(u.created_at, u.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(
      rows,
      query.limit,
      (u) => [u.createdAt.toISOString(), u.id],
      (u) => ({ ...toUserView(u), createdAt: u.createdAt.toISOString() }),
    );
  }

  async approve(memberId: string, coordinatorId: string): Promise<UserView> {
    const user = await this.getUser(memberId);
    if (user.status === 'active') return toUserView(user);
    user.status = 'active';
    user.approvedAt = new Date();
    user.approvedBy = coordinatorId;
    await this.users.save(user);
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'approved' });
    return toUserView(user);
  }

  /** Suspension takes effect at once: every session is revoked and live sockets are cut. */
  async suspend(memberId: string, coordinatorId: string): Promise<UserView> {
    if (memberId === coordinatorId) {
      throw IdentityErrors.invalidTransition('You cannot suspend your own account');
    }
    const user = await this.getUser(memberId);
    user.status = 'suspended';
    await this.users.save(user);
    await this.sessions.update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.events.emit('identity.sessions.revoked', { userId: user.id, sessionIds: null });
    await this.events.emit('identity.user.changed', { user: toSummary(user), reason: 'suspended' });
    return toUserView(user);
  }

  private async getUser(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw IdentityErrors.memberNotFound('No such member');
    return user;
  }

  /** A new session for an account, as login makes; for the CLI, seeds and test factories. */
  async openSession(userId: string, client: ClientInfo = { ip: null, userAgent: 'internal' }): Promise<string> {
    const token = newToken();
    await this.sessions.insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.config.sessionTtlDays * 86_400_000),
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
    });
    return token;
  }

  private async freeHandle(base: string): Promise<string> {
    const taken = new Set(
      (
        await this.users
          .createQueryBuilder('u')
          .select('u.handle', 'handle')
          .where('u.handle = :base OR u.handle LIKE :prefix', { base, prefix: `${base}-%` })
          .getRawMany<{ handle: string }>()
      ).map((r) => r.handle),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

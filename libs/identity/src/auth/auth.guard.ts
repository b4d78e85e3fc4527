import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../entities/user.entity';
import { IdentityErrors } from '../identity.errors';
import type { AuthUser } from '../identity.types';
import { APP_CONFIG, type AppConfig, RateLimiter } from '@mutuals/core';
import { scopeNeeded, tokenAllows } from '../api-tokens/api-token-scopes';
import { ALLOW_PENDING, NO_API_TOKENS, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { CSRF_COOKIE, CSRF_HEADER } from './cookies';
import { SESSION_TOKEN_STRATEGY } from './strategies/session-token.strategy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Deny by default: every route needs a signed-in caller unless marked @Public; unsafe methods
 * need an active account unless marked @AllowPending; cookie callers must echo the CSRF cookie.
 * The caller is resolved by passport's session-token strategy. A personal API token is held to its
 * scopes (read, write, admin), never reaches @NoApiTokens routes, and is rate limited on its own.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard(SESSION_TOKEN_STRATEGY) {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override getAuthenticateOptions() {
    return { session: false };
  }

  /** An absent or dead token is no caller; whether the route needs one is decided below. */
  override handleRequest<T>(error: unknown, user: T | false): T | null {
    if (error) throw error;
    return user || null;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser | null }>();
    const flag = (key: string) => this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]);

    const user = request.user ?? null;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (flag(PUBLIC_ROUTE)) {
      // Open to anyone: a token outside its scopes is simply no caller here.
      if (user?.apiToken && (flag(NO_API_TOKENS) || !tokenAllows(user.apiToken.scopes, request.method, Boolean(roles))))
        request.user = null;
      return true;
    }
    if (!user) throw IdentityErrors.notSignedIn('Sign in to continue');
    if (user.apiToken) {
      if (flag(NO_API_TOKENS)) throw IdentityErrors.apiTokenNotAllowed('API tokens cannot do this: sign in on the website');
      if (!tokenAllows(user.apiToken.scopes, request.method, Boolean(roles))) {
        throw IdentityErrors.insufficientScope(
          `This API token lacks the ${scopeNeeded(request.method, Boolean(roles))} scope this request needs`,
        );
      }
      await this.rateLimiter.consume(
        { name: 'requests with this API token', max: this.config.apiTokenRequestsPerMinute, windowSeconds: 60 },
        user.apiToken.id,
      );
    }

    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && user.via === 'cookie') {
      const header = request.headers[CSRF_HEADER];
      if (!sameSecret(typeof header === 'string' ? header : undefined, request.cookies?.[CSRF_COOKIE])) {
        throw IdentityErrors.badCsrfToken('Missing or wrong X-CSRF-Token header; reload the page and try again');
      }
    }
    if (roles && !roles.includes(user.role)) {
      throw IdentityErrors.coordinatorsOnly('Only programme coordinators may do this');
    }
    if (unsafe && user.status === 'pending' && !flag(ALLOW_PENDING)) {
      throw IdentityErrors.awaitingApproval('Your account is awaiting approval by a coordinator');
    }
    return true;
  }
}

import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../entities/user.entity';
import { IdentityErrors } from '../identity.errors';
import type { AuthUser } from '../identity.types';
import { ALLOW_PENDING, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
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
 * The caller is resolved by passport's session-token strategy.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard(SESSION_TOKEN_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
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
    if (flag(PUBLIC_ROUTE)) return true;
    if (!user) throw IdentityErrors.notSignedIn('Sign in to continue');

    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && user.via === 'cookie') {
      const header = request.headers[CSRF_HEADER];
      if (!sameSecret(typeof header === 'string' ? header : undefined, request.cookies?.[CSRF_COOKIE])) {
        throw IdentityErrors.badCsrfToken('Missing or wrong X-CSRF-Token header; reload the page and try again');
      }
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(user.role)) {
      throw IdentityErrors.coordinatorsOnly('Only programme coordinators may do this');
    }
    if (unsafe && user.status === 'pending' && !flag(ALLOW_PENDING)) {
      throw IdentityErrors.awaitingApproval('Your account is awaiting approval by a coordinator');
    }
    return true;
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../entities/user.entity';
import { IdentityErrors } from '../identity.errors';
import { IdentityService } from '../identity.service';
import type { AuthUser } from '../identity.types';
import { ALLOW_PENDING, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, bearerToken } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Deny by default: every route needs a signed-in caller unless marked @Public; unsafe methods
 * need an active account unless marked @AllowPending; cookie callers must echo the CSRF cookie.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const flag = (key: string) => this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]);

    const user = await this.resolveUser(request);
    if (user) request.user = user;
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

  private async resolveUser(request: FastifyRequest): Promise<AuthUser | null> {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer) return this.identity.authenticate(bearer, 'bearer');
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.identity.authenticate(cookie, 'cookie') : null;
  }
}

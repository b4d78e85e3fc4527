import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { IdentityService } from '../../identity.service';
import type { AuthUser } from '../../identity.types';
import { SESSION_COOKIE, bearerToken } from '../cookies';

export const SESSION_TOKEN_STRATEGY = 'session-token';

/**
 * The session token of every other request: `Authorization: Bearer` for API clients, the `sid`
 * cookie for the web (which the guard then holds to the CSRF check). No token, or a dead one,
 * is no user, not an error: public routes still answer.
 */
@Injectable()
export class SessionTokenStrategy extends PassportStrategy(Strategy, SESSION_TOKEN_STRATEGY) {
  constructor(private readonly identity: IdentityService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<AuthUser | null> {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer) return this.identity.authenticateRequest(bearer);
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.identity.authenticate(cookie, 'cookie') : null;
  }
}

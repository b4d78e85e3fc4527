import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { createValidationPipe } from '@mutuals/core';
import { LoginDto } from '../../dto/auth.dto';
import { IdentityErrors } from '../../identity.errors';
import { IdentityService, SignedIn } from '../../identity.service';
import { clientOf } from '../session-reply';

/** Email and password, checked by identity's login (rate limits, the same answer for every failure). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly identity: IdentityService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<SignedIn> {
    return this.identity.login({ email, password }, clientOf(request));
  }
}

/** Where the local strategy puts its result on the request. */
export const SIGN_IN_PROPERTY = 'signIn';
export type SignInRequest = FastifyRequest & { [SIGN_IN_PROPERTY]: SignedIn };

const validation = createValidationPipe();

/**
 * Guards run before pipes, so the body is validated here first: a bad field gets the same 400
 * naming it as on every other route, not a bare 401 from passport-local.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.body = await validation.transform(request.body, { type: 'body', metatype: LoginDto });
    return super.canActivate(context) as Promise<boolean>;
  }

  override getAuthenticateOptions() {
    return { session: false, property: SIGN_IN_PROPERTY };
  }

  override handleRequest<T>(error: unknown, signIn: T | false): T {
    if (error) throw error;
    if (!signIn) throw IdentityErrors.badCredentials('The email or password is not right');
    return signIn;
  }
}

import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Endpoint, GenericErrors } from '@mutuals/core';
import type { AuthResult } from '@mutuals/contracts';
import { LoginDto, RegisterDto } from '../dto/auth.dto';
import { IdentityService } from '../identity.service';
import type { AuthUser } from '../identity.types';
import { AllowPending, CurrentUser, Public, NoApiTokens } from './auth.decorators';
import { clearSessionCookies, clientOf, setSessionCookies } from './session-reply';
import { LocalAuthGuard, SIGN_IN_PROPERTY, SignInRequest } from './strategies/local.strategy';
import { IdentityErrors } from '../identity.errors';

/** An answer of sign-in, as the OpenAPI document shows it (checked against AuthResult by npm run openapi). */
const SIGNED_IN_EXAMPLE = {
  user: {
    id: '5f0c2a4e-8d3b-4f7a-9c1e-2b6d8e0f1a3c',
    email: 'priya.raman@demo.example',
    displayName: 'Priya Raman',
    handle: 'priya-raman',
    role: 'member',
    status: 'active',
    avatarUrl: null,
  },
  token: 'mn_9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c',
};

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint({
    summary: 'Register (the account awaits approval by a coordinator)',
    response: 'AuthResult',
    example: { ...SIGNED_IN_EXAMPLE, user: { ...SIGNED_IN_EXAMPLE.user, status: 'pending' } },
    errors: [GenericErrors.rateLimited, IdentityErrors.emailTaken],
  })
  @Public()
  @Post('register')
  async register(
    @Body() body: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    const result = await this.identity.register(body, clientOf(request));
    setSessionCookies(reply, result.token, this.config);
    return result;
  }

  /** The local passport strategy has checked the email and password and opened the session. */
  @Endpoint({
    summary: 'Sign in with email and password',
    response: 'AuthResult',
    example: SIGNED_IN_EXAMPLE,
    errors: [GenericErrors.rateLimited, IdentityErrors.applicationRejected, IdentityErrors.badCredentials, IdentityErrors.suspended],
  })
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @Post('login')
  @HttpCode(200)
  login(@Req() request: SignInRequest, @Res({ passthrough: true }) reply: FastifyReply): AuthResult {
    const result = request[SIGN_IN_PROPERTY];
    setSessionCookies(reply, result.token, this.config);
    return result;
  }

  @Endpoint({ summary: 'Sign out (ends this session)', response: null, errors: [] })
  @AllowPending()
  @NoApiTokens()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.identity.logout(user);
    clearSessionCookies(reply);
  }
}

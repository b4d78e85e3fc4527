import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import type { AuthResult } from '@mutuals/contracts';
import { LoginDto, RegisterDto } from '../dto/auth.dto';
import { ClientInfo, IdentityService } from '../identity.service';
import type { AuthUser } from '../identity.types';
import { AllowPending, CurrentUser, Public } from './auth.decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from './cookies';

function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  async register(
    @Body() body: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    const result = await this.identity.register(body, clientOf(request));
    this.setSessionCookies(reply, result.token);
    return result;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    const result = await this.identity.login(body, clientOf(request));
    this.setSessionCookies(reply, result.token);
    return result;
  }

  @AllowPending()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.identity.logout(user);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
  }

  private setSessionCookies(reply: FastifyReply, token: string): void {
    const common = { path: '/', sameSite: 'lax' as const, secure: this.config.cookieSecure, maxAge: this.config.sessionTtlDays * 86_400 };
    reply
      .setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true })
      .setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, httpOnly: false });
  }
}

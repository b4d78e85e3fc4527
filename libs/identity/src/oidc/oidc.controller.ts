import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Endpoint, GenericErrors } from '@mutuals/core';
import type { OidcProviderView } from '@mutuals/contracts';
import { Public } from '../auth/auth.decorators';
import { clientOf, setSessionCookies } from '../auth/session-reply';
import { OidcFlow, OidcRefused, OidcService } from './oidc.service';
import { IdentityErrors } from '../identity.errors';
import { AccountErrors } from '../accounts/accounts.errors';

const FLOW_COOKIE = 'oidc_flow';
const FLOW_PATH = '/api/v1/auth/oidc';

function readFlow(request: FastifyRequest): OidcFlow | null {
  const raw = request.cookies?.[FLOW_COOKIE];
  if (!raw) return null;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as OidcFlow;
  } catch {
    return null;
  }
}

/** Browser redirects, not JSON: the provider sends the person back here, and here sends them on. */
@ApiTags('identity')
@Public()
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The sign-in page shows one button per configured provider. */
  @Endpoint({ summary: "List the organisations' identity providers one can sign in with", response: 'OidcProviderView[]', errors: [] })
  @Get('providers')
  providers(): OidcProviderView[] {
    return this.oidc.providers();
  }

  @Endpoint({
    summary: 'Start signing in with an identity provider (redirects there)',
    response: null,
    status: 302,
    errors: [AccountErrors.providerSignInFailed, AccountErrors.unknownProvider],
  })
  @Get(':provider/start')
  async start(@Param('provider') provider: string, @Res() reply: FastifyReply): Promise<void> {
    const { url, flow } = await this.oidc.start(provider);
    // Lax, so the provider's top-level redirect back brings it; ten minutes to sign in there.
    reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      path: FLOW_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      maxAge: 600,
    });
    reply.redirect(url, 302);
  }

  @Endpoint({
    summary: 'Return from an identity provider: signs in and redirects to the site',
    response: null,
    status: 302,
    errors: [
      GenericErrors.rateLimited,
      AccountErrors.providerSignInFailed,
      AccountErrors.unknownProvider,
      IdentityErrors.emailTaken,
      IdentityErrors.memberNotFound,
    ],
  })
  @Get(':provider/callback')
  async callback(@Param('provider') provider: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    try {
      const { token } = await this.oidc.callback(provider, request.url, readFlow(request), clientOf(request));
      setSessionCookies(reply, token, this.config);
      reply.redirect('/', 302);
    } catch (error) {
      if (!(error instanceof OidcRefused)) throw error;
      reply.redirect(`/signin?error=${error.reason}`, 302);
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BaseClient, Issuer, generators } from 'openid-client';
import { APP_CONFIG, AppConfig, DomainEvents, OidcProviderConfig, RateLimiter } from '@mutuals/core';
import type { OidcProviderView } from '@mutuals/contracts';
import { AccountErrors } from '../accounts/accounts.errors';
import { hashPassword } from '../auth/passwords';
import { AccountRow, AccountsRepository } from '../accounts/accounts.repository';
import { normaliseEmail } from '../accounts/account-recovery.service';
import { ClientInfo, IdentityService, SignedIn } from '../identity.service';

/** What the browser carries between start and callback (an httpOnly cookie): binds the answer to this browser. */
export interface OidcFlow {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a provider's sign-in did not sign anyone in; the sign-in page explains each. */
export type OidcRefusal = 'unverified-email' | 'no-email' | 'suspended' | 'failed';

export class OidcRefused extends Error {
  constructor(readonly reason: OidcRefusal) {
    super(`OpenID sign-in refused: ${reason}`);
  }
}

const CALLBACK_LIMIT = { name: 'organisation sign-ins', max: 30, windowSeconds: 300 };

/**
 * Sign-in through an organisation's own identity provider (Entra ID, Google Workspace...):
 * authorization code with PKCE, state and nonce. An account is linked by the provider's subject;
 * the first time, only through an address the provider says is verified.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OidcService');
  private readonly clients = new Map<string, Promise<BaseClient>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly identity: IdentityService,
    private readonly rateLimiter: RateLimiter,
    private readonly events: DomainEvents,
  ) {}

  providers(): OidcProviderView[] {
    return this.config.oidcProviders.map((p) => ({ id: p.id, name: p.name, startUrl: `/api/v1/auth/oidc/${p.id}/start` }));
  }

  async start(providerId: string): Promise<{ url: string; flow: OidcFlow }> {
    const client = await this.client(this.provider(providerId));
    const flow: OidcFlow = {
      provider: providerId,
      state: generators.state(),
      nonce: generators.nonce(),
      codeVerifier: generators.codeVerifier(),
    };
    const url = client.authorizationUrl({
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: generators.codeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, flow };
  }

  /** Trades the code for the person's claims, then finds, links or creates their account. */
  async callback(providerId: string, callbackUrl: string, flow: OidcFlow | null, client: ClientInfo): Promise<SignedIn> {
    const provider = this.provider(providerId);
    await this.rateLimiter.consume(CALLBACK_LIMIT, client.ip ?? 'unknown');
    if (!flow || flow.provider !== providerId) throw new OidcRefused('failed');
    const oidc = await this.client(provider);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.callback(this.redirectUri(providerId), oidc.callbackParams(callbackUrl), {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
      });
      // Some providers put email claims only in userinfo; the id token's own claims win.
      const userinfo = tokens.access_token ? await oidc.userinfo(tokens) : {};
      claims = { ...userinfo, ...tokens.claims() };
    } catch (error) {
      this.logger.warn({ err: error, provider: providerId }, 'OpenID callback failed');
      throw new OidcRefused('failed');
    }
    const account = await this.accountFor(providerId, claims);
    if (account.status === 'suspended') throw new OidcRefused('suspended');
    return { user: await this.identity.me(account.id), token: await this.identity.openSession(account.id, client) };
  }

  private async accountFor(providerId: string, claims: Record<string, unknown>): Promise<Pick<AccountRow, 'id' | 'status'>> {
    const subject = String(claims.sub);
    const linked = await this.accounts.linkedAccount(providerId, subject);
    if (linked) return linked;
    if (typeof claims.email !== 'string' || !claims.email.includes('@')) throw new OidcRefused('no-email');
    const email = normaliseEmail(claims.email);
    const verified = claims.email_verified === true;
    const existing = await this.accounts.byEmail(email);
    if (existing) {
      // Linking on an address the provider has not verified would hand the account to whoever typed it there.
      if (!verified) throw new OidcRefused('unverified-email');
      await this.claim(providerId, subject, existing);
      return existing;
    }
    const user = await this.identity.createUser({
      email,
      // Nobody knows this password; the member can set one through "Forgot password".
      password: randomBytes(32).toString('base64url'),
      displayName: displayNameOf(claims, email),
      role: 'member',
      status: 'pending',
    });
    await this.accounts.link(providerId, subject, user.id);
    if (verified) await this.accounts.markEmailVerified(user.id);
    return user;
  }

  /**
   * Links the provider's person to the account with their address. If that account never proved
   * the address, whoever made it may not be its owner (an account registered in advance to be
   * hijacked later): its password and sessions stop working, and the address counts as proved.
   */
  private async claim(providerId: string, subject: string, account: AccountRow): Promise<void> {
    const unusable = account.email_verified_at ? null : await hashPassword(randomBytes(32).toString('base64url'));
    await this.events.transaction(async (unit) => {
      if (unusable) {
        await this.accounts.setPassword(account.id, unusable, unit.manager);
        const sessionIds = await this.accounts.revokeSessions(account.id, null, unit.manager);
        await unit.emit('identity.sessions.revoked', { userId: account.id, sessionIds });
        await this.accounts.markEmailVerified(account.id, unit.manager);
      }
      await this.accounts.link(providerId, subject, account.id, unit.manager);
    });
  }

  private provider(id: string): OidcProviderConfig {
    const provider = this.config.oidcProviders.find((p) => p.id === id);
    if (!provider) throw AccountErrors.unknownProvider(`No identity provider "${id}" is configured`);
    return provider;
  }

  private redirectUri(providerId: string): string {
    return `${this.config.publicUrl}/api/v1/auth/oidc/${providerId}/callback`;
  }

  /** Discovered once per provider; a failed discovery is tried again on the next sign-in. */
  private client(provider: OidcProviderConfig): Promise<BaseClient> {
    let client = this.clients.get(provider.id);
    if (!client) {
      client = Issuer.discover(provider.issuer).then(
        (issuer) =>
          new issuer.Client({
            client_id: provider.clientId,
            client_secret: provider.clientSecret,
            redirect_uris: [this.redirectUri(provider.id)],
            response_types: ['code'],
          }),
      );
      client.catch(() => this.clients.delete(provider.id));
      this.clients.set(provider.id, client);
    }
    return client.catch((error: unknown) => {
      this.logger.warn({ err: error, provider: provider.id }, 'OpenID discovery failed');
      throw AccountErrors.providerSignInFailed(`${provider.name} cannot be reached; try again later`);
    });
  }
}

function displayNameOf(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  const fallback = email.split('@')[0];
  return (name.length >= 2 ? name : fallback.length >= 2 ? fallback : 'New member').slice(0, 80);
}

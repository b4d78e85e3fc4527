import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IdentityService } from '@mutuals/identity';
import { Browser, freePort, startOidcProvider } from '../support/oidc-provider';
import { TestApp, startTestApp } from '../support/test-app';

/** The full authorization-code flow against a real OpenID provider the test starts, not a mock. */
describe('sign-in through an organisation identity provider', () => {
  const suffix = randomBytes(3).toString('hex');
  const emails = {
    staff: `alex.staff.${suffix}@org.example`,
    victim: `vic.tim.${suffix}@org.example`,
    newcomer: `new.comer.${suffix}@org.example`,
    claimed: `sam.owner.${suffix}@org.example`,
  };
  let t: TestApp;
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let appUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({
      clientId: 'mutuals-test',
      clientSecret: 'a client secret for the test',
      redirectUri: `${appUrl}/api/v1/auth/oidc/workspace/callback`,
      accounts: {
        'staff-1': { email: emails.staff, email_verified: true, name: 'Alex Staff' },
        'claims-victim': { email: emails.victim, email_verified: false, name: 'Not Vic' },
        'newcomer-1': { email: emails.newcomer, email_verified: false, name: 'New Comer' },
        'owner-1': { email: emails.claimed, email_verified: true, name: 'Sam Owner' },
      },
    });
    t = await startTestApp({
      env: {
        PORT: String(port),
        PUBLIC_URL: appUrl,
        OIDC_PROVIDERS: JSON.stringify([
          {
            id: 'workspace',
            name: 'Riverside Workspace',
            issuer: idp.issuer,
            clientId: 'mutuals-test',
            clientSecret: 'a client secret for the test',
          },
        ]),
      },
    });
    const identity = t.app.get(IdentityService);
    for (const [email, displayName] of [
      [emails.staff, 'Alex Staff'],
      [emails.victim, 'Vic Tim'],
    ]) {
      await identity.createUser({ email, password: 'correct horse battery', displayName, role: 'member', status: 'active' });
    }
    // Alex proved their address long ago.
    await t.app.get(DataSource).query('UPDATE users SET email_verified_at = now() WHERE email = $1', [emails.staff]);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  /** From the sign-in button to where the app sends the browser at the end. */
  async function signInThroughProvider(sub: string, browser = new Browser()) {
    await idp.signInAs(sub);
    const end = await browser.follow(
      `${appUrl}/api/v1/auth/oidc/workspace/start`,
      (next) => next.origin === appUrl && !next.pathname.startsWith('/api/'),
    );
    return { landing: end.url, sid: browser.cookie(appUrl, 'sid'), browser };
  }

  const me = (sid: string) => request(t.url).get('/api/v1/me').set('Cookie', `sid=${sid}`);

  it('lists the configured providers for the sign-in page', async () => {
    const response = await request(t.url).get('/api/v1/auth/oidc/providers').expect(200);
    expect(response.body).toEqual([{ id: 'workspace', name: 'Riverside Workspace', startUrl: '/api/v1/auth/oidc/workspace/start' }]);
  });

  it('starts with PKCE, state and nonce', async () => {
    const start = await request(t.url).get('/api/v1/auth/oidc/workspace/start').expect(302);
    const location = new URL(start.headers.location);
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toBeTruthy();
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/v1/auth/oidc/workspace/callback`);
  });

  it('links an existing account through a verified email and signs its owner in, then by subject', async () => {
    const first = await signInThroughProvider('staff-1');
    expect(first.landing.pathname).toBe('/');
    expect(first.sid).toBeTruthy();
    const who = await me(first.sid!).expect(200);
    expect(who.body.user).toMatchObject({ email: emails.staff, displayName: 'Alex Staff', status: 'active' });
    const settings = await request(t.url).get('/api/v1/me/settings').set('Cookie', `sid=${first.sid}`).expect(200);
    expect(settings.body.linkedProviders).toEqual(['workspace']);

    const again = await signInThroughProvider('staff-1');
    expect((await me(again.sid!).expect(200)).body.user.id).toBe(who.body.user.id);
    // A proved address keeps its password.
    await request(t.url).post('/api/v1/auth/login').send({ email: emails.staff, password: 'correct horse battery' }).expect(200);
  });

  it('takes an account whose address was never proved away from whoever made it', async () => {
    const squatter = await t.app.get(IdentityService).createUser({
      email: emails.claimed,
      password: 'the squatter knows this',
      displayName: 'Someone Else',
      role: 'member',
      status: 'pending',
    });
    const squatterSession = await t.app.get(IdentityService).openSession(squatter.id);
    const owner = await signInThroughProvider('owner-1');
    expect((await me(owner.sid!).expect(200)).body.user.id).toBe(squatter.id);
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${squatterSession}`).expect(401);
    await request(t.url).post('/api/v1/auth/login').send({ email: emails.claimed, password: 'the squatter knows this' }).expect(401);
    const settings = await request(t.url).get('/api/v1/me/settings').set('Cookie', `sid=${owner.sid}`).expect(200);
    expect(settings.body.emailVerified).toBe(true);
  });

  it('refuses to link an existing account through an email the provider has not verified', async () => {
    const attempt = await signInThroughProvider('claims-victim');
    expect(attempt.landing.pathname).toBe('/signin');
    expect(attempt.landing.searchParams.get('error')).toBe('unverified-email');
    expect(attempt.sid).toBeUndefined();
  });

  it('creates a pending account for someone new, unverified as the provider said', async () => {
    const first = await signInThroughProvider('newcomer-1');
    const who = await me(first.sid!).expect(200);
    expect(who.body.user).toMatchObject({ email: emails.newcomer, displayName: 'New Comer', status: 'pending' });
    const settings = await request(t.url).get('/api/v1/me/settings').set('Cookie', `sid=${first.sid}`).expect(200);
    expect(settings.body).toMatchObject({ emailVerified: false, linkedProviders: ['workspace'] });
  });

  it('refuses a callback that this browser did not start', async () => {
    const victim = new Browser();
    await idp.signInAs('staff-1');
    const atCallback = await victim.follow(`${appUrl}/api/v1/auth/oidc/workspace/start`, (next) => next.pathname.endsWith('/callback'));
    expect(atCallback.url.searchParams.get('code')).toBeTruthy();
    const attacker = new Browser();
    const end = await attacker.follow(atCallback.url.toString());
    expect(end.url.pathname).toBe('/signin');
    expect(end.url.searchParams.get('error')).toBe('failed');
    expect(attacker.cookie(appUrl, 'sid')).toBeUndefined();
  });

  it('answers 404 for a provider that is not configured', async () => {
    await request(t.url).get('/api/v1/auth/oidc/nowhere/start').expect(404);
  });
});

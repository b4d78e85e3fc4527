import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type { AdminApiTokenView, ApiTokenCreatedView, ApiTokenView } from '@mutuals/contracts';
import { createCoordinator, createMember, signInWithCookies, type TestMember } from '../support/factories';
import { api } from '../support/mentoring';
import { TestApp, createScratchDatabase, startTestApp, usingRedis, usingServerDatabase } from '../support/test-app';

/** Creates a token over HTTP as its owner, signed in; answers the secret and the token. */
async function createToken(t: TestApp, owner: TestMember, body: object): Promise<ApiTokenCreatedView> {
  return (await api(t).post('/me/api-tokens', owner, body).expect(201)).body;
}

const withToken = (t: TestApp, secret: string) => ({
  get: (path: string) => request(t.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`),
  post: (path: string, body: object = {}) => request(t.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`).send(body),
  patch: (path: string, body: object = {}) => request(t.url).patch(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`).send(body),
  delete: (path: string, body?: object) => request(t.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`).send(body),
});

describe('personal API tokens', () => {
  let t: TestApp;
  let coordinator: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error', API_TOKEN_REQUESTS_PER_MINUTE: '25' } });
    coordinator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is shown once with the mnp_ prefix, stored hashed, listed without its secret, and records its last use', async () => {
    const member = await createMember(t);
    const created = await createToken(t, member, { name: 'Funder spreadsheet', scopes: ['read'] });
    expect(created.secret).toMatch(/^mnp_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: 'Funder spreadsheet',
      scopes: ['read'],
      prefix: created.secret.slice(0, 12),
      lastUsedAt: null,
      expiresAt: null,
    });

    const me = await withToken(t, created.secret).get('/me').expect(200);
    expect(me.body.user.id).toBe(member.id);

    const listed: ApiTokenView[] = (await api(t).get('/me/api-tokens', member).expect(200)).body;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed[0]!.lastUsedAt).not.toBeNull();

    const [stored] = await t.app.get(DataSource).query('SELECT * FROM api_tokens WHERE id = $1', [created.token.id]);
    expect(stored.token_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(created.secret);
  });

  it('refuses every request outside its scopes with insufficientScope', async () => {
    const member = await createMember(t);
    const { secret: readOnly } = await createToken(t, member, { name: 'read only', scopes: ['read'] });
    const { secret: writeOnly } = await createToken(t, member, { name: 'write only', scopes: ['write'] });

    await withToken(t, readOnly).get('/forums/categories').expect(200);
    const write = await withToken(t, readOnly).patch('/me/profile', { bio: 'Written with a read token' }).expect(403);
    expect(write.body).toMatchObject({ code: 'insufficientScope' });
    expect(write.headers['content-type']).toContain('application/problem+json');

    await withToken(t, writeOnly).patch('/me/profile', { bio: 'Written with a write token' }).expect(200);
    expect((await withToken(t, writeOnly).get('/me').expect(403)).body.code).toBe('insufficientScope');
  });

  it('keeps coordinator routes to the admin scope, which only coordinators may give', async () => {
    const member = await createMember(t);
    const refused = await api(t)
      .post('/me/api-tokens', member, { name: 'mine', scopes: ['read', 'admin'] })
      .expect(403);
    expect(refused.body.code).toBe('scopeNotAllowed');

    const { secret: readWrite } = await createToken(t, coordinator, { name: 'no admin', scopes: ['read', 'write'] });
    expect((await withToken(t, readWrite).get('/admin/members?status=pending').expect(403)).body.code).toBe('insufficientScope');
    const { secret: admin } = await createToken(t, coordinator, { name: 'admin', scopes: ['admin'] });
    await withToken(t, admin).get('/admin/members?status=pending').expect(200);
    expect((await withToken(t, admin).get('/me').expect(403)).body.code).toBe('insufficientScope');
  });

  it('never works for cookie-only actions: password, email, deletion, export, tokens themselves', async () => {
    const member = await createMember(t);
    const { secret } = await createToken(t, member, { name: 'everything', scopes: ['read', 'write'] });
    const client = withToken(t, secret);
    const refusals = [
      await client.post('/me/password', { currentPassword: 'correct horse battery', newPassword: 'another long password' }),
      await client.post('/me/email', { newEmail: 'elsewhere@test.example', password: 'correct horse battery' }),
      await client.delete('/me', { password: 'correct horse battery' }),
      await client.get('/me/export'),
      await client.get('/me/api-tokens'),
      await client.post('/me/api-tokens', { name: 'another', scopes: ['read'] }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('apiTokenNotAllowed');
    }
    // The account is untouched: its own session still signs in with the old password.
    await signInWithCookies(t, member.email);
  });

  it('stops working the moment it is revoked, even right after a use', async () => {
    const member = await createMember(t);
    const created = await createToken(t, member, { name: 'to revoke', scopes: ['read'] });
    await withToken(t, created.secret).get('/me').expect(200);
    await api(t).delete(`/me/api-tokens/${created.token.id}`, member).expect(204);
    expect((await withToken(t, created.secret).get('/me').expect(401)).body.code).toBe('notSignedIn');
    const listed: ApiTokenView[] = (await api(t).get('/me/api-tokens', member).expect(200)).body;
    expect(listed[0]!.revokedAt).not.toBeNull();
    // Nobody else's token can be revoked by id.
    const other = await createMember(t);
    const theirs = await createToken(t, other, { name: 'theirs', scopes: ['read'] });
    expect((await api(t).delete(`/me/api-tokens/${theirs.token.id}`, member).expect(404)).body.code).toBe('apiTokenNotFound');
    await withToken(t, theirs.secret).get('/me').expect(200);
  });

  it('stops working when it expires, and refuses an expiry in the past', async () => {
    const member = await createMember(t);
    const past = await api(t)
      .post('/me/api-tokens', member, { name: 'old', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(past.body.code).toBe('invalidExpiry');
    const created = await createToken(t, member, { name: 'brief', scopes: ['read'], expiresAt: new Date(Date.now() + 1500).toISOString() });
    await withToken(t, created.secret).get('/me').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    await withToken(t, created.secret).get('/me').expect(401);
  });

  it('lets coordinators list everyone’s tokens and revoke any of them at once', async () => {
    const member = await createMember(t);
    const created = await createToken(t, member, { name: 'CRM sync', scopes: ['read'] });
    await withToken(t, created.secret).get('/me').expect(200);
    const all: AdminApiTokenView[] = (await api(t).get(`/admin/api-tokens?userId=${member.id}`, coordinator).expect(200)).body;
    expect(all).toEqual([
      expect.objectContaining({ id: created.token.id, name: 'CRM sync', owner: expect.objectContaining({ id: member.id }) }),
    ]);
    expect((await api(t).get('/admin/api-tokens', member).expect(403)).body.code).toBe('coordinatorsOnly');

    await api(t).delete(`/admin/api-tokens/${created.token.id}`, coordinator).expect(204);
    await withToken(t, created.secret).get('/me').expect(401);
    const after: AdminApiTokenView[] = (await api(t).get(`/admin/api-tokens?userId=${member.id}&revoked=true`, coordinator).expect(200))
      .body;
    expect(after[0]!.revokedAt).not.toBeNull();
  });

  it('stops a suspended member’s tokens', async () => {
    const member = await createMember(t);
    const { secret } = await createToken(t, member, { name: 'soon suspended', scopes: ['read'] });
    await withToken(t, secret).get('/me').expect(200);
    await api(t).post(`/admin/members/${member.id}/suspend`, coordinator).expect(200);
    await withToken(t, secret).get('/me').expect(401);
  });

  it('limits requests per token, each token on its own', async () => {
    const member = await createMember(t);
    const { secret: busy } = await createToken(t, member, { name: 'busy', scopes: ['read'] });
    const { secret: quiet } = await createToken(t, member, { name: 'quiet', scopes: ['read'] });
    const statuses: number[] = [];
    for (let i = 0; i < 27; i++) statuses.push((await withToken(t, busy).get('/forums/categories')).status);
    expect(statuses.slice(0, 25).every((status) => status === 200)).toBe(true);
    const limited = await withToken(t, busy).get('/forums/categories').expect(429);
    expect(limited.body.code).toBe('rateLimited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await withToken(t, quiet).get('/forums/categories').expect(200);
    // The owner's own session is not the token: it goes on.
    await api(t).get('/forums/categories', member).expect(200);
  });
});

// Revocation on one replica reaches a token another replica has just trusted (its session cache).
const replicas = usingServerDatabase() && usingRedis();
(replicas ? describe : describe.skip)('personal API tokens across two api processes (Postgres + Redis)', () => {
  let one: TestApp;
  let two: TestApp;
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await createScratchDatabase();
    const redisKeyPrefix = `mn-test-${randomBytes(4).toString('hex')}:`;
    one = await startTestApp({ databaseUrl: database.url, redisKeyPrefix, env: { LOG_LEVEL: 'error' } });
    two = await startTestApp({ databaseUrl: database.url, redisKeyPrefix, env: { LOG_LEVEL: 'error' } });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('refuses a revoked token at once on the other replica', async () => {
    const member = await createMember(one);
    const created = await createToken(one, member, { name: 'replicated', scopes: ['read'] });
    await withToken(two, created.secret).get('/me').expect(200);
    await api(one).delete(`/me/api-tokens/${created.token.id}`, member).expect(204);
    await withToken(two, created.secret).get('/me').expect(401);
  });
});

import request from 'supertest';
import { createCoordinator, createMember, signInWithCookies } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (body: object) => request(t.url).post('/api/v1/auth/register').send(body);

  it('registers a pending member with a token and a session cookie', async () => {
    const response = await register({
      email: 'Sam.Okafor@Riverside.example',
      password: 'a long enough pass',
      displayName: 'Sam Okafor',
    }).expect(201);
    expect(response.body.user).toMatchObject({
      email: 'sam.okafor@riverside.example',
      displayName: 'Sam Okafor',
      handle: 'sam-okafor',
      role: 'member',
      status: 'pending',
    });
    expect(response.body.token).toEqual(expect.any(String));
    const cookies = ([] as string[]).concat(response.headers['set-cookie']);
    expect(cookies.find((c) => c.startsWith('sid='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('sid='))).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('csrf_token='))).not.toMatch(/HttpOnly/i);
    const me = await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${response.body.token}`).expect(200);
    expect(me.body.user.status).toBe('pending');
    expect(me.body.profile).toMatchObject({ displayName: 'Sam Okafor', handle: 'sam-okafor', sectors: [] });
  });

  it('refuses an email that is taken, whatever its case', async () => {
    await register({ email: 'taken@test.example', password: 'a long enough pass', displayName: 'First' }).expect(201);
    const response = await register({ email: 'TAKEN@test.example', password: 'a long enough pass', displayName: 'Second' }).expect(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'email', message: 'is already registered' }]);
    expect(response.body.code).toBe('emailTaken');
  });

  it('gives each namesake a handle of their own', async () => {
    const a = await register({ email: 'jo1@test.example', password: 'a long enough pass', displayName: 'Jo Baxter' }).expect(201);
    const b = await register({ email: 'jo2@test.example', password: 'a long enough pass', displayName: 'Jo Baxter' }).expect(201);
    expect(a.body.user.handle).toBe('jo-baxter');
    expect(b.body.user.handle).toBe('jo-baxter-2');
  });

  it('lists every bad field, including unknown ones', async () => {
    const response = await register({ email: 'not-an-email', password: 'short', extra: true }).expect(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'displayName', 'extra']));
    expect(response.body).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(response.body.code).toBe('validationFailed');
  });

  it('refuses wrong-typed fields', async () => {
    const response = await register({ email: 42, password: ['x'], displayName: { a: 1 } }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['email', 'password', 'displayName']),
    );
  });

  it('answers malformed JSON with a problem', async () => {
    const response = await request(t.url)
      .post('/api/v1/auth/register')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.detail).toMatch(/JSON/);
    expect(response.body.code).toBe('invalidJson');
  });

  it('answers an oversized body with 413', async () => {
    const response = await register({ email: 'big@test.example', password: 'a long enough pass', displayName: 'x'.repeat(400_000) }).expect(
      413,
    );
    expect(response.body.status).toBe(413);
    expect(response.body.code).toBe('payloadTooLarge');
  });

  it('answers unknown routes as problems', async () => {
    const response = await request(t.url).get('/api/v1/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ status: 404, title: 'Not found' });
    expect(response.body.code).toBe('notFound');
  });

  it('signs in and out; the token stops working at once', async () => {
    await register({ email: 'leave@test.example', password: 'a long enough pass', displayName: 'Leaver' }).expect(201);
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: 'leave@test.example', password: 'a long enough pass' })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    await request(t.url).get('/api/v1/me').set(auth).expect(200);
    await request(t.url).post('/api/v1/auth/logout').set(auth).expect(204);
    await request(t.url).get('/api/v1/me').set(auth).expect(401);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    await register({ email: 'known@test.example', password: 'a long enough pass', displayName: 'Known' }).expect(201);
    const unknown = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@test.example', password: 'whatever it is' })
      .expect(401);
    const wrong = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: 'known@test.example', password: 'not the password' })
      .expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('needs a signed-in caller for /me', async () => {
    await request(t.url).get('/api/v1/me').expect(401);
    await request(t.url).get('/api/v1/me').set('Authorization', 'Bearer forged').expect(401);
  });

  it('requires the CSRF header for cookie-authenticated changes, not for bearer ones', async () => {
    const member = await createMember(t);
    const { cookie, csrf } = await signInWithCookies(t, member.email);
    await request(t.url).patch('/api/v1/me/profile').set('Cookie', cookie).send({ jobTitle: 'Lead' }).expect(403);
    await request(t.url)
      .patch('/api/v1/me/profile')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'wrong')
      .send({ jobTitle: 'Lead' })
      .expect(403);
    await request(t.url).patch('/api/v1/me/profile').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ jobTitle: 'Lead' }).expect(200);
    await request(t.url).patch('/api/v1/me/profile').set(member.auth).send({ jobTitle: 'Lead' }).expect(200);
    await request(t.url).get('/api/v1/me').set('Cookie', cookie).expect(200);
  });

  describe('coordinator routes', () => {
    it('are closed to members', async () => {
      const member = await createMember(t);
      const response = await request(t.url).get('/api/v1/admin/members').set(member.auth).expect(403);
      expect(response.body.detail).toMatch(/coordinator/);
      expect(response.body.code).toBe('coordinatorsOnly');
    });

    it('list pending members and approve them', async () => {
      const coordinator = await createCoordinator(t);
      const pending = await createMember(t, { status: 'pending' });
      const list = await request(t.url).get('/api/v1/admin/members?status=pending&limit=100').set(coordinator.auth).expect(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toContain(pending.id);
      expect(list.body.items.every((m: { status: string }) => m.status === 'pending')).toBe(true);
      expect(list.body.items.find((m: { id: string }) => m.id === pending.id)).toMatchObject({
        organisationName: null,
        createdAt: expect.any(String),
      });
      const approved = await request(t.url).post(`/api/v1/admin/members/${pending.id}/approve`).set(coordinator.auth).expect(200);
      expect(approved.body.status).toBe('active');
    });

    it('paginate without repeating or skipping a member', async () => {
      const coordinator = await createCoordinator(t);
      for (let i = 0; i < 5; i++) await createMember(t);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(t.url)
          .get('/api/v1/admin/members')
          .query({ limit: 2, ...(cursor && { cursor }) })
          .set(coordinator.auth)
          .expect(200);
        seen.push(...page.body.items.map((m: { id: string }) => m.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(6);
    });

    it('suspend a member, revoking their sessions at once', async () => {
      const coordinator = await createCoordinator(t);
      const member = await createMember(t);
      await request(t.url).get('/api/v1/me').set(member.auth).expect(200);
      await request(t.url).post(`/api/v1/admin/members/${member.id}/suspend`).set(coordinator.auth).expect(200);
      await request(t.url).get('/api/v1/me').set(member.auth).expect(401);
      await request(t.url).post('/api/v1/auth/login').send({ email: member.email, password: 'correct horse battery' }).expect(401);
    });

    it('refuse a malformed member id', async () => {
      const coordinator = await createCoordinator(t);
      await request(t.url).post('/api/v1/admin/members/not-a-uuid/approve').set(coordinator.auth).expect(400);
      await request(t.url).post('/api/v1/admin/members/00000000-0000-4000-8000-000000000000/approve').set(coordinator.auth).expect(404);
    });
  });
});

describe('identity rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits failed sign-ins to an account from one address with 429 and Retry-After', async () => {
    const member = await createMember(t);
    let last: request.Response | undefined;
    for (let i = 0; i < 11; i++) {
      last = await request(t.url).post('/api/v1/auth/login').send({ email: member.email, password: 'wrong password' });
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body.code).toBe('rateLimited');
  });

  it('limits registrations per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await request(t.url)
        .post('/api/v1/auth/register')
        .send({ email: `flood${i}@test.example`, password: 'a long enough pass', displayName: `Flood ${i}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

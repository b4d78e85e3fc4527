import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { encodeCursor } from '@mutuals/core';
import { ask, chatClient } from '../support/chat-clients';
import { createCoordinator, createMember, createOrganisation, type TestMember } from '../support/factories';
import { createCategory, createThread } from '../support/forums';
import { startMentorship } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

// What an attack from outside found at the edge of the API (issue 10, items 1, 4, 5, 7, 8, 9).
// The app trusts one proxy hop, as docker/ runs it, so tests choose the client's address through
// the right-most X-Forwarded-For entry (the one a proxy would set).
describe('the edge of the API under attack', () => {
  const metricsToken = randomBytes(16).toString('hex');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: '1', METRICS_TOKEN: metricsToken } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const password = 'correct horse battery';
  const login = (email: string, secret: string, address: string) =>
    request(t.url).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password: secret });

  describe('cross-site forms (item 1)', () => {
    const evil = 'https://evil.example';

    it('refuses a form-encoded sign-in or registration from another site with 415 and no cookies', async () => {
      const member = await createMember(t, { password });
      for (const [path, form] of [
        ['/api/v1/auth/login', `email=${encodeURIComponent(member.email)}&password=${encodeURIComponent(password)}`],
        ['/api/v1/auth/register', `email=x-${randomBytes(3).toString('hex')}%40test.example&password=long+enough+pw&displayName=Form+Victim`],
      ]) {
        const response = await request(t.url)
          .post(path!)
          .set('Origin', evil)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send(form)
          .expect(415);
        expect(response.headers['set-cookie']).toBeUndefined();
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.body.code).toBe('unsupportedMediaType');
      }
    });

    it('refuses text/plain and multipart bodies on every unsafe method, even with a bearer token', async () => {
      const member = await createMember(t);
      await request(t.url).post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('{"email":"a@b.c","password":"x"}').expect(415);
      await request(t.url).patch('/api/v1/me/profile').set(member.auth).set('Content-Type', 'text/plain').send('{"bio":"x"}').expect(415);
      await request(t.url).post('/api/v1/chat/conversations').set(member.auth).field('kind', 'group').expect(415);
    });

    it('refuses JSON sign-in and registration whose Origin or Sec-Fetch-Site says another site', async () => {
      const member = await createMember(t, { password });
      const crossOrigin = await request(t.url).post('/api/v1/auth/login').set('Origin', evil).send({ email: member.email, password }).expect(403);
      expect(crossOrigin.body.code).toBe('crossSiteRequest');
      expect(crossOrigin.headers['set-cookie']).toBeUndefined();
      await request(t.url).post('/api/v1/auth/login').set('Sec-Fetch-Site', 'cross-site').send({ email: member.email, password }).expect(403);
      await request(t.url)
        .post('/api/v1/auth/register')
        .set('Origin', evil)
        .send({ email: `x-${randomBytes(3).toString('hex')}@test.example`, password: 'long enough pw', displayName: 'Cross Site' })
        .expect(403);
    });

    it('signs in from the same origin, and API clients that send no Origin', async () => {
      const member = await createMember(t, { password });
      const sameOrigin = await request(t.url)
        .post('/api/v1/auth/login')
        .set('Origin', t.url)
        .set('Sec-Fetch-Site', 'same-origin')
        .set('X-Forwarded-For', '192.0.2.40')
        .send({ email: member.email, password })
        .expect(200);
      expect(([] as string[]).concat(sameOrigin.headers['set-cookie']).some((c) => c.startsWith('sid='))).toBe(true);
      await login(member.email, password, '192.0.2.41').expect(200);
    });
  });

  describe('who the client is behind the proxy (item 4)', () => {
    it('does not let a spoofed left-most X-Forwarded-For reset the per-address sign-in limit', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 31; attempt++) {
        const response = await login(`nobody-${attempt}@test.example`, 'wrong password!', `10.${attempt}.0.1, 198.51.100.7`);
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
    });
  });

  describe('sign-in limits (item 5)', () => {
    it('limits the attacker’s address, while the owner with the right password still gets in from elsewhere', async () => {
      const owner = await createMember(t, { password });
      const attacker = '198.51.100.20';
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt++) statuses.push((await login(owner.email, `guess number ${attempt}`, attacker)).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      const limited = await login(owner.email, password, attacker).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await login(owner.email, password, '203.0.113.21').expect(200);
    });

    it('does not count successful sign-ins against anyone', async () => {
      const member = await createMember(t, { password });
      for (let attempt = 0; attempt < 12; attempt++) await login(member.email, password, '203.0.113.30').expect(200);
    });
  });

  describe('hostile input answers 400 naming the field (item 7)', () => {
    const nul = 'before\u0000after';

    it('refuses a NUL character in each free-text field, naming it', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const member = await createMember(t);
      const organisation = await createOrganisation(t, member);
      const other = await createMember(t);
      const conversation = await request(t.url)
        .post('/api/v1/chat/conversations')
        .set(member.auth)
        .send({ kind: 'group', title: 'NUL tests', memberIds: [other.id] })
        .expect(201);
      const session = { heldAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, notes: 'Talked', nextSteps: 'More' };
      const cases: [string, () => request.Test][] = [
        ['displayName', () => request(t.url).post('/api/v1/auth/register').send({ email: `n-${randomUUID()}@test.example`, password: 'long enough pw', displayName: nul })],
        ['displayName', () => request(t.url).patch('/api/v1/me/profile').set(member.auth).send({ displayName: nul })],
        ['bio', () => request(t.url).patch('/api/v1/me/profile').set(member.auth).send({ bio: nul })],
        ['jobTitle', () => request(t.url).patch('/api/v1/me/profile').set(member.auth).send({ jobTitle: nul })],
        ['name', () => request(t.url).post('/api/v1/organisations').set(member.auth).send({ name: nul, kind: 'mutual', sector: 'adult-social-care', stage: 'trading', region: 'north-west' })],
        ['description', () => request(t.url).patch(`/api/v1/organisations/${organisation.id}`).set(member.auth).send({ description: nul })],
        ['message', () => request(t.url).post('/api/v1/mentoring/requests').set(mentee.auth).send({ mentorId: mentor.id, message: nul })],
        ['goals.0', () => request(t.url).post('/api/v1/mentoring/requests').set(mentee.auth).send({ mentorId: mentor.id, message: 'Hello', goals: [nul] })],
        ['title', () => request(t.url).post(`/api/v1/mentoring/mentorships/${mentorshipId}/goals`).set(mentee.auth).send({ title: nul })],
        ['notes', () => request(t.url).post(`/api/v1/mentoring/mentorships/${mentorshipId}/sessions`).set(mentor.auth).send({ ...session, notes: nul })],
        ['nextSteps', () => request(t.url).post(`/api/v1/mentoring/mentorships/${mentorshipId}/sessions`).set(mentor.auth).send({ ...session, nextSteps: nul })],
        ['body', () => request(t.url).post(`/api/v1/chat/conversations/${conversation.body.id}/messages`).set(member.auth).send({ clientId: randomUUID(), body: nul })],
        ['title', () => request(t.url).post('/api/v1/chat/conversations').set(member.auth).send({ kind: 'group', title: nul, memberIds: [other.id] })],
        ['q', () => request(t.url).get('/api/v1/members').query({ q: nul }).set(member.auth)],
      ];
      for (const [field, send] of cases) {
        const response = await send();
        expect({ field, status: response.status, fields: response.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
          field,
          status: 400,
          fields: [field],
        });
      }
      const socket = await chatClient(t.url, member.token, [conversation.body.id]);
      try {
        const answer = await ask(socket, 'chat:send', { conversationId: conversation.body.id, clientId: randomUUID(), body: nul });
        // The ack carries the same code and message as the HTTP answer, which names the field.
        expect(answer).toMatchObject({ ok: false, error: { code: 'validationFailed', message: 'Check these fields: body' } });
      } finally {
        socket.close();
      }
    });

    it('refuses a tampered but well-formed cursor on every list, naming cursor', async () => {
      const coordinator = await createCoordinator(t);
      const member = await createMember(t);
      const category = await createCategory(t, coordinator);
      const thread = await createThread(t, member, category.id);
      const tampered = (parts: number) => encodeCursor(Array(parts).fill('tampered'));
      const lists: [string, TestMember, Record<string, string>, number][] = [
        ['/admin/members', coordinator, {}, 2],
        ['/mentoring/requests', member, { box: 'outgoing' }, 2],
        ['/mentoring/mentorships', member, {}, 2],
        ['/admin/mentoring/mentorships', coordinator, {}, 2],
        ['/members', member, {}, 2],
        ['/admin/flags', coordinator, {}, 2],
        [`/forums/categories/${category.slug}/threads`, member, {}, 3],
        [`/forums/threads/${thread.id}/posts`, member, {}, 1],
        ['/forums/search', member, { q: 'TUPE' }, 2],
        ['/notifications', member, {}, 2],
        ['/admin/matching/rounds', coordinator, {}, 2],
        ['/admin/mail', coordinator, {}, 2],
      ];
      for (const [path, who, query, parts] of lists) {
        const response = await request(t.url).get(`/api/v1${path}`).query({ ...query, cursor: tampered(parts) }).set(who.auth);
        expect({ path, status: response.status, errors: response.body.errors }).toEqual({
          path,
          status: 400,
          errors: [{ field: 'cursor', message: 'is not a valid cursor' }],
        });
      }
    });

    it('refuses JSON nested 100,000 levels deep with a 400, on a public route', async () => {
      // Objects nest 40,000 deep to stay under the 256 KiB body limit.
      for (const body of ['['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000)]) {
        const response = await request(t.url).post('/api/v1/eligibility/check').set('Content-Type', 'application/json').send(body).expect(400);
        expect(response.body).toMatchObject({ code: 'validationFailed', errors: [{ field: 'body', message: 'must not nest deeper than 32 levels' }] });
      }
    });
  });

  describe('names others see (item 8)', () => {
    const invisible = '\u200b\u3164\u2800';
    const override = 'Sam \u202eretsinimda';

    it('refuses invisible or direction-overriding display names, organisation names, group and thread titles', async () => {
      const member = await createMember(t);
      const other = await createMember(t);
      const category = await createCategory(t);
      const cases: [string, (name: string) => request.Test][] = [
        ['displayName', (name) => request(t.url).post('/api/v1/auth/register').send({ email: `v-${randomUUID()}@test.example`, password: 'long enough pw', displayName: name })],
        ['displayName', (name) => request(t.url).patch('/api/v1/me/profile').set(member.auth).send({ displayName: name })],
        ['name', (name) => request(t.url).post('/api/v1/organisations').set(member.auth).send({ name, kind: 'mutual', sector: 'adult-social-care', stage: 'trading', region: 'north-west' })],
        ['title', (name) => request(t.url).post('/api/v1/chat/conversations').set(member.auth).send({ kind: 'group', title: name, memberIds: [other.id] })],
        ['title', (name) => request(t.url).post('/api/v1/forums/threads').set(member.auth).send({ categoryId: category.id, title: name, body: 'Hello' })],
      ];
      for (const [field, send] of cases) {
        for (const name of [invisible, override]) {
          const response = await send(name);
          expect({ field, name, status: response.status, fields: response.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
            field,
            name,
            status: 400,
            fields: [field],
          });
        }
      }
      await request(t.url).patch('/api/v1/me/profile').set(member.auth).send({ displayName: 'Zoë Ó Briain-محمد' }).expect(200);
    });
  });

  describe('what the server gives away (item 9)', () => {
    it('allows connections only to itself in the CSP', async () => {
      const response = await request(t.url).get('/health/live').expect(200);
      const connectSrc = /connect-src ([^;]*)/.exec(response.headers['content-security-policy'] ?? '')?.[1];
      expect(connectSrc).toBe("'self'");
    });

    it('answers /metrics to loopback and the token only', async () => {
      await request(t.url).get('/metrics').expect(200);
      const remote = await request(t.url).get('/metrics').set('X-Forwarded-For', '203.0.113.50').expect(403);
      expect(remote.text).not.toMatch(/process_cpu/);
      await request(t.url).get('/metrics').set('X-Forwarded-For', '203.0.113.50').set('Authorization', 'Bearer wrong').expect(403);
      await request(t.url).get('/metrics').set('X-Forwarded-For', '203.0.113.50').set('Authorization', `Bearer ${metricsToken}`).expect(200);
    });

    it('marks personal API answers, errors included, as not to be stored', async () => {
      const member = await createMember(t);
      for (const path of ['/api/v1/me', '/api/v1/notifications', '/api/v1/chat/conversations']) {
        const response = await request(t.url).get(path).set(member.auth).expect(200);
        expect(response.headers['cache-control']).toBe('no-store');
      }
      expect((await request(t.url).get('/api/v1/me').expect(401)).headers['cache-control']).toBe('no-store');
    });

    it('ships docker/ with Secure cookies, one trusted hop, and no /metrics through the proxy', () => {
      const compose = readFileSync(join(__dirname, '../../docker/compose.yaml'), 'utf8');
      const nginx = readFileSync(join(__dirname, '../../docker/nginx.conf'), 'utf8');
      expect(compose).toMatch(/COOKIE_SECURE: "true"/);
      expect(compose).toMatch(/TRUST_PROXY: "1"/);
      expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
      expect(nginx).not.toMatch(/proxy_add_x_forwarded_for/);
      expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
    });
  });
});

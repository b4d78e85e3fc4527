import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type { NotificationView, Page, WebhookCreatedView, WebhookDeliveryView, WebhookEventInfo, WebhookView } from '@mutuals/contracts';
import { WebhookSecrets } from '@mutuals/webhooks';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { api, startMentorship } from '../support/mentoring';
import { draftStory } from '../support/stories';
import { assessedApplication, createApplicant, createPartner } from '../support/support';
import { TestApp, createScratchDatabase, startTestApp, usingServerDatabase } from '../support/test-app';
import { startWebhookReceiver, type ReceivedHook, type WebhookReceiver } from '../support/webhook-receiver';

/** The receiver's own check, written from the README, not from the server's code. */
function signedCorrectly(hook: ReceivedHook, secret: string): boolean {
  const timestamp = hook.headers['mutuals-timestamp'] as string;
  const header = hook.headers['mutuals-signature'] as string;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${hook.body}`).digest('hex');
  return header === `t=${timestamp},v1=${expected}` && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

const eventOf = (name: string) => (hook: ReceivedHook) => hook.headers['mutuals-event'] === name;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks (private targets allowed, as in tests)', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await startTestApp({
      rateLimits: false,
      env: {
        LOG_LEVEL: 'error',
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOKS_POLL_MS: '100',
        WEBHOOKS_RETRY_BASE_MS: '100',
        WEBHOOKS_MAX_ATTEMPTS: '6',
        WEBHOOKS_DISABLE_AFTER_FAILURES: '3',
      },
    });
    coordinator = await createCoordinator(t);
  });
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    // Each test's hooks go with it, so a later test's events reach only its own receiver.
    for (const hook of (await api(t).get('/admin/webhooks', coordinator)).body as WebhookView[])
      await api(t).delete(`/admin/webhooks/${hook.id}`, coordinator);
    await receiver.close();
  });
  afterAll(async () => {
    await t.close();
  });

  const subscribe = async (events: string[]): Promise<WebhookCreatedView> =>
    (await api(t).post('/admin/webhooks', coordinator, { url: receiver.url, events, description: 'Test receiver' }).expect(201)).body;

  it('lists the events a hook can carry, and keeps hooks to coordinators', async () => {
    const events: WebhookEventInfo[] = (await api(t).get('/admin/webhooks/events', coordinator).expect(200)).body;
    expect(events.map((event) => event.name)).toEqual(
      expect.arrayContaining(['member.approved', 'mentorship.started', 'mentorship.closed', 'story.published']),
    );
    const member = await createMember(t);
    expect(
      (
        await api(t)
          .post('/admin/webhooks', member, { url: receiver.url, events: ['member.approved'] })
          .expect(403)
      ).body.code,
    ).toBe('coordinatorsOnly');
    const unknown = await api(t)
      .post('/admin/webhooks', coordinator, { url: receiver.url, events: ['member.deleted'] })
      .expect(400);
    expect(unknown.body.code).toBe('unknownWebhookEvent');
  });

  it('delivers a member’s approval, signed with the hook’s secret, with ids and a link but no email', async () => {
    const { webhook, secret } = await subscribe(['member.approved', 'mentorship.started']);
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ enabled: true, events: ['member.approved', 'mentorship.started'], secretPrefix: secret.slice(0, 10) });
    const listed: WebhookView[] = (await api(t).get('/admin/webhooks', coordinator).expect(200)).body;
    expect(JSON.stringify(listed)).not.toContain(secret);
    // Stored sealed: the database holds neither the secret nor anything that gives it away.
    const [stored] = await t.app.get(DataSource).query('SELECT * FROM webhooks WHERE id = $1', [webhook.id]);
    expect(stored).toMatchObject({ secret: null, secret_key_id: 'local', secret_prefix: secret.slice(0, 10) });
    expect(JSON.stringify(stored)).not.toContain(secret.slice(10));

    const applicant = await createMember(t, { status: 'pending' });
    await api(t).post(`/admin/members/${applicant.id}/approve`, coordinator).expect(200);
    const [hook] = await receiver.waitFor(1, eventOf('member.approved'));
    expect(signedCorrectly(hook!, secret)).toBe(true);
    expect(signedCorrectly(hook!, 'whsec_someone-else')).toBe(false);
    expect(hook!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(hook!.body);
    expect(body).toMatchObject({
      event: 'member.approved',
      id: expect.any(String),
      data: {
        member: { id: applicant.id, displayName: applicant.displayName, handle: applicant.handle },
        link: expect.stringContaining(`/members/${applicant.id}`),
      },
    });
    expect(hook!.body).not.toContain(applicant.email);
    expect(hook!.body).not.toContain('@');

    const { mentorshipId } = await startMentorship(t);
    const [started] = await receiver.waitFor(1, eventOf('mentorship.started'));
    expect(JSON.parse(started!.body).data.mentorship.id).toBe(mentorshipId);

    const log: Page<WebhookDeliveryView> = await eventually(
      async () => (await api(t).get(`/admin/webhooks/${webhook.id}/deliveries`, coordinator).expect(200)).body,
      (page: Page<WebhookDeliveryView>) => page.items.length === 2 && page.items.every((item) => item.status === 'succeeded'),
    );
    expect(log.items.map((item) => [item.event, item.status, item.responseStatus, item.attempts])).toEqual([
      ['mentorship.started', 'succeeded', 200, 1],
      ['member.approved', 'succeeded', 200, 1],
    ]);
    expect(log.items[1]!.eventId).toBe(body.id);
  });

  it('carries a closed mentorship, a published story and an approved application, each to the hooks that chose it', async () => {
    const { secret } = await subscribe(['mentorship.closed', 'story.published', 'application.approved']);
    const other = await startWebhookReceiver();
    try {
      await api(t)
        .post('/admin/webhooks', coordinator, { url: other.url, events: ['member.approved'] })
        .expect(201);

      const { mentor, mentorshipId } = await startMentorship(t);
      await api(t)
        .post(`/mentoring/mentorships/${mentorshipId}/close`, mentor, { outcome: 'goals-met', rating: 5, feedback: 'We did it' })
        .expect(200);
      const [closed] = await receiver.waitFor(1, eventOf('mentorship.closed'));
      expect(JSON.parse(closed!.body).data).toMatchObject({ mentorship: { id: mentorshipId, closedBy: mentor.id } });

      const author = await createMember(t);
      const story = await draftStory(t, author, { title: 'Webhooks: a story told elsewhere' });
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200);
      const [published] = await receiver.waitFor(1, eventOf('story.published'));
      expect(JSON.parse(published!.body).data).toMatchObject({
        story: { id: story.id, title: 'Webhooks: a story told elsewhere', slug: story.slug },
        link: expect.stringContaining(`/stories/${story.slug}`),
      });

      const applicant = await createApplicant(t);
      const application = await assessedApplication(t, applicant, coordinator);
      const { partner } = await createPartner(t, coordinator);
      await api(t)
        .post(`/admin/support/applications/${application.id}/approve`, coordinator, {
          partnerId: partner.id,
          allocations: [{ area: 'options-appraisal', days: 2 }],
        })
        .expect(200);
      const [approved] = await receiver.waitFor(1, eventOf('application.approved'));
      expect(JSON.parse(approved!.body).data).toMatchObject({ application: { id: application.id, reference: application.reference } });

      for (const hook of receiver.received) {
        expect(signedCorrectly(hook, secret)).toBe(true);
        expect(hook.body).not.toContain('@');
      }
      expect(receiver.received.map((hook) => hook.headers['mutuals-event']).sort()).toEqual([
        'application.approved',
        'mentorship.closed',
        'story.published',
      ]);
      expect(other.received).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('retries a failing receiver with growing delays, then switches the hook off and tells the coordinators', async () => {
    receiver.status = 500;
    const { webhook, secret } = await subscribe(['member.approved']);
    const applicant = await createMember(t, { status: 'pending' });
    await api(t).post(`/admin/members/${applicant.id}/approve`, coordinator).expect(200);

    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((hook) => hook.headers['mutuals-delivery'])).size).toBe(1);
    expect(attempts.every((hook) => signedCorrectly(hook, secret))).toBe(true);
    const gaps = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);

    const hook: WebhookView = await eventually(
      async () => ((await api(t).get('/admin/webhooks', coordinator).expect(200)).body as WebhookView[]).find((h) => h.id === webhook.id)!,
      (h) => !h.enabled,
    );
    expect(hook).toMatchObject({
      enabled: false,
      consecutiveFailures: 3,
      disabledReason: expect.stringContaining('3 delivery attempts in a row failed'),
    });
    const feed: { items: NotificationView[] } = await eventually(
      async () => (await api(t).get('/notifications', coordinator).expect(200)).body,
      (page: { items: NotificationView[] }) => page.items.some((item) => item.kind === 'webhook.disabled'),
    );
    expect(feed.items.find((item) => item.kind === 'webhook.disabled')).toMatchObject({ link: '/admin/integrations' });

    // Switched off: nothing more is sent, however long we wait.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.received).toHaveLength(3);
    const [delivery] = (
      (await api(t).get(`/admin/webhooks/${webhook.id}/deliveries`, coordinator).expect(200)).body as Page<WebhookDeliveryView>
    ).items;
    expect(delivery).toMatchObject({ status: 'retrying', attempts: 3, responseStatus: 500, error: 'HTTP 500' });

    // The receiver is mended and the hook switched back on: the delivery goes, then a redelivery by hand.
    receiver.status = 200;
    await api(t).patch(`/admin/webhooks/${webhook.id}`, coordinator, { enabled: true }).expect(200);
    await receiver.waitFor(4);
    const redelivery: WebhookDeliveryView = (
      await api(t).post(`/admin/webhooks/${webhook.id}/deliveries/${delivery!.id}/redeliver`, coordinator).expect(201)
    ).body;
    expect(redelivery).toMatchObject({ eventId: delivery!.eventId, status: 'pending' });
    const all = await receiver.waitFor(5);
    expect(all[4]!.headers['mutuals-delivery']).toBe(redelivery.id);
    expect(JSON.parse(all[4]!.body).id).toBe(delivery!.eventId);
    expect(all[4]!.body).toBe(all[0]!.body);
  });

  it('answers 404 for a hook or delivery that is not there', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api(t).get(`/admin/webhooks/${missing}/deliveries`, coordinator).expect(404)).body.code).toBe('webhookNotFound');
    const { webhook } = await subscribe(['story.published']);
    expect((await api(t).post(`/admin/webhooks/${webhook.id}/deliveries/${missing}/redeliver`, coordinator).expect(404)).body.code).toBe(
      'deliveryNotFound',
    );
  });
  it('seals at start-up a secret stored in clear before encryption, and still signs with it', async () => {
    const { webhook, secret } = await subscribe(['story.published']);
    const db = t.app.get(DataSource);
    await db.query('UPDATE webhooks SET secret = $2, secret_sealed = NULL, secret_key_id = NULL WHERE id = $1', [webhook.id, secret]);
    await t.app.get(WebhookSecrets).onApplicationBootstrap();
    const [stored] = await db.query('SELECT secret, secret_key_id FROM webhooks WHERE id = $1', [webhook.id]);
    expect(stored).toEqual({ secret: null, secret_key_id: 'local' });
    const author = await createMember(t);
    const story = await draftStory(t, author, { title: 'Signed with a secret sealed at start-up' });
    await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
    await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200);
    const [hook] = await receiver.waitFor(1, eventOf('story.published'));
    expect(signedCorrectly(hook!, secret)).toBe(true);
  });
});

describe('webhooks in production (private targets not allowed)', () => {
  let t: TestApp;
  let coordinator: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false, env: { LOG_LEVEL: 'error' } });
    coordinator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['a private-range address', 'https://10.0.0.8/hooks'],
    ['the cloud metadata address', 'https://169.254.169.254/latest'],
    ['loopback by name', 'https://localhost:8443/hooks'],
    ['IPv6 loopback', 'https://[::1]/hooks'],
    ['plain http', 'http://crm.example.org/hooks'],
  ])('refuses %s', async (_, url) => {
    const refused = await request(t.url)
      .post('/api/v1/admin/webhooks')
      .set(coordinator.auth)
      .send({ url, events: ['member.approved'] })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'webhookUrlNotAllowed', errors: [expect.objectContaining({ field: 'url' })] });
    expect((await api(t).get('/admin/webhooks', coordinator).expect(200)).body).toEqual([]);
  });
});

// Two servers one after the other on one database, with no other server of this file left to
// disturb: the embedded database's single connection is not free again at once when the first
// server closes, so this runs on Postgres.
(usingServerDatabase() ? describe : describe.skip)('webhook secrets across a restart with a new key', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('seals every secret again under a new key at restart, those stored in clear before encryption too, and still signs with them', async () => {
    const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const database = await createScratchDatabase();
    /** The server started on the one database with these keys, until `work` is done. */
    async function serving<T>(keys: string, work: (app: TestApp) => Promise<T>): Promise<T> {
      const env = { LOG_LEVEL: 'error', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_POLL_MS: '100', WEBHOOK_SECRET_KEYS: keys };
      const app = await startTestApp({ databaseUrl: database.url, rateLimits: false, env });
      try {
        return await work(app);
      } finally {
        await app.close();
      }
    }
    try {
      const [sealed, clear] = await serving(`old:${oldKey}`, async (before) => {
        const boss = await createCoordinator(before);
        const hook = async () =>
          (
            await api(before)
              .post('/admin/webhooks', boss, { url: receiver.url, events: ['story.published'] })
              .expect(201)
          ).body as WebhookCreatedView;
        const hooks = [await hook(), await hook()];
        // The second as the release before this one stored it: the secret in clear.
        await before.app
          .get(DataSource)
          .query('UPDATE webhooks SET secret = $2, secret_sealed = NULL, secret_key_id = NULL WHERE id = $1', [
            hooks[1]!.webhook.id,
            hooks[1]!.secret,
          ]);
        return hooks;
      });
      await serving(`new:${newKey},old:${oldKey}`, async (after) => {
        const rows = await after.app.get(DataSource).query('SELECT secret, secret_sealed, secret_key_id FROM webhooks ORDER BY created_at');
        expect(rows.map((r: { secret: string | null; secret_key_id: string }) => [r.secret, r.secret_key_id])).toEqual([
          [null, 'new'],
          [null, 'new'],
        ]);
        expect(JSON.stringify(rows)).not.toContain(clear!.secret);
        const author = await createMember(after);
        const story = await draftStory(after, author, { title: 'Signed after a change of key' });
        await api(after).post(`/stories/${story.id}/submit`, author).expect(200);
        await api(after)
          .post(`/admin/stories/${story.id}/publish`, await createCoordinator(after))
          .expect(200);
        const delivered = await receiver.waitFor(2, eventOf('story.published'));
        const signedWith = delivered.map((h) => [sealed!.secret, clear!.secret].findIndex((secret) => signedCorrectly(h, secret)));
        expect(signedWith.sort()).toEqual([0, 1]);
      });
    } finally {
      await database.drop();
    }
  });
});

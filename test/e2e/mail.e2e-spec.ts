import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DomainEvents } from '@mutuals/core';
import { DigestService } from '@mutuals/notifications';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { createCategory, createThread, reply } from '../support/forums';
import { api, createMentee, createMentor, requestMentoring } from '../support/mentoring';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp-server';
import { TestApp, startTestApp } from '../support/test-app';

const PUBLIC_URL = 'https://mutuals.test';

// Mail as the member receives it, through a real SMTP server: every kind arrives with the link to
// the thing, the one-click unsubscribe turns that kind off, and chat mail waits for the message to stay unread.
describe('mail', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_POLL_MS: '100', MAIL_CHAT_DELAY_SECONDS: '1', MAIL_FROM: 'Mutuals Network <hello@mutuals.test>' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailTo = (member: TestMember, subject: RegExp) => smtp.waitFor(member.email, { filter: (m) => subject.test(m.subject) });
  const expectLink = (mail: ReceivedMail, path: string) => {
    expect(mail.text).toContain(`${PUBLIC_URL}${path}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}${path.replace(/&/g, '&amp;')}"`);
  };

  it('sends each mentoring mail to the right person with the link to the request or mentorship', async () => {
    const [mentor, mentee] = [await createMentor(t), await createMentee(t)];
    const requestId = await requestMentoring(t, mentee, mentor, 'We are spinning out our day services.');
    const requested = await mailTo(mentor, /asked you to be their mentor/);
    expectLink(requested, '/mentoring?box=incoming');
    expect(requested.text).toContain('We are spinning out our day services.');
    expect(requested.from).toContain('hello@mutuals.test');
    expect(requested.messageId).toMatch(/^<[0-9a-f-]+@mutuals\.test>$/);

    const accepted = await api(t).post(`/mentoring/requests/${requestId}/accept`, mentor).expect(200);
    expectLink(await mailTo(mentee, /accepted your mentoring request/), `/mentoring/mentorships/${accepted.body.id}`);

    const other = await createMentor(t);
    const second = await requestMentoring(t, mentee, other);
    await api(t).post(`/mentoring/requests/${second}/decline`, other, { reason: 'No places this term' }).expect(200);
    const declined = await mailTo(mentee, /can’t mentor you/);
    expectLink(declined, '/mentoring?box=outgoing');
    expect(declined.text).toContain('No places this term');

    const events = t.app.get(DomainEvents);
    const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await events.emit('mentoring.expiring', { requestId: randomUUID(), mentorId: other.id, menteeId: mentee.id, expiresAt });
    expectLink(await mailTo(other, /is waiting for your answer/), '/mentoring?box=incoming');
    await events.emit('mentoring.expired', { requestId: randomUUID(), mentorId: other.id, menteeId: mentee.id });
    expectLink(await mailTo(mentee, /request expired/), '/mentoring');
  });

  it('sends the account mails: approval, rejection with its reason, reset, verification, change of email and the security notice', async () => {
    const coordinator = await createCoordinator(t);
    const applicant = await createMember(t, { status: 'pending' });
    await request(t.url).post(`/api/v1/admin/members/${applicant.id}/approve`).set(coordinator.auth).expect(200);
    expectLink(await mailTo(applicant, /your account is approved/), '/mentoring');

    const events = t.app.get(DomainEvents);
    const rejected = await createMember(t, { status: 'pending' });
    const user = { id: rejected.id, displayName: rejected.displayName, handle: rejected.handle, role: 'member' as const, status: 'pending' as const, avatarUrl: null };
    await events.emit('identity.user.changed', { user, reason: 'rejected', rejectionReason: 'We could not find your organisation.' });
    const rejection = await mailTo(rejected, /About your Mutuals Network application/);
    expect(rejection.text).toContain('We could not find your organisation.');
    expectLink(rejection, '/eligibility');

    const member = await createMember(t);
    const link = (path: string) => ({ userId: member.id, displayName: member.displayName, link: `${PUBLIC_URL}${path}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await events.transaction((unit) => unit.emit('identity.password-reset.requested', { ...link('/reset-password?token=r1'), email: member.email }));
    const reset = await mailTo(member, /Reset your Mutuals Network password/);
    expectLink(reset, '/reset-password?token=r1');
    expect(reset.header('list-unsubscribe')).toBeUndefined();

    await events.transaction((unit) => unit.emit('identity.email-verification.requested', { ...link('/verify-email?token=v1'), email: member.email }));
    expectLink(await mailTo(member, /Confirm your email address/), '/verify-email?token=v1');

    const newAddress = `new-${randomUUID()}@test.example`;
    await events.transaction((unit) => unit.emit('identity.email-change.requested', { ...link('/confirm-email?token=c1'), email: newAddress }));
    expectLink(await smtp.waitFor(newAddress), '/confirm-email?token=c1');

    await events.transaction((unit) =>
      unit.emit('identity.security.changed', { userId: member.id, email: member.email, displayName: member.displayName, change: 'email-changed', newEmail: newAddress }),
    );
    const notice = await mailTo(member, /Your email address was changed/);
    expect(notice.text).toContain(newAddress);
  });

  it('mails a mention, a reply, a quote and, for watchers, puts new posts in the digest', async () => {
    const [author, mentioned, replier, quoter, watcher] = [await createMember(t), await createMember(t), await createMember(t), await createMember(t), await createMember(t)];
    const category = await createCategory(t, await createCoordinator(t));
    const thread = await createThread(t, author, category.id, { title: 'Pension admission agreements' });
    await reply(t, watcher, thread.id, 'Following this one.');

    const mention = await reply(t, replier, thread.id, `@${mentioned.handle} you did this last year, didn’t you?`);
    expectLink(await mailTo(mentioned, /mentioned you in “Pension admission agreements”/), `/forums/threads/${thread.id}?post=${mention.id}`);

    const answer = await reply(t, replier, thread.id, 'We used the LGPS template.', thread.firstPost.id);
    expectLink(await mailTo(author, /replied to your post/), `/forums/threads/${thread.id}?post=${answer.id}`);

    const quote = await reply(t, quoter, thread.id, `> We used the LGPS template.\n\nSo did we.`, answer.id);
    expectLink(await mailTo(replier, /quoted your post/), `/forums/threads/${thread.id}?post=${quote.id}`);

    // The watcher chose nothing: new posts in watched threads wait for the weekly digest.
    expect(smtp.to(watcher.email)).toEqual([]);
    await t.app.get(DigestService).queueDue(new Date(Date.now() + 8 * 86_400_000));
    const digest = await mailTo(watcher, /weekly digest/);
    expect(digest.text).toContain('Pension admission agreements');
    expectLink(digest, `/forums/threads/${thread.id}?post=${quote.id}`);
    expect(digest.header('list-unsubscribe')).toContain(`${PUBLIC_URL}/api/v1/mail/unsubscribe?token=`);
  });

  it('puts mentors who fit into a mentee’s digest, each mentor once', async () => {
    const mentee = await createMentee(t);
    const mentor = await createMentor(t, { displayName: `Digest Mentor ${randomUUID().slice(0, 6)}` });
    await api(t).put('/me/notification-preferences', mentee, { digest: 'daily' }).expect(200);
    const digests = t.app.get(DigestService);
    await digests.queueDue(new Date(Date.now() + 10 * 86_400_000));
    const digest = await mailTo(mentee, /daily digest/);
    expect(digest.text).toContain(mentor.displayName);
    expectLink(digest, `/members/${mentor.id}`);

    await digests.queueDue(new Date(Date.now() + 11 * 86_400_000));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(smtp.to(mentee.email).filter((m) => /digest/.test(m.subject))).toHaveLength(1);
  });

  it('turns a kind of email off with the one-click unsubscribe link, without signing in', async () => {
    const [mentor, mentee] = [await createMentor(t), await createMentee(t)];
    await requestMentoring(t, mentee, mentor);
    const first = await mailTo(mentor, /asked you to be their mentor/);
    expect(first.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const target = /<([^>]+)>/.exec(first.header('list-unsubscribe') ?? '')?.[1] ?? first.link(`${PUBLIC_URL}/api/v1/mail/unsubscribe`);
    expect(target).toBeDefined();
    const path = new URL(target!).pathname + new URL(target!).search;

    await request(t.url).post(path.replace(/token=[^&]+/, 'token=forged.token')).type('form').send('List-Unsubscribe=One-Click').expect(404);
    const done = await request(t.url).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.body).toEqual({ kind: 'mentoring.requested', label: 'Mentoring requests to you', unsubscribed: true });
    const prefs = await api(t).get('/me/notification-preferences', mentor).expect(200);
    expect(prefs.body.kinds).toContainEqual(expect.objectContaining({ kind: 'mentoring.requested', channel: 'app' }));

    const again = await createMentee(t);
    await requestMentoring(t, again, mentor);
    // The in-app notification still comes; the mail does not.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(smtp.to(mentor.email)).toHaveLength(1);
    const feed = await api(t).get('/notifications', mentor).expect(200);
    expect(feed.body.items.filter((n: { kind: string }) => n.kind === 'mentoring.requested')).toHaveLength(2);
  });

  it('mails an unread chat message once per conversation until it is read, and nothing when it is read in time', async () => {
    const [alice, bob, carol] = [await createMember(t), await createMember(t), await createMember(t)];
    const open = async (from: TestMember, to: TestMember) =>
      (await api(t).post('/chat/conversations', from, { kind: 'direct', memberIds: [to.id] })).body.id as string;
    const say = (from: TestMember, conversationId: string, body: string) =>
      api(t).post(`/chat/conversations/${conversationId}/messages`, from, { clientId: randomUUID(), body }).expect(201);

    const withBob = await open(alice, bob);
    await say(alice, withBob, 'Are you free on Thursday?');
    await say(alice, withBob, 'Or Friday?');
    const unread = await mailTo(bob, /sent you a message/);
    expectLink(unread, `/chat/${withBob}`);
    expect(unread.text).toContain('Are you free on Thursday?');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.to(bob.email)).toHaveLength(1);

    const withCarol = await open(alice, carol);
    const sent = await say(alice, withCarol, 'Quick question about TUPE.');
    await api(t).post(`/chat/conversations/${withCarol}/read`, carol, { seq: sent.body.seq }).expect((r) => expect(r.status).toBeLessThan(300));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.to(carol.email)).toEqual([]);
  });

  it('shows coordinators every mail in the mailbox, and no one else', async () => {
    const coordinator = await createCoordinator(t);
    const member = await createMember(t);
    await request(t.url).get('/api/v1/admin/mail').set(member.auth).expect(403);
    const page = await request(t.url).get('/api/v1/admin/mail?status=sent&limit=5').set(coordinator.auth).expect(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    const one = await request(t.url).get(`/api/v1/admin/mail/${page.body.items[0].id}`).set(coordinator.auth).expect(200);
    expect(one.body).toMatchObject({ status: 'sent', html: expect.stringContaining('<html'), text: expect.any(String) });
    await request(t.url).post(`/api/v1/admin/mail/${one.body.id}/retry`).set(coordinator.auth).expect(409);
    await request(t.url).get('/api/v1/admin/mail?status=lost').set(coordinator.auth).expect(400);
  });
});

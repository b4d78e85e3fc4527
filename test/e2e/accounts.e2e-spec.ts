import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ACCOUNT_MAIL_ENV, accountMailbox, tokenOf } from '../support/account-mail';
import { ProfilesService } from '@mutuals/profiles';
import { createCoordinator, createMember, createOrganisation, signInWithCookies, type TestMember } from '../support/factories';
import { fetchFile, jpeg, pdf, png, uploaded } from '../support/files';
import { allPosts, createCategory, createThread, reply } from '../support/forums';
import { api, startMentorship } from '../support/mentoring';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { draftStory } from '../support/stories';
import { createApplicant, createPartner, draftApplication, submittedApplication } from '../support/support';
import { TestApp, startTestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery';

describe('accounts', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mail: ReturnType<typeof accountMailbox>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: ACCOUNT_MAIL_ENV(smtp) });
    mail = accountMailbox(smtp);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const post = (path: string) => request(t.url).post(`/api/v1${path}`);
  const login = (email: string, password: string) => post('/auth/login').send({ email, password });
  const forgot = (email: string) => post('/auth/password/forgot').send({ email });
  const resetWith = (token: string, password: string) => post('/auth/password/reset').send({ token, password });

  describe('forgot password', () => {
    it('answers an unknown address exactly as a known one, and mails only the account holder', async () => {
      const member = await createMember(t);
      const nobody = `nobody-${randomUUID()}@test.example`;
      const unknown = await forgot(nobody).expect(202);
      const known = await forgot(member.email).expect(202);
      expect(unknown.body).toEqual(known.body);
      expect(unknown.text).toBe(known.text);
      expect(JSON.stringify(known.body)).not.toMatch(/token/i);
      await mail.link(member.email, '/reset-password');
      expect(mail.to(nobody)).toEqual([]);
    });

    it('resets the password once with the mailed link, signs every device out, and tells the member', async () => {
      const member = await createMember(t);
      const other = await signInWithCookies(t, member.email);
      await forgot(member.email).expect(202);
      const link = await mail.link(member.email, '/reset-password');

      await resetWith(tokenOf(link), 'a brand new passphrase').expect(204);
      await request(t.url).get('/api/v1/me').set(member.auth).expect(401);
      await request(t.url).get('/api/v1/me').set('Cookie', other.cookie).expect(401);
      await login(member.email, PASSWORD).expect(401);
      await login(member.email, 'a brand new passphrase').expect(200);
      await mail.notice(member.email, /Your password was reset/);

      const again = await resetWith(tokenOf(link), 'yet another passphrase').expect(400);
      expect(again.body.code).toBe('linkExpiredOrUsed');
      await login(member.email, 'a brand new passphrase').expect(200);
    });

    it('refuses an expired link', async () => {
      const member = await createMember(t);
      await forgot(member.email).expect(202);
      const token = tokenOf(await mail.link(member.email, '/reset-password'));
      await t.app
        .get(DataSource)
        .query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [member.id]);
      const response = await resetWith(token, 'a brand new passphrase').expect(400);
      expect(response.body.code).toBe('linkExpiredOrUsed');
      await login(member.email, PASSWORD).expect(200);
    });

    it('lets only the latest link work', async () => {
      const member = await createMember(t);
      await forgot(member.email).expect(202);
      const first = tokenOf(await mail.link(member.email, '/reset-password'));
      await forgot(member.email).expect(202);
      const second = tokenOf(await mail.link(member.email, '/reset-password'));
      await resetWith(first, 'a brand new passphrase').expect(400);
      await resetWith(second, 'a brand new passphrase').expect(204);
    });

    it('refuses forged tokens and short passwords, naming the field', async () => {
      const forged = await resetWith('x'.repeat(43), 'a brand new passphrase').expect(400);
      expect(forged.body.code).toBe('linkExpiredOrUsed');
      const bad = await post('/auth/password/reset').send({ token: 'no', password: 'short' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'token']);
    });

    it('limits requests per address, known or not, with 429 and Retry-After', async () => {
      for (const email of [(await createMember(t)).email, `ghost-${randomUUID()}@test.example`]) {
        const statuses: number[] = [];
        let last: request.Response | undefined;
        for (let i = 0; i < 4; i++) {
          last = await forgot(email);
          statuses.push(last.status);
        }
        expect(statuses).toEqual([202, 202, 202, 429]);
        expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      }
    });
  });

  describe('email verification', () => {
    it('mails a link at registration; following it once verifies the address, which coordinators see', async () => {
      const coordinator = await createCoordinator(t);
      const email = `verify-${randomUUID()}@test.example`;
      const registered = await post('/auth/register').send({ email, password: PASSWORD, displayName: 'Vera Fied' }).expect(201);
      const auth = { Authorization: `Bearer ${registered.body.token}` };
      const applicant = async () => {
        const list = await request(t.url).get('/api/v1/admin/members?status=pending&limit=100').set(coordinator.auth).expect(200);
        return list.body.items.find((m: { id: string }) => m.id === registered.body.user.id);
      };
      expect((await request(t.url).get('/api/v1/me/settings').set(auth).expect(200)).body).toMatchObject({ email, emailVerified: false });
      expect(await applicant()).toMatchObject({ emailVerified: false });

      const token = tokenOf(await mail.link(email, '/verify-email'));
      const verified = await post('/auth/email/verify').send({ token }).expect(200);
      expect(verified.body).toEqual({ email, change: 'verified' });
      expect((await request(t.url).get('/api/v1/me/settings').set(auth).expect(200)).body.emailVerified).toBe(true);
      expect(await applicant()).toMatchObject({ emailVerified: true });
      expect((await post('/auth/email/verify').send({ token }).expect(400)).body.code).toBe('linkExpiredOrUsed');
      expect((await post('/auth/email/verify/resend').set(auth).expect(409)).body.code).toBe('alreadyVerified');
    });

    it('resends a link to a signed-in member who is still unverified, even while pending', async () => {
      const member = await createMember(t, { status: 'pending' });
      await post('/auth/email/verify/resend').set(member.auth).expect(204);
      const token = tokenOf(await mail.link(member.email, '/verify-email'));
      await post('/auth/email/verify').send({ token }).expect(200);
      await post('/auth/email/verify/resend').expect(401);
    });
  });

  describe('change of email', () => {
    it('changes nothing until the link mailed to the new address is followed, then tells the old one', async () => {
      const member = await createMember(t);
      const newEmail = `moved-${randomUUID()}@test.example`;
      const wrong = await post('/me/email').set(member.auth).send({ newEmail, password: 'not my password' }).expect(400);
      expect(wrong.body).toMatchObject({ code: 'wrongPassword', errors: [{ field: 'password', message: 'is not right' }] });
      await post('/me/email').set(member.auth).send({ newEmail: newEmail.toUpperCase(), password: PASSWORD }).expect(202);
      await login(member.email, PASSWORD).expect(200);
      const link = await mail.link(newEmail, '/verify-email');
      expect(mail.to(member.email)).toEqual([]);

      const confirmed = await post('/auth/email/verify')
        .send({ token: tokenOf(link) })
        .expect(200);
      expect(confirmed.body).toEqual({ email: newEmail, change: 'email-changed' });
      const notice = await mail.notice(member.email, /Your email address was changed/);
      expect(notice.text).toContain(newEmail);
      await login(member.email, PASSWORD).expect(401);
      await login(newEmail, PASSWORD).expect(200);
      expect((await request(t.url).get('/api/v1/me/settings').set(member.auth).expect(200)).body).toMatchObject({
        email: newEmail,
        emailVerified: true,
      });
    });

    it('refuses an address another account uses', async () => {
      const [member, other] = [await createMember(t), await createMember(t)];
      const response = await post('/me/email').set(member.auth).send({ newEmail: other.email, password: PASSWORD }).expect(409);
      expect(response.body.errors).toEqual([{ field: 'newEmail', message: 'is already registered' }]);
    });
  });

  describe('change of password', () => {
    it('needs the current password, keeps this device signed in, signs the others out and tells the member', async () => {
      const member = await createMember(t);
      const browser = await signInWithCookies(t, member.email);
      const wrong = await post('/me/password')
        .set(member.auth)
        .send({ currentPassword: 'not it at all', newPassword: 'another long passphrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'is not right' }]);

      await post('/me/password')
        .set('Cookie', browser.cookie)
        .set('X-CSRF-Token', browser.csrf)
        .send({ currentPassword: PASSWORD, newPassword: 'another long passphrase' })
        .expect(204);
      await request(t.url).get('/api/v1/me').set('Cookie', browser.cookie).expect(200);
      await request(t.url).get('/api/v1/me').set(member.auth).expect(401);
      await login(member.email, 'another long passphrase').expect(200);
      await mail.notice(member.email, /Your password was changed/);
    });
  });

  describe('deleting an account', () => {
    async function memberWithTraces() {
      const category = await createCategory(t);
      const member = await createMember(t, { displayName: 'Dana Leaving' });
      const other = await createMember(t);
      const thread = await createThread(t, other, category.id, { title: 'Pensions after transfer' });
      const post = await reply(t, member, thread.id, 'My words about **pensions**');
      const conversation = await api(t).post('/chat/conversations', member, { kind: 'direct', memberIds: [other.id] });
      const conversationId = conversation.body.id as string;
      await api(t)
        .post(`/chat/conversations/${conversationId}/messages`, member, { clientId: randomUUID(), body: 'A private word' })
        .expect(201);
      await api(t)
        .post(`/chat/conversations/${conversationId}/messages`, other, { clientId: randomUUID(), body: 'And my answer' })
        .expect(201);
      return { member, other, threadId: thread.id, postId: post.id, conversationId, categorySlug: category.slug };
    }

    const deleteMe = (who: TestMember, body: object) => request(t.url).delete('/api/v1/me').set(who.auth).send(body);

    it('needs the password, then removes the profile and messages and keeps posts as "Former member"', async () => {
      const { member, other, threadId, postId, conversationId } = await memberWithTraces();
      const wrong = await deleteMe(member, { password: 'not my password' }).expect(400);
      expect(wrong.body.code).toBe('wrongPassword');
      await request(t.url).get('/api/v1/me').set(member.auth).expect(200);

      await deleteMe(member, { password: PASSWORD }).expect(204);
      await request(t.url).get('/api/v1/me').set(member.auth).expect(401);
      await login(member.email, PASSWORD).expect(401);
      await request(t.url).get(`/api/v1/members/${member.id}`).set(other.auth).expect(404);

      const kept = (await allPosts(t, other, threadId)).find((p) => p.id === postId);
      expect(kept).toMatchObject({ author: { displayName: 'Former member' }, status: 'visible' });
      expect(kept?.bodyHtml).toContain('<strong>pensions</strong>');

      const messages = await api(t).get(`/chat/conversations/${conversationId}/messages`, other).expect(200);
      const bodies = messages.body.items.map((m: { senderId: string; body: string; deleted: boolean }) => [
        m.senderId === member.id,
        m.body,
        m.deleted,
      ]);
      expect(bodies).toEqual([
        [true, '', true],
        [false, 'And my answer', false],
      ]);
      const conversations = await api(t).get('/chat/conversations', other).expect(200);
      const members = conversations.body.find((c: { id: string }) => c.id === conversationId).members.map((m: { id: string }) => m.id);
      expect(members).toEqual([other.id]);
    });

    it('erases the posts too when asked', async () => {
      const { member, other, threadId, postId, categorySlug } = await memberWithTraces();
      await deleteMe(member, { password: PASSWORD, erase: true }).expect(204);
      const categories = await api(t).get('/forums/categories', other).expect(200);
      expect(categories.body.find((c: { slug: string }) => c.slug === categorySlug)).toMatchObject({ threadCount: 1, postCount: 1 });
      const erased = (await allPosts(t, other, threadId)).find((p) => p.id === postId);
      expect(erased).toMatchObject({ status: 'deleted', bodyHtml: '' });
      const thread = await api(t).get(`/forums/threads/${threadId}`, other).expect(200);
      expect(thread.body.replyCount).toBe(0);
      const search = await api(t).get('/forums/search?q=pensions', other).expect(200);
      expect(search.body.items.map((i: { postId: string }) => i.postId)).not.toContain(postId);
    });

    it('keeps the mentorship for the programme, anonymised, and frees the mentor', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      await api(t)
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentee, {
          heldAt: new Date().toISOString(),
          durationMinutes: 45,
          notes: 'Our staff ballot plans',
        })
        .expect(201);
      const meeting = await api(t)
        .post(`/mentoring/mentorships/${mentorshipId}/meetings`, mentee, {
          startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          durationMinutes: 60,
          format: 'video',
          agenda: 'Our pension liabilities',
        })
        .expect(201);
      await deleteMe(mentee, { password: PASSWORD }).expect(204);

      const meetings = await api(t).get(`/mentoring/mentorships/${mentorshipId}/meetings`, mentor).expect(200);
      expect(meetings.body.find((m: { id: string }) => m.id === meeting.body.id)).toMatchObject({ status: 'cancelled' });
      expect(JSON.stringify(meetings.body)).not.toContain('pension liabilities');

      const seen = await api(t).get(`/mentoring/mentorships/${mentorshipId}`, mentor).expect(200);
      expect(seen.body).toMatchObject({ status: 'closed', mentee: { displayName: 'Former member' } });
      expect(seen.body.mentee.id).not.toBe(mentee.id);
      expect(JSON.stringify(seen.body)).not.toContain('staff ballot');

      const db = t.app.get(DataSource);
      const [row] = await db.query('SELECT count(*)::int AS n FROM mentorships WHERE id = $1', [mentorshipId]);
      expect(row.n).toBe(1);
      const [traces] = await db.query(
        `SELECT (SELECT count(*) FROM mentorships WHERE mentee_id = $1 OR mentor_id = $1 OR closed_by = $1)
              + (SELECT count(*) FROM mentoring_requests WHERE mentee_id = $1 OR mentor_id = $1)
              + (SELECT count(*) FROM mentorship_sessions WHERE logged_by = $1)
              + (SELECT count(*) FROM mentoring_meetings WHERE proposed_by = $1 OR awaiting_user_id = $1)
              + (SELECT count(*) FROM mentoring_check_ins WHERE user_id = $1)
              + (SELECT count(*) FROM mentorship_changes WHERE changed_by = $1) AS n`,
        [mentee.id],
      );
      expect(Number(traces.n)).toBe(0);
      const [load] = await db.query('SELECT active FROM mentor_load WHERE mentor_id = $1', [mentor.id]);
      expect(load.active).toBe(0);
    });
  });

  describe('deleting an account: what the organisation and the programme keep', () => {
    const deleteMe = (who: TestMember, body: object = { password: PASSWORD }) =>
      request(t.url).delete('/api/v1/me').set(who.auth).send(body).expect(204);

    it('keeps the opportunity and pitches of organisations, and hands the shortlist conversation to a colleague', async () => {
      const poster = await createMember(t, { displayName: 'Poster Leaving' });
      const organisation = await createOrganisation(t, poster, { kind: 'mutual', sector: 'sport-leisure', region: 'north-west' });
      const colleague = await createMember(t);
      await t.app.get(ProfilesService).addOrganisationMember(organisation.id, colleague.id);
      const [partner, later] = [await createMember(t, { displayName: 'Pitcher Leaving' }), await createMember(t)];
      await createOrganisation(t, partner, { kind: 'vcse', sector: 'public-health', region: 'north-west' });
      await createOrganisation(t, later, { kind: 'vcse', sector: 'public-health', region: 'north-west' });
      const opportunity = await api(t)
        .post('/partnerships/opportunities', poster, {
          title: 'Falls prevention in Wigan',
          commissioner: 'Wigan Council',
          description: 'Strength and balance classes in community venues.',
          sector: 'public-health',
          region: 'north-west',
          valueBand: '500k-1m',
          capabilitiesSought: ['community-outreach'],
          deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          publish: true,
        })
        .expect(201);
      const id = opportunity.body.id as string;
      const pitch = (
        await api(t)
          .post(`/partnerships/opportunities/${id}/interests`, partner, { pitch: 'Our volunteers run balance classes in six venues.' })
          .expect(201)
      ).body;
      const laterPitch = (
        await api(t)
          .post(`/partnerships/opportunities/${id}/interests`, later, { pitch: 'Our walking groups already cover Leigh and Atherton.' })
          .expect(201)
      ).body;
      await api(t).put(`/partnerships/opportunities/${id}/interests/${pitch.id}/shortlist`, poster).expect(200);
      const conversationId = (await api(t).post(`/partnerships/opportunities/${id}/conversation`, poster).expect(200)).body.conversationId;
      await api(t)
        .post(`/chat/conversations/${conversationId}/messages`, poster, { clientId: randomUUID(), body: 'Welcome aboard' })
        .expect(201);

      await deleteMe(poster);
      await deleteMe(partner);

      // The organisation's opportunity stays, and so does the partner organisation's pitch, written by no one now.
      expect((await api(t).get(`/partnerships/opportunities/${id}`, colleague).expect(200)).body).toMatchObject({
        title: 'Falls prevention in Wigan',
      });
      const pitches = (await api(t).get(`/partnerships/opportunities/${id}/interests`, colleague).expect(200)).body.items;
      expect(pitches.find((p: { id: string }) => p.id === pitch.id)).toMatchObject({
        pitch: 'Our volunteers run balance classes in six venues.',
        member: { displayName: 'Former member', handle: '' },
      });
      // The poster's words in the conversation are gone; the colleague now runs it, so the shortlist still reaches it.
      const messages = (await api(t).get(`/chat/conversations/${conversationId}/messages`, colleague).expect(200)).body.items;
      expect(messages.map((m: { body: string; deleted: boolean }) => [m.body, m.deleted])).toEqual([['', true]]);
      await api(t).put(`/partnerships/opportunities/${id}/interests/${laterPitch.id}/shortlist`, colleague).expect(200);
      const conversations = (await api(t).get('/chat/conversations', later).expect(200)).body;
      const group = conversations.find((c: { id: string }) => c.id === conversationId);
      expect(group.members.find((m: { id: string }) => m.id === colleague.id)).toMatchObject({ role: 'owner' });
      expect(JSON.stringify(await api(t).get('/me/export', colleague).expect(200))).not.toContain(poster.id);
    });

    it('keeps the support applications of the organisation for the funder, ends an adviser, and frees nothing of the fund', async () => {
      const coordinator = await createCoordinator(t);
      const applicant = await createApplicant(t);
      const colleague = await createMember(t);
      await t.app.get(ProfilesService).addOrganisationMember(applicant.organisationId, colleague.id);
      const application = await submittedApplication(t, applicant);
      const { partner, adviser } = await createPartner(t, coordinator);
      const fundBefore = (await api(t).get('/admin/support/fund', coordinator).expect(200)).body;

      await deleteMe(applicant);
      await deleteMe(adviser);

      const seen = (await api(t).get(`/support/applications/${application.id}`, colleague).expect(200)).body;
      expect(seen).toMatchObject({ status: 'submitted', applicant: { displayName: 'Former member' } });
      const queued = (await api(t).get(`/support/applications/${application.id}`, coordinator).expect(200)).body;
      expect(queued.need).toBe(application.need);
      const partners = (await api(t).get('/admin/support/partners', coordinator).expect(200)).body;
      expect(partners.find((p: { id: string }) => p.id === partner.id).advisers).toEqual([]);
      expect((await api(t).get('/admin/support/fund', coordinator).expect(200)).body).toEqual(fundBefore);
    });

    it('takes a story never published with it, keeps a published one as by a former member, and withholds its answers', async () => {
      const coordinator = await createCoordinator(t);
      const [author, credited, other] = [await createMember(t), await createMember(t), await createMember(t)];
      const cover = await uploaded(t, author, 'cover', await jpeg(1200, 630), 'cover.jpg');
      const draft = await draftStory(t, author, { title: 'Notes for a story', coverFileId: cover.id, coverAlt: 'Our staff' });
      const published = await draftStory(t, author, {
        title: 'Two hundred owners',
        memberCredits: [{ userId: credited.id, role: 'Chair' }],
      });
      await api(t).post(`/stories/${published.id}/submit`, author).expect(200);
      await api(t).post(`/stories/${published.id}/consent`, credited, { consent: 'given' }).expect(200);
      const { slug } = (await api(t).post(`/admin/stories/${published.id}/publish`, coordinator).expect(200)).body;
      // Stories of others that credit the author: one published with their consent, one still waiting on it.
      const theirs = await draftStory(t, other, {
        title: 'Our partnership with a mutual',
        memberCredits: [{ userId: author.id, role: 'Partner' }],
      });
      await api(t).post(`/stories/${theirs.id}/submit`, other).expect(200);
      await api(t).post(`/stories/${theirs.id}/consent`, author, { consent: 'given' }).expect(200);
      await api(t).post(`/admin/stories/${theirs.id}/publish`, coordinator).expect(200);
      const waiting = await draftStory(t, other, { title: 'A year of change', memberCredits: [{ userId: author.id, role: 'Adviser' }] });
      await api(t).post(`/stories/${waiting.id}/submit`, other).expect(200);
      await api(t).post(`/stories/${waiting.id}/consent`, author, { consent: 'given' }).expect(200);

      await deleteMe(author);

      await api(t).get(`/stories/by-id/${draft.id}`, coordinator).expect(404);
      await fetchFile(t, coordinator, cover.url).expect(404);
      const kept = (await request(t.url).get(`/api/v1/stories/${slug}`).expect(200)).body;
      expect(kept.author.displayName).toBe('Former member');
      const theirsNow = (await request(t.url).get(`/api/v1/stories/${theirs.slug}`).expect(200)).body;
      expect(theirsNow.memberCredits.map((c: { userId: string }) => c.userId)).not.toContain(author.id);
      // A former member can no longer approve what a story says of them.
      const refused = await api(t).post(`/admin/stories/${waiting.id}/publish`, coordinator).expect(409);
      expect(refused.body.code).toBe('consentMissing');
    });

    it('erases a published story too when asked', async () => {
      const coordinator = await createCoordinator(t);
      const author = await createMember(t);
      const story = await draftStory(t, author, { title: 'Erase me entirely' });
      await api(t).post(`/stories/${story.id}/submit`, author).expect(200);
      const { slug } = (await api(t).post(`/admin/stories/${story.id}/publish`, coordinator).expect(200)).body;
      await deleteMe(author, { password: PASSWORD, erase: true });
      await request(t.url).get(`/api/v1/stories/${slug}`).expect(404);
    });

    it('removes their face, their unused uploads and what their chat messages carried', async () => {
      const [member, other] = [await createMember(t), await createMember(t)];
      const avatar = await uploaded(t, member, 'avatar', await png(), 'me.png');
      await api(t).put('/me/avatar', member, { fileId: avatar.id }).expect(200);
      const unused = await uploaded(t, member, 'attachment', pdf(), 'unused.pdf');
      const attachment = await uploaded(t, member, 'attachment', pdf('Our staff ballot'), 'ballot.pdf');
      const conversationId = (
        await api(t)
          .post('/chat/conversations', member, { kind: 'direct', memberIds: [other.id] })
          .expect(201)
      ).body.id;
      await api(t)
        .post(`/chat/conversations/${conversationId}/messages`, member, {
          clientId: randomUUID(),
          body: 'The ballot',
          attachments: [{ fileId: attachment.id }],
        })
        .expect(201);
      await fetchFile(t, other, avatar.url).expect(200);
      await fetchFile(t, other, attachment.url).expect(200);

      await deleteMe(member);

      await fetchFile(t, other, avatar.url).expect(404);
      await fetchFile(t, other, attachment.url).expect(404);
      const [left] = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM files WHERE id = ANY($1::uuid[])', [[avatar.id, unused.id, attachment.id]]);
      expect(left.n).toBe(0);
    });
  });

  it('are described in the OpenAPI document', async () => {
    const document = await request(t.url).get('/api/docs/openapi.json').expect(200);
    for (const path of [
      '/api/v1/auth/password/forgot',
      '/api/v1/auth/password/reset',
      '/api/v1/auth/email/verify',
      '/api/v1/me/settings',
      '/api/v1/me/export',
    ]) {
      expect(document.body.paths).toHaveProperty([path]);
    }
    expect(document.body.paths['/api/v1/me']).toHaveProperty('delete');
  });

  describe('download my data', () => {
    it('is a JSON attachment of everything held about the member and nothing of anyone else', async () => {
      const { member, other, threadId } = await (async () => {
        const category = await createCategory(t);
        const [a, b] = [await createMember(t), await createMember(t)];
        const thread = await createThread(t, a, category.id, { title: 'Our board', body: 'A post of mine' });
        await reply(t, b, thread.id, 'Somebody else wrote this');
        const conversation = await api(t).post('/chat/conversations', a, { kind: 'direct', memberIds: [b.id] });
        await api(t)
          .post(`/chat/conversations/${conversation.body.id}/messages`, a, { clientId: randomUUID(), body: 'My own message' })
          .expect(201);
        await api(t)
          .post(`/chat/conversations/${conversation.body.id}/messages`, b, { clientId: randomUUID(), body: 'Their private reply' })
          .expect(201);
        await api(t).patch('/me/profile', a, { bio: 'I run a leisure mutual' }).expect(200);
        return { member: a, other: b, threadId: thread.id };
      })();
      const response = await request(t.url).get('/api/v1/me/export').set(member.auth).expect(200);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
      const data = response.body;
      expect(data.account.account).toMatchObject({ id: member.id, email: member.email });
      expect(data.account.account).not.toHaveProperty('password_hash');
      expect(data.profile.profile).toMatchObject({ bio: 'I run a leisure mutual' });
      expect(data.forums.threads).toEqual([expect.objectContaining({ id: threadId, title: 'Our board' })]);
      expect(data.forums.posts.map((p: { body: string }) => p.body)).toEqual(['A post of mine']);
      expect(data.chat.messagesSent.map((m: { body: string }) => m.body)).toEqual(['My own message']);
      const text = JSON.stringify(data);
      expect(text).not.toContain('Somebody else wrote this');
      expect(text).not.toContain('Their private reply');
      expect(text).not.toContain(other.email);
      expect(text).not.toMatch(/token_hash|password/);
      await request(t.url).get('/api/v1/me/export').expect(401);
    });

    it('holds the stories they wrote, the support applications they started and their partnership pitches', async () => {
      const applicant = await createApplicant(t);
      const story = await draftStory(t, applicant, { title: 'Our first year as a mutual' });
      const application = await draftApplication(t, applicant);
      const data = (await request(t.url).get('/api/v1/me/export').set(applicant.auth).expect(200)).body;
      expect(data.stories.written).toEqual([expect.objectContaining({ id: story.id, title: 'Our first year as a mutual' })]);
      expect(data.stories.credited).toEqual([]);
      expect(data.supportApplications).toEqual([expect.objectContaining({ id: application.id, status: 'draft' })]);
      expect(data.partnerships).toEqual({ posted: [], pitches: [] });
      // Someone else's download holds none of it.
      const other = await createMember(t);
      const theirs = JSON.stringify((await request(t.url).get('/api/v1/me/export').set(other.auth).expect(200)).body);
      expect(theirs).not.toContain(story.id);
      expect(theirs).not.toContain(application.id);
    });
  });
});

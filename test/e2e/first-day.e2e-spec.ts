import request from 'supertest';
import { ForumsModerationService } from '@mutuals/forums';
import { createCoordinator, createMember, createOrganisation, type TestMember } from '../support/factories';
import { api, createMentee, createMentor, requestMentoring } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

// Issue 9: what a coordinator and a new member meet on their first day.
describe("a new member's and a coordinator's first day", () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let coordinator: TestMember;
  const put = (path: string, who: TestMember, body: object) => request(t.url).put(`/api/v1${path}`).set(who.auth).send(body);
  beforeAll(async () => {
    t = await startTestApp();
    http = api(t);
    coordinator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('forum categories', () => {
    type Category = { id: string; slug: string; name: string; position: number; archivedAt: string | null };

    it('gives a fresh install the default categories once, never on top of existing ones', async () => {
      const forums = t.app.get(ForumsModerationService);
      await forums.createDefaultCategoriesIfNone();
      await forums.createDefaultCategoriesIfNone();
      const member = await createMember(t);
      const categories = (await http.get('/forums/categories', member).expect(200)).body as Category[];
      expect(categories.map((c) => c.slug)).toEqual(['starting-out', 'business-planning', 'finance', 'people-and-culture', 'success-and-celebrations']);
    });

    it('lets a coordinator create, edit, reorder and archive categories; archived ones are hidden from members and read-only', async () => {
      const member = await createMember(t);
      const created = await http
        .post('/admin/forums/categories', coordinator, { slug: 'housing-mutuals', name: 'Housing', description: 'Housing services' })
        .expect(201);
      const all = (await http.get('/admin/forums/categories', coordinator).expect(200)).body as Category[];
      expect(all.at(-1)!.id).toBe(created.body.id); // a new category goes last

      const edited = await http
        .patch(`/admin/forums/categories/${created.body.id}`, coordinator, { name: 'Housing mutuals', description: 'Tenancy, repairs and stock transfer' })
        .expect(200);
      expect(edited.body).toMatchObject({ slug: 'housing-mutuals', name: 'Housing mutuals', description: 'Tenancy, repairs and stock transfer' });

      const reversed = all.map((c) => c.id).reverse();
      const reordered = (await put('/admin/forums/categories/order', coordinator, { ids: reversed }).expect(200)).body as Category[];
      expect(reordered.map((c) => c.id)).toEqual(reversed);
      await put('/admin/forums/categories/order', coordinator, { ids: reversed.slice(1) }).expect(400);

      const thread = await http
        .post('/forums/threads', member, { categoryId: created.body.id, title: 'Stock transfer ballots', body: 'How did yours go?' })
        .expect(201);
      const archived = await http.post(`/admin/forums/categories/${created.body.id}/archive`, coordinator, { value: true }).expect(200);
      expect(archived.body.archivedAt).not.toBeNull();

      const seen = (await http.get('/forums/categories', member).expect(200)).body as Category[];
      expect(seen.map((c) => c.id)).not.toContain(created.body.id);
      expect(((await http.get('/admin/forums/categories', coordinator).expect(200)).body as Category[]).map((c) => c.id)).toContain(created.body.id);
      await http.get(`/forums/threads/${thread.body.id}`, member).expect(200); // still readable
      const newThread = await http
        .post('/forums/threads', member, { categoryId: created.body.id, title: 'Another one', body: 'Anyone?' })
        .expect(403);
      expect(newThread.body.code).toBe('categoryArchived');
      const reply = await http.post(`/forums/threads/${thread.body.id}/posts`, coordinator, { body: 'Late reply' }).expect(403);
      expect(reply.body.code).toBe('categoryArchived');

      await http.post(`/admin/forums/categories/${created.body.id}/archive`, coordinator, { value: false }).expect(200);
      expect(((await http.get('/forums/categories', member).expect(200)).body as Category[]).map((c) => c.id)).toContain(created.body.id);
    });

    it('keeps category administration to coordinators', async () => {
      const member = await createMember(t);
      await http.get('/admin/forums/categories', member).expect(403);
      await http.post('/admin/forums/categories', member, { slug: 'mine', name: 'Mine', description: '' }).expect(403);
      await put('/admin/forums/categories/order', member, { ids: [] }).expect(403);
      const bad = await http.patch('/admin/forums/categories/not-an-id', coordinator, { name: 'x' }).expect(400);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('a mentor with no place left', () => {
    it('cannot be requested, says so before anyone asks, and is never suggested', async () => {
      const mentor = await createMentor(t, { capacity: 1 });
      const first = await createMentee(t);
      const requestId = await requestMentoring(t, first, mentor);
      const before = await http.get(`/mentoring/mentors/${mentor.id}/availability`, first).expect(200);
      expect(before.body).toEqual({ mentorId: mentor.id, offers: true, capacity: 1, activeMentorships: 0, placesLeft: 1 });
      await http.post(`/mentoring/requests/${requestId}/accept`, mentor).expect(200);

      const second = await createMentee(t);
      const after = await http.get(`/mentoring/mentors/${mentor.id}/availability`, second).expect(200);
      expect(after.body).toMatchObject({ capacity: 1, activeMentorships: 1, placesLeft: 0 });
      const refused = await http.post('/mentoring/requests', second, { mentorId: mentor.id, message: 'Could you help us?' }).expect(409);
      expect(refused.body.code).toBe('mentorFull');
      expect(refused.body.detail).toMatch(/no place left/);
      const suggestions = (await http.get('/mentoring/suggestions?limit=50', second).expect(200)).body as { mentor: { id: string } }[];
      expect(suggestions.map((s) => s.mentor.id)).not.toContain(mentor.id);
    });
  });

  describe('mentions', () => {
    it('open the member page: /members/@handle reaches the member', async () => {
      const member = await createMember(t);
      const reader = await createMember(t);
      const byMention = await request(t.url).get(`/api/v1/members/%40${member.handle}`).set(reader.auth).expect(200);
      expect(byMention.body.id).toBe(member.id);
      expect((await http.get(`/members/${member.handle.toUpperCase()}`, reader).expect(200)).body.id).toBe(member.id);
      await http.get('/members/@nobody-by-that-name', reader).expect(404);
      const bad = await http.get('/members/@a', reader).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'id', message: 'must be a member id or @handle' }]);
    });

    it('link a forum mention to /members/@handle', async () => {
      const mentioned = await createMember(t);
      const author = await createMember(t);
      const [category] = (await http.get('/forums/categories', author).expect(200)).body as { id: string }[];
      const thread = await http
        .post('/forums/threads', author, { categoryId: category!.id, title: 'Hello there', body: `Thanks @${mentioned.handle}!` })
        .expect(201);
      expect(thread.body.firstPost.bodyHtml).toContain(`href="/members/@${mentioned.handle}"`);
    });
  });

  describe('matching rounds', () => {
    it('keeps a history of rounds and sends requests that read as a message from the programme', async () => {
      const mentor = await createMentor(t, { displayName: 'Gwen Harper', capacity: 3 });
      const mentee = await createMentee(t, { displayName: 'Ravi Shah' });
      await createOrganisation(t, mentee, { name: 'Saltmarsh Care', kind: 'aspiring' });
      const round = await http.post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id] }).expect(201);
      expect(round.body.proposals).toHaveLength(1);

      const listed = await http.get('/admin/matching/rounds', coordinator).expect(200);
      expect(listed.body.items[0]).toMatchObject({
        id: round.body.id,
        createdBy: { id: coordinator.id },
        appliedAt: null,
        appliedBy: null,
        proposals: 1,
        requestsSent: 0,
      });

      await http.post(`/admin/matching/rounds/${round.body.id}/apply`, coordinator).expect(200);
      const history = await http.get('/admin/matching/rounds', coordinator).expect(200);
      expect(history.body.items[0]).toMatchObject({ id: round.body.id, appliedBy: { id: coordinator.id, displayName: coordinator.displayName }, requestsSent: 1 });
      expect(history.body.items[0].appliedAt).not.toBeNull();

      const incoming = await http.get('/mentoring/requests?box=incoming', mentor).expect(200);
      const message = incoming.body.items[0].message as string;
      expect(message).toMatch(/^The programme's coordinators suggest Gwen Harper as a mentor for Ravi Shah of Saltmarsh Care, because of /);
      expect(message).not.toMatch(/score/i);
      await http.get('/admin/matching/rounds', mentor).expect(403);
    });
  });

  describe('rejecting and reinstating', () => {
    const login = (email: string) => request(t.url).post('/api/v1/auth/login').send({ email, password: 'correct horse battery' });

    it('rejects an applicant with a reason they are shown when they sign in', async () => {
      const applicant = await createMember(t, { status: 'pending' });
      const bad = await http.post(`/admin/members/${applicant.id}/reject`, coordinator, {}).expect(400);
      expect(new Set(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
      const rejected = await http
        .post(`/admin/members/${applicant.id}/reject`, coordinator, { reason: 'The programme is for organisations based in England.' })
        .expect(200);
      expect(rejected.body.status).toBe('rejected');
      await http.get('/me', applicant).expect(401); // the session ended with the rejection
      const signIn = await login(applicant.email).expect(403);
      expect(signIn.body.code).toBe('applicationRejected');
      expect(signIn.body.detail).toContain('The programme is for organisations based in England.');
      const queue = await http.get('/admin/members?status=rejected', coordinator).expect(200);
      expect(queue.body.items.map((m: { id: string }) => m.id)).toContain(applicant.id);
      // Only an application awaiting approval can be rejected.
      const active = await createMember(t);
      expect((await http.post(`/admin/members/${active.id}/reject`, coordinator, { reason: 'Not a public service.' }).expect(409)).body.code).toBe(
        'invalidTransition',
      );
    });

    it('tells a wrong password apart from nothing: a rejected account with a wrong password is just a bad sign-in', async () => {
      const applicant = await createMember(t, { status: 'pending' });
      await http.post(`/admin/members/${applicant.id}/reject`, coordinator, { reason: 'Outside the programme.' }).expect(200);
      const wrong = await request(t.url).post('/api/v1/auth/login').send({ email: applicant.email, password: 'not the password' }).expect(401);
      expect(wrong.body.detail).not.toContain('Outside the programme');
    });

    it('reinstates a suspended member', async () => {
      const member = await createMember(t);
      await http.post(`/admin/members/${member.id}/suspend`, coordinator).expect(200);
      await login(member.email).expect(401);
      const back = await http.post(`/admin/members/${member.id}/reinstate`, coordinator).expect(200);
      expect(back.body.status).toBe('active');
      await login(member.email).expect(200);
      await http.post(`/admin/members/${member.id}/reinstate`, coordinator).expect(409);
    });
  });

  describe('joining an existing organisation', () => {
    it('lets a new member find an organisation and ask to join; a current member approves and is told', async () => {
      const founder = await createMember(t);
      const organisation = await createOrganisation(t, founder, { name: 'Kingsmead Community Health CIC' });
      const newcomer = await createMember(t, { status: 'pending', displayName: 'Nia Brooks' });

      const found = await http.get('/organisations?q=kingsmead', newcomer).expect(200);
      expect(found.body.map((o: { id: string }) => o.id)).toEqual([organisation.id]);
      await http.get('/organisations?q=k', newcomer).expect(400);

      const asked = await http.post(`/organisations/${organisation.id}/join-requests`, newcomer).expect(201);
      expect(asked.body).toMatchObject({ status: 'pending', organisation: { id: organisation.id }, member: { id: newcomer.id } });
      expect((await http.post(`/organisations/${organisation.id}/join-requests`, newcomer).expect(409)).body.code).toBe('joinRequestPending');

      const notifications = await http.get('/notifications', founder).expect(200);
      expect(notifications.body.items.map((n: { title: string }) => n.title)).toContain('Nia Brooks asked to join Kingsmead Community Health CIC');
      const toDecide = await http.get('/organisation-join-requests?box=to-decide', founder).expect(200);
      expect(toDecide.body.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);

      const outsider = await createMember(t);
      expect((await http.get('/organisation-join-requests?box=to-decide', outsider).expect(200)).body).toEqual([]);
      await http.post(`/organisation-join-requests/${asked.body.id}/approve`, outsider).expect(404);

      const approved = await http.post(`/organisation-join-requests/${asked.body.id}/approve`, founder).expect(200);
      expect(approved.body.status).toBe('approved');
      await http.post(`/organisation-join-requests/${asked.body.id}/decline`, founder).expect(409);
      const me = await http.get('/me', newcomer).expect(200);
      expect(me.body.profile.organisation).toMatchObject({ id: organisation.id, name: 'Kingsmead Community Health CIC' });
      const told = await http.get('/notifications', newcomer).expect(200);
      expect(told.body.items.map((n: { title: string }) => n.title)).toContain('You are now a member of Kingsmead Community Health CIC');
      expect((await http.post(`/organisations/${organisation.id}/join-requests`, newcomer).expect(409)).body.code).toBe('alreadyInOrganisation');
    });

    it('lets a coordinator decide, and the applicant withdraw', async () => {
      const founder = await createMember(t);
      const organisation = await createOrganisation(t, founder);
      const newcomer = await createMember(t, { status: 'pending' });
      const first = await http.post(`/organisations/${organisation.id}/join-requests`, newcomer).expect(201);
      await http.post(`/organisation-join-requests/${first.body.id}/withdraw`, newcomer).expect(200);
      const second = await http.post(`/organisations/${organisation.id}/join-requests`, newcomer).expect(201);
      const pending = await http.get('/organisation-join-requests?box=to-decide', coordinator).expect(200);
      expect(pending.body.map((r: { id: string }) => r.id)).toContain(second.body.id);
      expect((await http.post(`/organisation-join-requests/${second.body.id}/decline`, coordinator).expect(200)).body.status).toBe('declined');
      const mine = await http.get('/organisation-join-requests?box=mine', newcomer).expect(200);
      expect(mine.body.map((r: { status: string }) => r.status)).toEqual(['declined', 'withdrawn']);
    });
  });
});

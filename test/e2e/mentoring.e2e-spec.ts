import { randomUUID } from 'node:crypto';
import { MentoringRequestsService } from '@mutuals/matching';
import { createCoordinator, createMember } from '../support/factories';
import { api, createMentee, createMentor, requestMentoring, startMentorship } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;

describe('mentoring requests and mentorships', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await startTestApp();
    http = api(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('requests', () => {
    it('creates a pending request that expires in two weeks and shows in both boxes', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const response = await http
        .post('/mentoring/requests', mentee, { mentorId: mentor.id, message: 'Hello', goals: ['Business case by March'] })
        .expect(201);
      expect(response.body).toMatchObject({
        status: 'pending',
        message: 'Hello',
        goals: ['Business case by March'],
        mentor: { id: mentor.id },
        mentee: { id: mentee.id },
        roundId: null,
      });
      const lifetime = Date.parse(response.body.expiresAt) - Date.parse(response.body.createdAt);
      expect(Math.round(lifetime / DAY)).toBe(14);
      const incoming = await http.get('/mentoring/requests?box=incoming', mentor).expect(200);
      expect(incoming.body.items.map((r: { id: string }) => r.id)).toEqual([response.body.id]);
      const outgoing = await http.get('/mentoring/requests?box=outgoing', mentee).expect(200);
      expect(outgoing.body.items.map((r: { id: string }) => r.id)).toEqual([response.body.id]);
      expect((await http.get('/mentoring/requests?box=incoming', mentee).expect(200)).body.items).toEqual([]);
    });

    it('lists every bad field of a request', async () => {
      const mentee = await createMentee(t);
      const response = await http.post('/mentoring/requests', mentee, { mentorId: 'nope', message: '', goals: 'x', extra: 1 }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['mentorId', 'message', 'goals', 'extra']),
      );
      await http.get('/mentoring/requests?box=sideways', mentee).expect(400);
    });

    it('refuses a request to someone who does not offer mentoring, or to yourself', async () => {
      const mentee = await createMentee(t);
      const other = await createMember(t);
      const notMentor = await http.post('/mentoring/requests', mentee, { mentorId: other.id, message: 'Hi' }).expect(400);
      expect(notMentor.body.errors).toEqual([{ field: 'mentorId', message: 'does not offer mentoring' }]);
      await http.post('/mentoring/requests', mentee, { mentorId: randomUUID(), message: 'Hi' }).expect(400);
      const mentor = await createMentor(t);
      await http.post('/mentoring/requests', mentor, { mentorId: mentor.id, message: 'Hi' }).expect(400);
    });

    it('forbids a pending member from requesting mentoring', async () => {
      const mentor = await createMentor(t);
      const pending = await createMember(t, { status: 'pending' });
      const response = await http.post('/mentoring/requests', pending, { mentorId: mentor.id, message: 'Hi' }).expect(403);
      expect(response.body.detail).toMatch(/approval/i);
      expect(response.body.code).toBe('awaitingApproval');
    });

    it('refuses a second open request to the same mentor', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      await requestMentoring(t, mentee, mentor);
      const response = await http.post('/mentoring/requests', mentee, { mentorId: mentor.id, message: 'Again' }).expect(409);
      expect(response.body.detail).toMatch(/already have an open request/);
      expect(response.body.code).toBe('duplicateRequest');
    });

    it('allows a new request to the same mentor once the first is withdrawn', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const first = await requestMentoring(t, mentee, mentor);
      await http.post(`/mentoring/requests/${first}/withdraw`, mentee).expect(200);
      await requestMentoring(t, mentee, mentor);
    });

    it('caps a mentee at three open requests', async () => {
      const mentee = await createMentee(t);
      const mentors = await Promise.all([1, 2, 3, 4].map(() => createMentor(t)));
      for (const mentor of mentors.slice(0, 3)) await requestMentoring(t, mentee, mentor);
      const response = await http.post('/mentoring/requests', mentee, { mentorId: mentors[3].id, message: 'Fourth' }).expect(409);
      expect(response.body.detail).toMatch(/3 open requests/);
      expect(response.body.code).toBe('tooManyOpenRequests');
    });

    it('holds the cap when four requests race', async () => {
      const mentee = await createMentee(t);
      const mentors = await Promise.all([1, 2, 3, 4, 5].map(() => createMentor(t)));
      const statuses = (
        await Promise.all(mentors.map((m) => http.post('/mentoring/requests', mentee, { mentorId: m.id, message: 'Race' })))
      ).map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(3);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    });

    it('lets only the mentor decline, with a reason the mentee sees', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const id = await requestMentoring(t, mentee, mentor);
      await http.post(`/mentoring/requests/${id}/decline`, mentee, { reason: 'no' }).expect(403);
      await http.post(`/mentoring/requests/${id}/decline`, mentor, { reason: 'x'.repeat(1001) }).expect(400);
      const declined = await http.post(`/mentoring/requests/${id}/decline`, mentor, { reason: 'Full until spring' }).expect(200);
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Full until spring' });
      expect(declined.body.decidedAt).toEqual(expect.any(String));
      await http.post(`/mentoring/requests/${id}/accept`, mentor).expect(409);
      await http.post(`/mentoring/requests/${id}/withdraw`, mentee).expect(409);
    });

    it('lets only the mentee withdraw, and a withdrawn request cannot be accepted', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const id = await requestMentoring(t, mentee, mentor);
      await http.post(`/mentoring/requests/${id}/withdraw`, mentor).expect(403);
      const withdrawn = await http.post(`/mentoring/requests/${id}/withdraw`, mentee).expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const accept = await http.post(`/mentoring/requests/${id}/accept`, mentor).expect(409);
      expect(accept.body.detail).toMatch(/withdrawn/);
      expect(accept.body.code).toBe('requestNotPending');
    });

    it('hides a request from anyone outside the pair', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const stranger = await createMentor(t);
      const id = await requestMentoring(t, mentee, mentor);
      await http.post(`/mentoring/requests/${id}/accept`, stranger).expect(404);
      await http.post(`/mentoring/requests/${id}/decline`, stranger).expect(404);
      await http.post(`/mentoring/requests/${id}/withdraw`, stranger).expect(404);
      await http.post(`/mentoring/requests/${randomUUID()}/accept`, mentor).expect(404);
      await http.post('/mentoring/requests/not-a-uuid/accept', mentor).expect(400);
    });

    it('pages a box with a cursor, newest first', async () => {
      const mentor = await createMentor(t);
      const mentees = await Promise.all([1, 2, 3].map(() => createMentee(t)));
      const ids: string[] = [];
      for (const mentee of mentees) ids.push(await requestMentoring(t, mentee, mentor));
      const first = await http.get('/mentoring/requests?box=incoming&limit=2', mentor).expect(200);
      expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
      const second = await http.get(`/mentoring/requests?box=incoming&limit=2&cursor=${first.body.nextCursor}`, mentor).expect(200);
      expect(second.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    });
  });

  describe('expiry', () => {
    it('reminds the mentor once, three days before, then expires the request', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const id = await requestMentoring(t, mentee, mentor);
      const sweeper = t.app.get(MentoringRequestsService);
      await sweeper.sweep(new Date(Date.now() + 10 * DAY));
      const reminded = await sweeper.sweep(new Date(Date.now() + 12 * DAY));
      expect(reminded.reminded).toBeGreaterThanOrEqual(1);
      const again = await sweeper.sweep(new Date(Date.now() + 12.5 * DAY));
      expect(again.reminded).toBe(0);
      const notifications = await http.get('/notifications', mentor).expect(200);
      expect(notifications.body.items.filter((n: { kind: string }) => n.kind === 'mentoring.expiring')).toHaveLength(1);

      await sweeper.sweep(new Date(Date.now() + 15 * DAY));
      const outgoing = await http.get('/mentoring/requests?box=outgoing', mentee).expect(200);
      expect(outgoing.body.items).toMatchObject([{ id, status: 'expired' }]);
      const accept = await http.post(`/mentoring/requests/${id}/accept`, mentor).expect(409);
      expect(accept.body.detail).toMatch(/expired/);
      expect(accept.body.code).toBe('requestNotPending');
    });
  });

  describe('accepting', () => {
    it('opens a mentorship both sides see, and the request links to it', async () => {
      const { mentor, mentee, requestId, mentorshipId } = await startMentorship(t);
      for (const who of [mentor, mentee]) {
        const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, who).expect(200);
        expect(view.body).toMatchObject({
          id: mentorshipId,
          status: 'active',
          mentor: { id: mentor.id },
          mentee: { id: mentee.id },
          requestId,
          goals: [],
          sessions: [],
        });
        expect(view.body).toHaveProperty('conversationId');
        const list = await http.get('/mentoring/mentorships', who).expect(200);
        expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([mentorshipId]);
      }
      const outgoing = await http.get('/mentoring/requests?box=outgoing', mentee).expect(200);
      expect(outgoing.body.items).toMatchObject([{ id: requestId, status: 'accepted', mentorshipId }]);
      await http.post('/mentoring/requests', mentee, { mentorId: mentor.id, message: 'More?' }).expect(409);
    });

    it("turns the goals of the request into the mentorship's first goals", async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const request = await http
        .post('/mentoring/requests', mentee, { mentorId: mentor.id, message: 'Hi', goals: ['Business case approved', 'Board recruited'] })
        .expect(201);
      const mentorship = await http.post(`/mentoring/requests/${request.body.id}/accept`, mentor).expect(200);
      expect(mentorship.body.goals.map((g: { title: string; status: string }) => [g.title, g.status])).toEqual(
        expect.arrayContaining([
          ['Business case approved', 'open'],
          ['Board recruited', 'open'],
        ]),
      );
      expect(mentorship.body.progress.goalCount).toBe(2);
    });

    it('lets only the mentor accept', async () => {
      const mentor = await createMentor(t);
      const mentee = await createMentee(t);
      const id = await requestMentoring(t, mentee, mentor);
      await http.post(`/mentoring/requests/${id}/accept`, mentee).expect(403);
    });

    it('answers 409 capacity full once the mentor has as many mentees as offered', async () => {
      const mentor = await createMentor(t, { capacity: 1 });
      const [a, b] = await Promise.all([createMentee(t), createMentee(t)]);
      const first = await requestMentoring(t, a, mentor);
      const second = await requestMentoring(t, b, mentor);
      await http.post(`/mentoring/requests/${first}/accept`, mentor).expect(200);
      const full = await http.post(`/mentoring/requests/${second}/accept`, mentor).expect(409);
      expect(full.body.detail).toMatch(/capacity full/i);
      expect(full.body.code).toBe('capacityFull');
      const still = await http.get('/mentoring/requests?box=incoming&status=pending', mentor).expect(200);
      expect(still.body.items.map((r: { id: string }) => r.id)).toEqual([second]);
    });

    it('holds capacity 2 against 50 accepts at the same moment: exactly 2 mentorships and 48 answers of 409', async () => {
      const mentor = await createMentor(t, { capacity: 2 });
      const mentees = await Promise.all(Array.from({ length: 50 }, () => createMember(t)));
      const ids = await Promise.all(mentees.map((mentee) => requestMentoring(t, mentee, mentor)));
      const answers = await Promise.all(ids.map((id) => http.post(`/mentoring/requests/${id}/accept`, mentor)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(2);
      expect(statuses.filter((s) => s === 409)).toHaveLength(48);
      const mentorships = await http.get('/mentoring/mentorships?limit=100', mentor).expect(200);
      expect(mentorships.body.items).toHaveLength(2);
      const pending = await http.get('/mentoring/requests?box=incoming&status=pending&limit=100', mentor).expect(200);
      expect(pending.body.items).toHaveLength(48);
    });

    it('frees the place when a mentorship closes', async () => {
      const mentor = await createMentor(t, { capacity: 1 });
      const [a, b] = await Promise.all([createMentee(t), createMentee(t)]);
      const first = await requestMentoring(t, a, mentor);
      const second = await requestMentoring(t, b, mentor);
      const mentorship = await http.post(`/mentoring/requests/${first}/accept`, mentor).expect(200);
      await http
        .post(`/mentoring/mentorships/${mentorship.body.id}/close`, a, { outcome: 'goals-met', rating: 5, feedback: 'Great' })
        .expect(200);
      await http.post(`/mentoring/requests/${second}/accept`, mentor).expect(200);
    });
  });

  describe('the mentorship', () => {
    it('keeps goals that either side adds and updates', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const goal = await http
        .post(`/mentoring/mentorships/${mentorshipId}/goals`, mentee, { title: 'Options appraisal signed off' })
        .expect(201);
      expect(goal.body).toMatchObject({ title: 'Options appraisal signed off', status: 'open' });
      const updated = await http
        .patch(`/mentoring/mentorships/${mentorshipId}/goals/${goal.body.id}`, mentor, { status: 'in-progress' })
        .expect(200);
      expect(updated.body).toMatchObject({ title: 'Options appraisal signed off', status: 'in-progress' });
      await http.patch(`/mentoring/mentorships/${mentorshipId}/goals/${goal.body.id}`, mentor, { status: 'finished' }).expect(400);
      await http.post(`/mentoring/mentorships/${mentorshipId}/goals`, mentee, { title: '' }).expect(400);
      await http.patch(`/mentoring/mentorships/${mentorshipId}/goals/${randomUUID()}`, mentor, { status: 'done' }).expect(404);
      const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, mentor).expect(200);
      expect(view.body.goals).toMatchObject([{ id: goal.body.id, status: 'in-progress' }]);
      expect(view.body.progress).toMatchObject({ goalCount: 1, goalsDone: 0 });
    });

    it('logs sessions, tells the other side, and counts hours', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const heldAt = new Date(Date.now() - DAY).toISOString();
      const session = await http
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, {
          heldAt,
          durationMinutes: 90,
          notes: 'Walked through TUPE',
          nextSteps: 'Draft the staff consultation',
        })
        .expect(201);
      expect(session.body).toMatchObject({
        heldAt,
        durationMinutes: 90,
        notes: 'Walked through TUPE',
        nextSteps: 'Draft the staff consultation',
        loggedBy: mentor.id,
      });
      const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, mentee).expect(200);
      expect(view.body.sessions).toMatchObject([{ id: session.body.id }]);
      expect(view.body.progress).toMatchObject({ sessionCount: 1, hours: 1.5, lastSessionAt: heldAt });
      const feed = await http.get('/notifications', mentee).expect(200);
      expect(feed.body.items.map((n: { kind: string }) => n.kind)).toContain('mentoring.session');
    });

    it('refuses bad session logs, listing each field', async () => {
      const { mentor, mentorshipId } = await startMentorship(t);
      const bad = await http
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, { heldAt: 'yesterday', durationMinutes: 0, notes: '' })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['heldAt', 'durationMinutes', 'notes']),
      );
      const future = await http
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, {
          heldAt: new Date(Date.now() + 2 * DAY).toISOString(),
          durationMinutes: 30,
          notes: 'x',
        })
        .expect(400);
      expect(future.body.errors).toEqual([{ field: 'heldAt', message: 'is in the future' }]);
    });

    it('gives a third member 404 on every mentorship route', async () => {
      const { mentorshipId } = await startMentorship(t);
      const stranger = await createMember(t);
      const base = `/mentoring/mentorships/${mentorshipId}`;
      await http.get(base, stranger).expect(404);
      await http.post(`${base}/goals`, stranger, { title: 'Mine now' }).expect(404);
      await http.patch(`${base}/goals/${randomUUID()}`, stranger, { status: 'done' }).expect(404);
      await http.post(`${base}/sessions`, stranger, { heldAt: new Date().toISOString(), durationMinutes: 30, notes: 'x' }).expect(404);
      await http.post(`${base}/fit-check`, stranger, { goodFit: true }).expect(404);
      await http.post(`${base}/close`, stranger, { outcome: 'goals-met', rating: 5, feedback: 'x' }).expect(404);
      await http.get(`/mentoring/mentorships/${randomUUID()}`, stranger).expect(404);
      expect((await http.get('/mentoring/mentorships', stranger).expect(200)).body.items).toEqual([]);
    });

    it('shows a coordinator status and counts but no goals or notes, and no way to write', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      await http.post(`/mentoring/mentorships/${mentorshipId}/goals`, mentee, { title: 'Secret goal' }).expect(201);
      await http
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, {
          heldAt: new Date().toISOString(),
          durationMinutes: 60,
          notes: 'Private notes',
        })
        .expect(201);
      const coordinator = await createCoordinator(t);
      const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, coordinator).expect(200);
      expect(view.body).toMatchObject({
        viewerRole: 'coordinator',
        goals: [],
        sessions: [],
        progress: { goalCount: 1, sessionCount: 1, hours: 1 },
      });
      expect(JSON.stringify(view.body)).not.toMatch(/Secret goal|Private notes/);
      await http.post(`/mentoring/mentorships/${mentorshipId}/goals`, coordinator, { title: 'x' }).expect(403);
      const admin = await http.get('/admin/mentoring/mentorships?limit=100', coordinator).expect(200);
      const row = admin.body.items.find((m: { id: string }) => m.id === mentorshipId);
      expect(row).toMatchObject({ status: 'active', progress: { goalCount: 1, sessionCount: 1 } });
      expect(JSON.stringify(admin.body)).not.toMatch(/Secret goal|Private notes/);
      await http.get('/admin/mentoring/mentorships', mentor).expect(403);
    });

    it('opens the fit check after the first session and flags a poor fit for the coordinator', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const base = `/mentoring/mentorships/${mentorshipId}`;
      await http.post(`${base}/fit-check`, mentee, { goodFit: false }).expect(409);
      await http.post(`${base}/fit-check`, mentee, { goodFit: 'no' }).expect(400);
      await http
        .post(`${base}/sessions`, mentor, { heldAt: new Date().toISOString(), durationMinutes: 45, notes: 'First chat' })
        .expect(201);
      await http.post(`${base}/fit-check`, mentor, { goodFit: true }).expect(200);
      const answered = await http
        .post(`${base}/fit-check`, mentee, { goodFit: false, comment: 'We need someone with housing experience' })
        .expect(200);
      expect(answered.body.fitCheck).toEqual({
        mentor: { goodFit: true, comment: null },
        mentee: { goodFit: false, comment: 'We need someone with housing experience' },
        flagged: true,
      });
      const coordinator = await createCoordinator(t);
      const flagged = await http.get('/admin/mentoring/mentorships?flagged=true&limit=100', coordinator).expect(200);
      expect(flagged.body.items.map((m: { id: string }) => m.id)).toContain(mentorshipId);
    });

    it('lets a mentee in a poor fit ask another mentor beyond the cap', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const others = await Promise.all([1, 2, 3, 4, 5].map(() => createMentor(t)));
      for (const other of others.slice(0, 3)) await requestMentoring(t, mentee, other);
      await http.post('/mentoring/requests', mentee, { mentorId: others[3].id, message: 'x' }).expect(409);
      await http
        .post(`/mentoring/mentorships/${mentorshipId}/sessions`, mentor, {
          heldAt: new Date().toISOString(),
          durationMinutes: 45,
          notes: 'First chat',
        })
        .expect(201);
      await http.post(`/mentoring/mentorships/${mentorshipId}/fit-check`, mentee, { goodFit: false }).expect(200);
      await requestMentoring(t, mentee, others[3]);
      await http.post('/mentoring/requests', mentee, { mentorId: others[4].id, message: 'x' }).expect(409);
    });

    it('closes with outcome, rating and feedback, once, and then refuses changes', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const base = `/mentoring/mentorships/${mentorshipId}`;
      const bad = await http.post(`${base}/close`, mentee, { outcome: 'great', rating: 6 }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['outcome', 'rating', 'feedback']));
      const closed = await http
        .post(`${base}/close`, mentee, { outcome: 'goals-met', rating: 4, feedback: 'Business case approved' })
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', outcome: 'goals-met', rating: 4, feedback: 'Business case approved' });
      expect(closed.body.closedAt).toEqual(expect.any(String));
      await http.post(`${base}/close`, mentor, { outcome: 'goals-met', rating: 4, feedback: 'again' }).expect(409);
      await http.post(`${base}/goals`, mentor, { title: 'Late goal' }).expect(409);
      await http.post(`${base}/sessions`, mentor, { heldAt: new Date().toISOString(), durationMinutes: 30, notes: 'x' }).expect(409);
      const feed = await http.get('/notifications', mentor).expect(200);
      expect(feed.body.items.map((n: { kind: string }) => n.kind)).toContain('mentoring.closed');
    });
  });
});

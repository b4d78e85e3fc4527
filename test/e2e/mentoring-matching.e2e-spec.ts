import { randomUUID } from 'node:crypto';
import { ProfilesService } from '@mutuals/profiles';
import { createCoordinator, createMember, createOrganisation, setProfile } from '../support/factories';
import { api, createMentee, createMentor, requestMentoring, startMentorship } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

// Each test uses a sector and region of its own so that mentors made by other tests score lower.
describe('mentoring suggestions and matching rounds', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await startTestApp();
    http = api(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('suggestions', () => {
    it('suggests the best-fitting mentor first, with a score its reasons add up to', async () => {
      const best = await createMentor(t, {
        sectors: ['libraries'],
        region: 'wales',
        expertise: ['bid-writing', 'social-value'],
        stageReached: 'spun-out',
      });
      const weaker = await createMentor(t, {
        sectors: ['arts-culture'],
        region: 'scotland',
        expertise: ['bid-writing'],
        stageReached: 'growing',
      });
      const mentee = await createMentee(t, {
        sectors: ['libraries'],
        region: 'wales',
        needs: ['bid-writing', 'social-value'],
        stage: 'business-case',
      });
      const response = await http.get('/mentoring/suggestions?limit=50', mentee).expect(200);
      const ids = response.body.map((s: { mentor: { id: string } }) => s.mentor.id);
      expect(ids.indexOf(best.id)).toBe(0);
      expect(ids.indexOf(weaker.id)).toBeGreaterThan(0);
      const top = response.body[0];
      expect(top.score).toBeGreaterThan(0);
      expect(top.score).toBeLessThanOrEqual(100);
      expect(top.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0)).toBe(top.score);
      expect(top.reasons.map((r: { factor: string }) => r.factor)).toEqual(expect.arrayContaining(['needs', 'sector', 'region']));
      expect(top.mentor).toMatchObject({ id: best.id, displayName: expect.any(String) });
      const scores = response.body.map((s: { score: number }) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('leaves out mentors already asked, full mentors and the mentee themself', async () => {
      const asked = await createMentor(t, { sectors: ['fire-rescue'], region: 'north-east' });
      const full = await createMentor(t, { sectors: ['fire-rescue'], region: 'north-east', capacity: 1 });
      const mentee = await createMentee(t, { sectors: ['fire-rescue'], region: 'north-east' });
      await setProfile(t, mentee, { mentor: { offers: true, capacity: 2, expertise: ['business-planning'], stageReached: 'exploring' } });
      const before = (await http.get('/mentoring/suggestions?limit=50', mentee).expect(200)).body.map(
        (s: { mentor: { id: string } }) => s.mentor.id,
      );
      expect(before).toEqual(expect.arrayContaining([asked.id, full.id]));
      expect(before).not.toContain(mentee.id);
      await requestMentoring(t, mentee, asked);
      const someone = await createMentee(t);
      const id = await requestMentoring(t, someone, full);
      await http.post(`/mentoring/requests/${id}/accept`, full).expect(200);
      const after = (await http.get('/mentoring/suggestions?limit=50', mentee).expect(200)).body.map(
        (s: { mentor: { id: string } }) => s.mentor.id,
      );
      expect(after).not.toContain(asked.id);
      expect(after).not.toContain(full.id);
    });

    it('never suggests a mentor who declined the mentee', async () => {
      const mentor = await createMentor(t, { sectors: ['probation-justice'], region: 'london' });
      const mentee = await createMentee(t, { sectors: ['probation-justice'], region: 'london' });
      const id = await requestMentoring(t, mentee, mentor);
      await http.post(`/mentoring/requests/${id}/decline`, mentor, { reason: 'Not my field' }).expect(200);
      const ids = (await http.get('/mentoring/suggestions?limit=50', mentee).expect(200)).body.map(
        (s: { mentor: { id: string } }) => s.mentor.id,
      );
      expect(ids).not.toContain(mentor.id);
    });

    it('validates the limit and answers an empty list to a member who seeks nothing', async () => {
      const member = await createMember(t);
      await http.get('/mentoring/suggestions?limit=0', member).expect(400);
      await http.get('/mentoring/suggestions?limit=abc', member).expect(400);
      expect((await http.get('/mentoring/suggestions', member).expect(200)).body).toEqual([]);
    });

    it('describes the weights to any member', async () => {
      const member = await createMember(t);
      const response = await http.get('/mentoring/weights', member).expect(200);
      expect(response.body.version).toEqual(expect.any(String));
      expect(response.body.factors.map((f: { factor: string }) => f.factor)).toEqual(
        expect.arrayContaining(['sector', 'needs', 'stage', 'region', 'rarity', 'load']),
      );
      expect(response.body.factors.reduce((sum: number, f: { maxPoints: number }) => sum + f.maxPoints, 0)).toBe(100);
    });
  });

  describe('accepting opens the chat', () => {
    it('stores the conversation the chat lib opens for the pair', async () => {
      const { mentor, mentee, mentorshipId } = await startMentorship(t);
      const view = await http.get(`/mentoring/mentorships/${mentorshipId}`, mentee).expect(200);
      expect(view.body.conversationId).toEqual(expect.any(String));
      const conversations = await http.get('/chat/conversations', mentor).expect(200);
      const list = Array.isArray(conversations.body) ? conversations.body : conversations.body.items;
      expect(list.map((c: { id: string }) => c.id)).toContain(view.body.conversationId);
    });
  });

  describe('rounds', () => {
    it('proposes an assignment with no mentor over capacity and no mentee twice', async () => {
      const coordinator = await createCoordinator(t);
      const region = 'east-midlands';
      const mentors = await Promise.all([1, 2].map(() => createMentor(t, { sectors: ['housing'], region, capacity: 1 })));
      const mentees = await Promise.all([1, 2, 3].map(() => createMentee(t, { sectors: ['housing'], region })));
      const response = await http.post('/admin/matching/rounds', coordinator, { menteeIds: mentees.map((m) => m.id) }).expect(201);
      const { proposals, unmatched, unmatchedReasons, totalScore, fairness } = response.body;
      expect(response.body.id).toEqual(expect.any(String));
      expect(new Set(proposals.map((p: { menteeId: string }) => p.menteeId)).size).toBe(proposals.length);
      const perMentor = new Map<string, number>();
      for (const p of proposals) perMentor.set(p.mentorId, (perMentor.get(p.mentorId) ?? 0) + 1);
      for (const [mentorId, count] of perMentor) {
        const capacity = mentors.some((m) => m.id === mentorId) ? 1 : Infinity;
        expect(count).toBeLessThanOrEqual(capacity);
      }
      expect(proposals.length + unmatched.length).toBe(3);
      expect(unmatchedReasons.map((u: { menteeId: string }) => u.menteeId)).toEqual(unmatched);
      for (const u of unmatchedReasons) expect(u.reason).toEqual(expect.any(String));
      expect(totalScore).toBe(proposals.reduce((sum: number, p: { score: number }) => sum + p.score, 0));
      expect(totalScore).toBeGreaterThanOrEqual(response.body.greedyTotalScore);
      expect(fairness).toMatchObject({
        worstScore: expect.any(Number),
        p10Score: expect.any(Number),
        bySector: expect.any(Array),
        byRegion: expect.any(Array),
      });
      for (const p of proposals) expect(response.body.people[p.mentorId]).toMatchObject({ id: p.mentorId });

      const again = await http.get(`/admin/matching/rounds/${response.body.id}`, coordinator).expect(200);
      expect(again.body).toMatchObject({ id: response.body.id, totalScore, appliedAt: null });
    });

    it('never proposes or suggests a mentor who covers none of the needs, and reports needs coverage', async () => {
      const coordinator = await createCoordinator(t);
      // Same sector, region and a stage ahead, but none of the mentee's one need; the expertise of
      // both mentors here covers no need other tests state, so they are never proposed elsewhere.
      const closeButNoHelp = await createMentor(t, {
        sectors: ['sport-leisure'],
        region: 'south-west',
        stageReached: 'spun-out',
        expertise: ['marketing-brand'],
      });
      const mentee = await createMentee(t, { sectors: ['sport-leisure'], region: 'south-west', needs: ['back-office-it'] });
      const suggestions = (await http.get('/mentoring/suggestions?limit=50', mentee).expect(200)).body.map(
        (s: { mentor: { id: string } }) => s.mentor.id,
      );
      expect(suggestions).not.toContain(closeButNoHelp.id);
      const round = await http.post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id] }).expect(201);
      expect(round.body.proposals).toEqual([]);
      expect(round.body.unmatchedReasons).toEqual([
        {
          menteeId: mentee.id,
          code: 'no-needs-covered',
          reason: expect.stringMatching(/^No mentor with a place covers any of the mentee's needs/),
        },
      ]);
      expect(round.body.needsCoverage).toEqual({ coveredShare: 0, menteesWithNoneCovered: 1, menteesWithNeeds: 1 });

      const helper = await createMentor(t, { sectors: ['arts-culture'], region: 'scotland', expertise: ['back-office-it'] });
      const second = await http.post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id] }).expect(201);
      expect(second.body.proposals).toEqual([expect.objectContaining({ menteeId: mentee.id, mentorId: helper.id, uncoveredNeeds: [] })]);
      expect(second.body.needsCoverage).toEqual({ coveredShare: 1, menteesWithNoneCovered: 0, menteesWithNeeds: 1 });
    });

    it('keeps a pinned pair and solves the rest', async () => {
      const coordinator = await createCoordinator(t);
      const region = 'west-midlands';
      const strong = await createMentor(t, { sectors: ['sport-leisure'], region, capacity: 1 });
      const weak = await createMentor(t, {
        sectors: ['youth-services'],
        region: 'scotland',
        capacity: 1,
        expertise: ['business-planning'],
      });
      const mentee = await createMentee(t, { sectors: ['sport-leisure'], region });
      const pinned = [{ menteeId: mentee.id, mentorId: weak.id }];
      const response = await http.post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id], pinned }).expect(201);
      expect(response.body.proposals).toMatchObject([{ menteeId: mentee.id, mentorId: weak.id, pinned: true }]);
      expect(response.body.pinned).toEqual(pinned);
      const unpinned = await http.post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id] }).expect(201);
      expect(unpinned.body.proposals).toMatchObject([{ menteeId: mentee.id, mentorId: strong.id, pinned: false }]);
    });

    it('refuses a pin that cannot hold and bad round input', async () => {
      const coordinator = await createCoordinator(t);
      const mentee = await createMentee(t);
      const bad = await http
        .post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id], pinned: [{ menteeId: mentee.id, mentorId: randomUUID() }] })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('pinned');
      await http.post('/admin/matching/rounds', coordinator, { menteeIds: ['x'], pinned: [{ menteeId: 'y' }] }).expect(400);
      const stranger = await createMember(t);
      const notSeeking = await http.post('/admin/matching/rounds', coordinator, { menteeIds: [stranger.id] }).expect(400);
      expect(notSeeking.body.errors[0].field).toBe('menteeIds');
    });

    it('never pairs a mentee with a mentor from their own organisation', async () => {
      const coordinator = await createCoordinator(t);
      const mentor = await createMentor(t, { sectors: ['back-office'], region: 'south-west' });
      const organisation = await createOrganisation(t, mentor, { sector: 'back-office', region: 'south-west' });
      const colleague = await createMentee(t, { sectors: ['back-office'], region: 'south-west' });
      await t.app.get(ProfilesService).addOrganisationMember(organisation.id, colleague.id);
      const suggested = await http.get('/mentoring/suggestions?limit=50', colleague).expect(200);
      expect(suggested.body.map((s: { mentor: { id: string } }) => s.mentor.id)).not.toContain(mentor.id);
      const pinned = await http
        .post('/admin/matching/rounds', coordinator, {
          menteeIds: [colleague.id],
          pinned: [{ menteeId: colleague.id, mentorId: mentor.id }],
        })
        .expect(400);
      expect(pinned.body.detail).toMatch(/same organisation/);
      expect(pinned.body.code).toBe('invalidRound');
    });

    it('applies a round as pending requests both sides see, once', async () => {
      const coordinator = await createCoordinator(t);
      const region = 'south-east';
      const mentor = await createMentor(t, { sectors: ['education'], region, capacity: 2 });
      const mentee = await createMentee(t, { sectors: ['education'], region });
      const round = await http
        .post('/admin/matching/rounds', coordinator, { menteeIds: [mentee.id], pinned: [{ menteeId: mentee.id, mentorId: mentor.id }] })
        .expect(201);
      const applied = await http.post(`/admin/matching/rounds/${round.body.id}/apply`, coordinator).expect(200);
      expect(applied.body.requests).toEqual([{ requestId: expect.any(String), menteeId: mentee.id, mentorId: mentor.id }]);
      const incoming = await http.get('/mentoring/requests?box=incoming', mentor).expect(200);
      expect(incoming.body.items).toMatchObject([{ status: 'pending', roundId: round.body.id, mentee: { id: mentee.id } }]);
      const outgoing = await http.get('/mentoring/requests?box=outgoing', mentee).expect(200);
      expect(outgoing.body.items).toMatchObject([{ status: 'pending', roundId: round.body.id }]);
      const again = await http.post(`/admin/matching/rounds/${round.body.id}/apply`, coordinator).expect(409);
      expect(again.body.code).toBe('roundAlreadyApplied');
      expect((await http.get(`/admin/matching/rounds/${round.body.id}`, coordinator).expect(200)).body.appliedAt).toEqual(
        expect.any(String),
      );
      await http.post(`/mentoring/requests/${incoming.body.items[0].id}/accept`, mentor).expect(200);
      const feed = await http.get('/notifications', mentee).expect(200);
      expect(feed.body.items.map((n: { kind: string }) => n.kind)).toEqual(
        expect.arrayContaining(['mentoring.proposed', 'mentoring.accepted']),
      );
    });

    it('by default leaves out mentees who already have a mentor or an open request', async () => {
      const coordinator = await createCoordinator(t);
      const { mentee: matched } = await startMentorship(t);
      const waiting = await createMentee(t);
      await requestMentoring(t, waiting, await createMentor(t));
      const free = await createMentee(t);
      const round = await http.post('/admin/matching/rounds', coordinator, {}).expect(201);
      const inRound = [...round.body.proposals.map((p: { menteeId: string }) => p.menteeId), ...round.body.unmatched];
      expect(inRound).toContain(free.id);
      expect(inRound).not.toContain(matched.id);
      expect(inRound).not.toContain(waiting.id);
    });

    it('is for coordinators only, and answers 404 for an unknown round', async () => {
      const member = await createMember(t);
      const coordinator = await createCoordinator(t);
      await http.post('/admin/matching/rounds', member, {}).expect(403);
      await http.get(`/admin/matching/rounds/${randomUUID()}`, coordinator).expect(404);
      await http.post(`/admin/matching/rounds/${randomUUID()}/apply`, coordinator).expect(404);
      await http.get('/admin/matching/rounds/nope', coordinator).expect(400);
    });
  });
});

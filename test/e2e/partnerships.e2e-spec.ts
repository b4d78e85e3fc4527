import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainEvents } from '@mutuals/core';
import { PartnershipsSweep } from '@mutuals/partnerships';
import { ProfilesService } from '@mutuals/profiles';
import { createCoordinator, createMember, createOrganisation, type TestMember } from '../support/factories';
import { api } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const opportunityBody = (overrides: object = {}) => ({
  title: 'Social prescribing service for Tameside',
  commissioner: 'NHS Greater Manchester Integrated Care Board',
  description: 'A three-year contract for link workers in leisure centres and community venues across the borough.',
  sector: 'public-health',
  region: 'north-west',
  valueBand: '1m-5m',
  capabilitiesSought: ['social-prescribing', 'community-outreach'],
  deadline: inDays(30),
  publish: true,
  ...overrides,
});

const capabilityBody = (overrides: object = {}) => ({
  summary: 'Link workers and volunteer befrienders across Tameside and Oldham, working with GP practices.',
  capabilities: ['social-prescribing', 'community-outreach', 'volunteering'],
  regions: ['north-west'],
  sectors: ['community-health'],
  clientGroups: ['older-people', 'long-term-conditions'],
  ...overrides,
});

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

describe('partnerships: opportunities, interest, the shortlist and its conversation', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let poster: TestMember;
  let colleague: TestMember;
  let vcse: TestMember;
  let vcseOrganisationId: string;
  let otherMutual: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    http = api(t);
    poster = await createMember(t, { displayName: 'Poster Leisure' });
    const leisure = await createOrganisation(t, poster, {
      kind: 'mutual',
      sector: 'sport-leisure',
      region: 'north-west',
      name: 'Tameside Active',
    });
    colleague = await createMember(t, { displayName: 'Colleague Leisure' });
    await t.app.get(ProfilesService).addOrganisationMember(leisure.id, colleague.id);
    vcse = await createMember(t, { displayName: 'Vcse Wellbeing' });
    vcseOrganisationId = (
      await createOrganisation(t, vcse, { kind: 'vcse', sector: 'public-health', region: 'north-west', name: 'Wellbeing Network' })
    ).id;
    otherMutual = await createMember(t, { displayName: 'Other Housing' });
    await createOrganisation(t, otherMutual, { kind: 'mutual', sector: 'housing', region: 'london' });
    outsider = await createMember(t, { displayName: 'No Organisation' });
    await http.put(`/partnerships/organisations/${vcseOrganisationId}/capabilities`, vcse, capabilityBody()).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (who = poster, overrides: object = {}) =>
    (await http.post('/partnerships/opportunities', who, opportunityBody(overrides)).expect(201)).body as { id: string; status: string };

  describe('bad input is a 400 naming every field', () => {
    it('refuses an empty opportunity, listing each missing field', async () => {
      const response = await http.post('/partnerships/opportunities', poster, {}).expect(400);
      expect(response.body.code).toBe('validationFailed');
      expect(fieldsOf(response.body)).toEqual(
        expect.arrayContaining(['capabilitiesSought', 'commissioner', 'deadline', 'description', 'region', 'sector', 'title', 'valueBand']),
      );
    });

    it('refuses unknown slugs, too many capabilities, a deadline in the past and unknown fields', async () => {
      const slugs = await http
        .post(
          '/partnerships/opportunities',
          poster,
          opportunityBody({ sector: 'space', capabilitiesSought: ['juggling'], valueBand: 'lots' }),
        )
        .expect(400);
      expect(fieldsOf(slugs.body)).toEqual(['capabilitiesSought', 'sector', 'valueBand']);
      await http.post('/partnerships/opportunities', poster, opportunityBody({ extra: 1 })).expect(400);
      const past = await http.post('/partnerships/opportunities', poster, opportunityBody({ deadline: inDays(-1) })).expect(400);
      expect(past.body).toMatchObject({ code: 'invalid', errors: [{ field: 'deadline', message: 'must be in the future' }] });
    });

    it('refuses a short pitch, a win without its value, a value without a win, bad ids and forged cursors', async () => {
      const { id } = await post();
      expect(
        fieldsOf((await http.post(`/partnerships/opportunities/${id}/interests`, vcse, { pitch: 'Too short' }).expect(400)).body),
      ).toEqual(['pitch']);
      expect((await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'won' }).expect(400)).body.errors).toEqual([
        { field: 'valueWon', message: 'is required when marking won' },
      ]);
      await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'closed', valueWon: 5 }).expect(400);
      await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'draft' }).expect(400);
      await http.get('/partnerships/opportunities/not-a-uuid', vcse).expect(400);
      await http.get('/partnerships/opportunities?cursor=forged', vcse).expect(400);
      await http.get('/partnerships/opportunities?sector=space', vcse).expect(400);
    });

    it('refuses a capability profile with unknown regions or no capabilities', async () => {
      const response = await http
        .put(
          `/partnerships/organisations/${vcseOrganisationId}/capabilities`,
          vcse,
          capabilityBody({ regions: ['atlantis'], capabilities: [] }),
        )
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['capabilities', 'regions']);
    });
  });

  describe('authorisation', () => {
    it('keeps a draft to the poster’s organisation: 404 for everyone else', async () => {
      const draft = await post(poster, { publish: false });
      expect(draft.status).toBe('draft');
      await http.get(`/partnerships/opportunities/${draft.id}`, colleague).expect(200);
      await http.get(`/partnerships/opportunities/${draft.id}`, vcse).expect(404);
      await http
        .post(`/partnerships/opportunities/${draft.id}/interests`, vcse, { pitch: 'We would love to be part of this bid together.' })
        .expect(404);
      const board = await http.get('/partnerships/opportunities?limit=100', vcse).expect(200);
      expect(board.body.items.map((o: { id: string }) => o.id)).not.toContain(draft.id);
    });

    it('lets only the poster’s organisation manage an opportunity and read its pitches', async () => {
      const { id } = await post();
      for (const who of [vcse, otherMutual]) {
        expect(
          (await http.patch(`/partnerships/opportunities/${id}`, who, { title: 'Taken over by someone else' }).expect(403)).body.code,
        ).toBe('posterOnly');
        await http.post(`/partnerships/opportunities/${id}/status`, who, { status: 'withdrawn' }).expect(403);
        await http.get(`/partnerships/opportunities/${id}/interests`, who).expect(403);
        await http.post(`/partnerships/opportunities/${id}/conversation`, who).expect(403);
      }
      await http.patch(`/partnerships/opportunities/${id}`, colleague, { title: 'Social prescribing across Tameside' }).expect(200);
    });

    it('shows an interested member their own pitch and nobody else’s', async () => {
      const { id } = await post();
      await http
        .post(`/partnerships/opportunities/${id}/interests`, vcse, {
          pitch: 'Our link workers already cover six GP practices in Tameside.',
        })
        .expect(201);
      const mine = await http.get(`/partnerships/opportunities/${id}/interests/mine`, vcse).expect(200);
      expect(mine.body).toMatchObject({ pitch: 'Our link workers already cover six GP practices in Tameside.', shortlisted: false });
      await http.get(`/partnerships/opportunities/${id}/interests/mine`, otherMutual).expect(404);
      const seen = await http.get(`/partnerships/opportunities/${id}`, otherMutual).expect(200);
      expect(seen.body.myInterest).toBeNull();
      const posterView = await http.get(`/partnerships/opportunities/${id}/interests`, colleague).expect(200);
      expect(posterView.body.items).toHaveLength(1);
    });

    it('refuses interest from the poster’s own organisation, a second from the same organisation, and from a member with none', async () => {
      const { id } = await post();
      expect(
        (
          await http
            .post(`/partnerships/opportunities/${id}/interests`, colleague, { pitch: 'We are the poster ourselves, really.' })
            .expect(409)
        ).body.code,
      ).toBe('ownOpportunity');
      expect(
        (
          await http
            .post(`/partnerships/opportunities/${id}/interests`, outsider, { pitch: 'I have no organisation to offer, sadly.' })
            .expect(409)
        ).body.code,
      ).toBe('noOrganisation');
      const pitch = { pitch: 'We would bring volunteers and community venues to the bid.' };
      await http.post(`/partnerships/opportunities/${id}/interests`, otherMutual, pitch).expect(201);
      expect((await http.post(`/partnerships/opportunities/${id}/interests`, otherMutual, pitch).expect(409)).body.code).toBe(
        'duplicateInterest',
      );
    });

    it('lets only a VCSE organisation’s own members publish what it offers', async () => {
      await http.put(`/partnerships/organisations/${vcseOrganisationId}/capabilities`, otherMutual, capabilityBody()).expect(403);
      const own = (await t.app.get(ProfilesService).ownProfile(otherMutual.id)).organisationId!;
      expect((await http.put(`/partnerships/organisations/${own}/capabilities`, otherMutual, capabilityBody()).expect(409)).body.code).toBe(
        'notVcse',
      );
      await http.get(`/partnerships/organisations/${randomUUID()}/capabilities`, vcse).expect(404);
      await http.post('/partnerships/opportunities', outsider, opportunityBody()).expect(409);
    });

    it('keeps the console figures to coordinators', async () => {
      await http.get('/admin/partnerships/figures', poster).expect(403);
      await http.get('/admin/partnerships/figures', await createCoordinator(t)).expect(200);
    });
  });

  it('from posting to won: fits first with reasons, a pitch, the shortlist, its conversation and nobody else in it, the outcome', async () => {
    const notified: string[] = [];
    const stop = [
      t.app.get(DomainEvents).observe('partnerships.interest.received', (e) => void notified.push(`interest:${e.recipientIds.length}`)),
      t.app.get(DomainEvents).observe('partnerships.shortlisted', (e) => void notified.push(`shortlisted:${e.memberId}`)),
      t.app
        .get(DomainEvents)
        .observe('partnerships.conversation.opened', (e) => void notified.push(`conversation:${e.recipientIds.length}`)),
      t.app.get(DomainEvents).observe('partnerships.outcome', (e) => void notified.push(`${e.status}:${e.valueWon}`)),
    ];
    const poorFit = await post(poster, {
      title: 'Housing repairs framework for Oldham',
      sector: 'housing',
      region: 'london',
      capabilitiesSought: ['housing-support'],
      deadline: inDays(3),
    });
    // The best fit, and among equal fits (earlier tests posted the same) the nearest deadline.
    const { id } = await post(poster, { deadline: inDays(20) });

    const board = await http.get('/partnerships/opportunities?limit=100', vcse).expect(200);
    const ids = board.body.items.map((o: { id: string }) => o.id);
    expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(poorFit.id));
    const card = board.body.items[0];
    expect(card.id).toBe(id);
    expect(card.fit.reasons.map((r: { factor: string }) => r.factor)).toEqual(['capabilities', 'sector', 'region', 'rarity']);
    expect(card.fit.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0)).toBe(card.fit.score);
    expect(card.fit.reasons[0].label).toContain('Covers all 2 capabilities sought');

    const filtered = await http.get('/partnerships/opportunities?sector=housing&limit=100', vcse).expect(200);
    expect(filtered.body.items.every((o: { sector: string }) => o.sector === 'housing')).toBe(true);
    const soon = await http.get(`/partnerships/opportunities?deadlineBefore=${inDays(5).slice(0, 10)}&limit=100`, vcse).expect(200);
    expect(soon.body.items.map((o: { id: string }) => o.id)).toContain(poorFit.id);
    expect(soon.body.items.map((o: { id: string }) => o.id)).not.toContain(id);

    const interest = (
      await http
        .post(`/partnerships/opportunities/${id}/interests`, vcse, {
          pitch: 'Our link workers already cover six GP practices in Tameside.',
        })
        .expect(201)
    ).body;
    const other = (
      await http
        .post(`/partnerships/opportunities/${id}/interests`, otherMutual, {
          pitch: 'We can bring housing officers into the referral loop.',
        })
        .expect(201)
    ).body;
    expect((await http.post(`/partnerships/opportunities/${id}/conversation`, poster).expect(409)).body.code).toBe('nothingShortlisted');
    expect((await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'partnered' }).expect(409)).body.code).toBe(
      'nothingShortlisted',
    );

    const pitches = await http.get(`/partnerships/opportunities/${id}/interests`, poster).expect(200);
    expect(pitches.body.items.map((i: { id: string }) => i.id)).toEqual([interest.id, other.id]);
    expect(pitches.body.items[0].fit.score).toBeGreaterThan(pitches.body.items[1].fit.score);

    await http.put(`/partnerships/opportunities/${id}/interests/${interest.id}/shortlist`, poster).expect(200);
    const opened = await http.post(`/partnerships/opportunities/${id}/conversation`, poster).expect(200);
    expect([...opened.body.memberIds].sort()).toEqual([poster.id, colleague.id, vcse.id].sort());
    const conversationId = opened.body.conversationId as string;
    expect((await http.post(`/partnerships/opportunities/${id}/conversation`, colleague).expect(200)).body.conversationId).toBe(
      conversationId,
    );

    // The shortlisted partner talks in it; the interested but not shortlisted one cannot even see it.
    expect((await http.get(`/partnerships/opportunities/${id}`, vcse).expect(200)).body.conversationId).toBe(conversationId);
    expect((await http.get(`/partnerships/opportunities/${id}`, otherMutual).expect(200)).body.conversationId).toBeNull();
    await http
      .post(`/chat/conversations/${conversationId}/messages`, vcse, { clientId: randomUUID(), body: 'Hello from the network!' })
      .expect(201);
    await http.get(`/chat/conversations/${conversationId}/messages`, otherMutual).expect(404);
    await http.get(`/chat/conversations/${conversationId}/messages`, colleague).expect(200);

    await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'won', valueWon: 1_200_000 }).expect(409);
    await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'partnered' }).expect(200);
    const won = await http.post(`/partnerships/opportunities/${id}/status`, colleague, { status: 'won', valueWon: 1_200_000 }).expect(200);
    expect(won.body).toMatchObject({ status: 'won', valueWon: 1_200_000 });
    expect((await http.post(`/partnerships/opportunities/${id}/status`, poster, { status: 'withdrawn' }).expect(409)).body.code).toBe(
      'invalidTransition',
    );

    const figures = await http.get('/admin/partnerships/figures', await createCoordinator(t)).expect(200);
    expect(figures.body).toMatchObject({ formed: 1, won: 1, valueWon: 1_200_000 });
    expect(figures.body.bySector).toEqual([
      { slug: 'public-health', name: 'Public health and wellbeing', formed: 1, won: 1, valueWon: 1_200_000 },
    ]);
    expect(figures.body.byRegion).toEqual([{ slug: 'north-west', name: 'North West', formed: 1, won: 1, valueWon: 1_200_000 }]);

    await new Promise((resolve) => setTimeout(resolve, 200));
    stop.forEach((off) => off());
    expect(notified).toEqual(
      expect.arrayContaining(['interest:2', `shortlisted:${vcse.id}`, 'conversation:2', 'partnered:null', 'won:1200000']),
    );
  });

  it('closes an open opportunity by itself when its deadline passes', async () => {
    const { id } = await post(poster, { deadline: new Date(Date.now() + 1500).toISOString() });
    expect((await http.get(`/partnerships/opportunities/${id}`, vcse).expect(200)).body.status).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await http.get(`/partnerships/opportunities/${id}`, vcse).expect(200)).body.status).toBe('closed');
    const late = await http
      .post(`/partnerships/opportunities/${id}/interests`, vcse, { pitch: 'Sorry we are late, but we are keen.' })
      .expect(409);
    expect(late.body.code).toBe('opportunityClosed');
    const board = await http.get('/partnerships/opportunities?limit=100', vcse).expect(200);
    expect(board.body.items.map((o: { id: string }) => o.id)).not.toContain(id);

    // The sweep records it, once, however many replicas run it together.
    const sweep = t.app.get(PartnershipsSweep);
    const [first, second] = await Promise.all([sweep.runOnce(), sweep.runOnce()]);
    expect([...first, ...second].filter((closed) => closed === id)).toHaveLength(1);
    const [row] = await t.app.get(DataSource).query('SELECT status, closed_at FROM partnership_opportunities WHERE id = $1', [id]);
    expect(row.status).toBe('closed');
    expect(row.closed_at).not.toBeNull();
  });
});

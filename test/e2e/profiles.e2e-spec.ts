import request from 'supertest';
import { createCoordinator, createMember, createOrganisation, setProfile } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';

describe('profiles, organisations and the directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes the taxonomy to anyone, stages in journey order', async () => {
    const response = await request(t.url).get('/api/v1/taxonomy').expect(200);
    expect(response.body.stages.map((s: { slug: string }) => s.slug)).toEqual([
      'exploring',
      'options-appraisal',
      'business-case',
      'mobilisation',
      'spun-out',
      'trading',
      'growing',
    ]);
    expect(response.body.sectors).toContainEqual({ slug: 'adult-social-care', name: 'Adult social care' });
    expect(response.body.regions).toHaveLength(12);
    expect(response.body.supportAreas.length).toBeGreaterThanOrEqual(17);
  });

  it('answers GET /auth/session with 200 for everyone: null when signed out, the member otherwise', async () => {
    expect((await request(t.url).get('/api/v1/auth/session').expect(200)).body).toEqual({ user: null });
    expect((await request(t.url).get('/api/v1/auth/session').set({ Authorization: 'Bearer not-a-session' }).expect(200)).body).toEqual({ user: null });
    const member = await createMember(t, { status: 'pending' });
    const session = await request(t.url).get('/api/v1/auth/session').set(member.auth).expect(200);
    const me = await request(t.url).get('/api/v1/me').set(member.auth).expect(200);
    expect(session.body).toEqual({ user: me.body });
  });

  it('lets a pending member create their organisation and becomes its member', async () => {
    const member = await createMember(t, { status: 'pending' });
    const created = await request(t.url)
      .post('/api/v1/organisations')
      .set(member.auth)
      .send({
        name: 'Harbourside Care CIC',
        kind: 'mutual',
        sector: 'adult-social-care',
        stage: 'trading',
        region: 'south-west',
        legalForm: 'cic',
        staffCount: 140,
        website: 'https://harbourside.example',
      })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Harbourside Care CIC', kind: 'mutual', staffCount: 140 });
    const me = await request(t.url).get('/api/v1/me').set(member.auth).expect(200);
    expect(me.body.profile.organisationId).toBe(created.body.id);
    expect(me.body.profile.organisation.name).toBe('Harbourside Care CIC');
  });

  it('refuses an organisation with bad taxonomy values, naming each field', async () => {
    const member = await createMember(t);
    const response = await request(t.url)
      .post('/api/v1/organisations')
      .set(member.auth)
      .send({
        name: 'X',
        kind: 'company',
        sector: 'banking',
        stage: 'done',
        region: 'mars',
        staffCount: -3,
        website: 'javascript:alert(1)',
      })
      .expect(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'sector', 'stage', 'region', 'staffCount', 'website']));
  });

  it('lets members and coordinators edit an organisation, nobody else', async () => {
    const owner = await createMember(t);
    const stranger = await createMember(t);
    const coordinator = await createCoordinator(t);
    const org = await createOrganisation(t, owner);
    const refused = await request(t.url)
      .patch(`/api/v1/organisations/${org.id}`)
      .set(stranger.auth)
      .send({ staffCount: 10 })
      .expect(403);
    expect(refused.body.code).toBe('notOrganisationMember');
    await request(t.url).patch(`/api/v1/organisations/${org.id}`).set(owner.auth).send({ staffCount: 12 }).expect(200);
    const edited = await request(t.url)
      .patch(`/api/v1/organisations/${org.id}`)
      .set(coordinator.auth)
      .send({ stage: 'growing' })
      .expect(200);
    expect(edited.body).toMatchObject({ staffCount: 12, stage: 'growing' });
    await request(t.url).patch(`/api/v1/organisations/${org.id}`).set(owner.auth).send({ unknown: 1 }).expect(400);
    await request(t.url).get(`/api/v1/organisations/00000000-0000-4000-8000-000000000000`).set(owner.auth).expect(404);
  });

  it('keeps mentor and mentee parts of the profile, validated', async () => {
    const member = await createMember(t);
    const saved = await request(t.url)
      .patch('/api/v1/me/profile')
      .set(member.auth)
      .send({
        bio: 'Finance lead',
        region: 'london',
        sectors: ['sport-leisure'],
        mentor: { offers: true, expertise: ['financial-modelling', 'bid-writing'], capacity: 2, stageReached: 'growing' },
      })
      .expect(200);
    expect(saved.body.mentor).toEqual({
      offers: true,
      expertise: ['financial-modelling', 'bid-writing'],
      capacity: 2,
      stageReached: 'growing',
    });
    const bad = await request(t.url)
      .patch('/api/v1/me/profile')
      .set(member.auth)
      .send({ mentor: { capacity: 9, expertise: ['juggling'] }, mentee: { stage: 'nowhere' }, sectors: 'health' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['mentor.capacity', 'mentor.expertise', 'mentee.stage', 'sectors']),
    );
    const empty = await request(t.url)
      .patch('/api/v1/me/profile')
      .set(member.auth)
      .send({ mentee: { seeks: true, needs: [] } })
      .expect(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'mentee.needs' })]);
    const unchanged = await request(t.url).get('/api/v1/me').set(member.auth).expect(200);
    expect(unchanged.body.profile.mentor.capacity).toBe(2);
  });

  it('changes a handle, refusing one that is taken', async () => {
    const a = await createMember(t);
    const b = await createMember(t);
    await request(t.url).patch('/api/v1/me/profile').set(a.auth).send({ handle: 'riverside-ceo' }).expect(200);
    const taken = await request(t.url).patch('/api/v1/me/profile').set(b.auth).send({ handle: 'Riverside-CEO' }).expect(409);
    expect(taken.body.errors[0].field).toBe('handle');
  });

  it('finds active members by name, sector, region and mentoring offer, never pending ones', async () => {
    const mentor = await createMember(t, { displayName: 'Marisol Quennell' });
    await setProfile(t, mentor, {
      region: 'yorkshire-humber',
      sectors: ['libraries'],
      mentor: { offers: true, expertise: ['marketing-brand'], capacity: 1 },
    });
    const pending = await createMember(t, { status: 'pending', displayName: 'Marisol Pending' });
    const viewer = await createMember(t);
    const byName = await request(t.url).get('/api/v1/members').query({ q: 'Marisol' }).set(viewer.auth).expect(200);
    const ids = byName.body.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(mentor.id);
    expect(ids).not.toContain(pending.id);
    expect(byName.body.items[0]).not.toHaveProperty('email');
    const filtered = await request(t.url)
      .get('/api/v1/members')
      .query({ sector: 'libraries', region: 'yorkshire-humber', offersMentoring: 'true' })
      .set(viewer.auth)
      .expect(200);
    expect(filtered.body.items.map((m: { id: string }) => m.id)).toEqual([mentor.id]);
    await request(t.url).get(`/api/v1/members/${pending.id}`).set(viewer.auth).expect(404);
    await request(t.url).get(`/api/v1/members/${mentor.id}`).set(viewer.auth).expect(200);
    await request(t.url).get('/api/v1/members').query({ sector: 'nope', limit: 500 }).set(viewer.auth).expect(400);
    await request(t.url).get('/api/v1/members').expect(401);
  });

  it('shows a pending member to coordinators', async () => {
    const pending = await createMember(t, { status: 'pending' });
    const coordinator = await createCoordinator(t);
    await request(t.url).get(`/api/v1/members/${pending.id}`).set(coordinator.auth).expect(200);
  });
});

describe('eligibility check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const check = (body: object) => request(t.url).post('/api/v1/eligibility/check').send(body);

  it('answers eligible for a new English mutual, with no sign-in', async () => {
    const response = await check({
      deliversPublicService: true,
      leftPublicSector: true,
      employeeInfluence: 'majority',
      sector: 'community-health',
      nation: 'england',
      yearsTrading: 1,
      canMatchFund: true,
    }).expect(200);
    expect(response.body.outcome).toBe('eligible');
    expect(response.body.nextSteps.length).toBeGreaterThan(0);
  });

  it('answers likely with what to confirm', async () => {
    const response = await check({
      deliversPublicService: true,
      leftPublicSector: false,
      employeeInfluence: 'some',
      sector: 'youth-services',
    }).expect(200);
    expect(response.body.outcome).toBe('likely');
    expect(response.body.reasons.length).toBeGreaterThan(0);
  });

  it('answers not yet, and why', async () => {
    const response = await check({
      deliversPublicService: false,
      leftPublicSector: true,
      employeeInfluence: 'none',
      sector: 'housing',
      nation: 'scotland',
    }).expect(200);
    expect(response.body.outcome).toBe('not-yet');
    // Only what stands in the way is listed; what is merely unconfirmed waits until then.
    expect(response.body.reasons).toEqual([
      'The programme funds organisations based in England only.',
      'A public service mutual delivers public services with a social purpose.',
      'Staff do not yet have influence over how the organisation is run.',
    ]);
  });

  it('refuses a malformed check, naming the fields', async () => {
    const response = await check({ deliversPublicService: 'yes', employeeInfluence: 'lots' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['deliversPublicService', 'leftPublicSector', 'employeeInfluence', 'sector']),
    );
  });
});

describe('notifications feed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells a member their account was approved, and marks it read', async () => {
    const pending = await createMember(t, { status: 'pending' });
    const coordinator = await createCoordinator(t);
    await request(t.url).post(`/api/v1/admin/members/${pending.id}/approve`).set(coordinator.auth).expect(200);
    const feed = await request(t.url).get('/api/v1/notifications?unread=true').set(pending.auth).expect(200);
    expect(feed.body.unreadCount).toBe(1);
    expect(feed.body.items[0]).toMatchObject({ kind: 'account.approved', read: false });
    await request(t.url).post('/api/v1/notifications/read').set(pending.auth).send({ all: true }).expect(200);
    const after = await request(t.url).get('/api/v1/notifications').set(pending.auth).expect(200);
    expect(after.body).toMatchObject({ unreadCount: 0, items: [expect.objectContaining({ read: true })] });
  });

  it('never shows one member another member’s notifications', async () => {
    const a = await createMember(t, { status: 'pending' });
    const b = await createMember(t);
    const coordinator = await createCoordinator(t);
    await request(t.url).post(`/api/v1/admin/members/${a.id}/approve`).set(coordinator.auth).expect(200);
    const feedA = await request(t.url).get('/api/v1/notifications').set(a.auth).expect(200);
    const feedB = await request(t.url).get('/api/v1/notifications').set(b.auth).expect(200);
    expect(feedB.body.items).toHaveLength(0);
    await request(t.url)
      .post('/api/v1/notifications/read')
      .set(b.auth)
      .send({ ids: [feedA.body.items[0].id] })
      .expect(200, { updated: 0 });
    await request(t.url)
      .post('/api/v1/notifications/read')
      .set(b.auth)
      .send({ ids: ['nope'] })
      .expect(400);
  });
});

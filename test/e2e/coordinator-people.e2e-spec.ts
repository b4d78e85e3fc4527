import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCoordinator, createMember, createOrganisation } from '../support/factories';
import { api, startMentorship } from '../support/mentoring';
import { TestApp, startTestApp } from '../support/test-app';

// An organisation's journey through the stages is kept with who moved it and when, so the console
// can count who moved from options appraisal to business case to spun out in a period.
describe('organisation journeys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const stagesOf = async (auth: Record<string, string>, id: string) =>
    (await request(t.url).get(`/api/v1/organisations/${id}/stages`).set(auth).expect(200)).body as {
      fromStage: string | null;
      toStage: string;
      changedBy: { id: string; displayName: string } | null;
      changedAt: string;
    }[];

  it('records the stage an organisation is registered at, then each change a member makes, with who and when', async () => {
    const founder = await createMember(t);
    const created = await request(t.url)
      .post('/api/v1/organisations')
      .set(founder.auth)
      .send({ name: 'Northfield Libraries Trust', kind: 'aspiring', sector: 'libraries', stage: 'options-appraisal', region: 'north-west' })
      .expect(201);
    const id = created.body.id as string;

    await request(t.url).patch(`/api/v1/organisations/${id}`).set(founder.auth).send({ staffCount: 40 }).expect(200);
    expect(await stagesOf(founder.auth, id)).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'options-appraisal', changedBy: { id: founder.id, displayName: founder.displayName } }),
    ]);

    const before = Date.now();
    await request(t.url).patch(`/api/v1/organisations/${id}`).set(founder.auth).send({ stage: 'business-case' }).expect(200);
    const journey = await stagesOf(founder.auth, id);
    expect(journey.map((s) => [s.fromStage, s.toStage])).toEqual([
      [null, 'options-appraisal'],
      ['options-appraisal', 'business-case'],
    ]);
    expect(new Date(journey[1]!.changedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lets a coordinator record a step dated when it happened, in order and never in the future', async () => {
    const coordinator = await createCoordinator(t);
    const member = await createMember(t);
    const organisation = await createOrganisation(t, member, { stage: 'business-case' });
    const url = `/api/v1/admin/organisations/${organisation.id}/stages`;

    // Members cannot; unknown organisations are 404; bad input names the field.
    await request(t.url).post(url).set(member.auth).send({ stage: 'spun-out' }).expect(403);
    await request(t.url).post(url).send({ stage: 'spun-out' }).expect(401);
    await request(t.url)
      .post('/api/v1/admin/organisations/00000000-0000-4000-8000-000000000000/stages')
      .set(coordinator.auth)
      .send({ stage: 'spun-out' })
      .expect(404);
    const bad = await request(t.url).post(url).set(coordinator.auth).send({ stage: 'unicorn', changedAt: 'yesterday' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['changedAt', 'stage']);
    const future = await request(t.url).post(url).set(coordinator.auth).send({ stage: 'spun-out', changedAt: '2999-01-01T00:00:00Z' }).expect(400);
    expect(future.body).toMatchObject({ code: 'stageDateOutOfOrder', errors: [{ field: 'changedAt' }] });
    const early = await request(t.url).post(url).set(coordinator.auth).send({ stage: 'spun-out', changedAt: '2001-04-01T00:00:00Z' }).expect(400);
    expect(early.body.code).toBe('stageDateOutOfOrder');
    const same = await request(t.url).post(url).set(coordinator.auth).send({ stage: 'business-case' }).expect(409);
    expect(same.body.code).toBe('stageUnchanged');

    const spunOutOn = new Date().toISOString();
    const journey = (await request(t.url).post(url).set(coordinator.auth).send({ stage: 'spun-out', changedAt: spunOutOn }).expect(201)).body;
    expect(journey.at(-1)).toMatchObject({ fromStage: 'business-case', toStage: 'spun-out', changedBy: { id: coordinator.id }, changedAt: spunOutOn });
    const now = await request(t.url).get(`/api/v1/organisations/${organisation.id}`).set(member.auth).expect(200);
    expect(now.body.stage).toBe('spun-out');
  });

  it('keeps the journey when the person who recorded a step deletes their account, without naming them', async () => {
    const member = await createMember(t);
    const organisation = await createOrganisation(t, member, { stage: 'exploring' });
    await request(t.url).patch(`/api/v1/organisations/${organisation.id}`).set(member.auth).send({ stage: 'options-appraisal' }).expect(200);
    const reader = await createMember(t);
    await request(t.url).delete('/api/v1/me').set(member.auth).send({ password: 'correct horse battery' }).expect(204);
    const journey = await stagesOf(reader.auth, organisation.id);
    expect(journey.map((s) => [s.toStage, s.changedBy])).toEqual([
      ['exploring', null],
      ['options-appraisal', null],
    ]);
  });
});

// The people page: every account, searched and filtered, and roles changed within the rules.
describe('coordinators finding people and changing roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const idsOf = async (auth: Record<string, string>, query: string) =>
    ((await request(t.url).get(`/api/v1/admin/members?limit=100&${query}`).set(auth).expect(200)).body.items as { id: string }[]).map((m) => m.id);

  it('searches by a part of the name, handle or email, and filters by role, status, sector and region', async () => {
    const coordinator = await createCoordinator(t);
    const tag = `zq${Date.now().toString(36)}`;
    const carer = await createMember(t, { displayName: `Morwenna ${tag}` });
    const librarian = await createMember(t, { status: 'pending' });
    const libraries = await createOrganisation(t, librarian, { sector: 'libraries', region: 'north-east' });
    const careOrg = await createOrganisation(t, carer, { sector: 'adult-social-care', region: 'south-west' });
    expect(libraries.id).not.toBe(careOrg.id);

    expect(await idsOf(coordinator.auth, `q=${tag}`)).toEqual([carer.id]);
    expect(await idsOf(coordinator.auth, `q=${encodeURIComponent(librarian.email.toUpperCase())}`)).toEqual([librarian.id]);
    expect(await idsOf(coordinator.auth, `q=${librarian.handle}`)).toEqual([librarian.id]);
    // LIKE's own characters are matched literally.
    expect(await idsOf(coordinator.auth, `q=${encodeURIComponent('%')}`)).toEqual([]);

    const inLibraries = await idsOf(coordinator.auth, 'sector=libraries');
    expect(inLibraries).toContain(librarian.id);
    expect(inLibraries).not.toContain(carer.id);
    expect(await idsOf(coordinator.auth, 'sector=libraries&region=south-west')).not.toContain(librarian.id);
    expect(await idsOf(coordinator.auth, 'sector=libraries&status=pending')).toContain(librarian.id);
    expect(await idsOf(coordinator.auth, 'sector=libraries&status=active')).not.toContain(librarian.id);
    const coordinators = await idsOf(coordinator.auth, 'role=coordinator');
    expect(coordinators).toContain(coordinator.id);
    expect(coordinators).not.toContain(carer.id);

    const bad = await request(t.url).get('/api/v1/admin/members?role=king&sector=space&region=mars&status=x').set(coordinator.auth).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['region', 'role', 'sector', 'status']);
    await request(t.url).get('/api/v1/admin/members').set(carer.auth).expect(403);
  });

  it('lets coordinators make coordinators, keeps the admin role to admins, and nobody changes their own', async () => {
    const coordinator = await createCoordinator(t);
    const admin = await createMember(t, { role: 'admin' });
    const member = await createMember(t);

    await request(t.url).post(`/api/v1/admin/members/${member.id}/role`).set(member.auth).send({ role: 'coordinator' }).expect(403);
    const invalid = await request(t.url).post(`/api/v1/admin/members/${member.id}/role`).set(coordinator.auth).send({ role: 'king' }).expect(400);
    expect(invalid.body.errors[0].field).toBe('role');

    const promoted = await request(t.url).post(`/api/v1/admin/members/${member.id}/role`).set(coordinator.auth).send({ role: 'coordinator' }).expect(200);
    expect(promoted.body.role).toBe('coordinator');
    // The new role holds on the member's very next request.
    await request(t.url).get('/api/v1/admin/members').set(member.auth).expect(200);

    const toAdmin = await request(t.url).post(`/api/v1/admin/members/${member.id}/role`).set(coordinator.auth).send({ role: 'admin' }).expect(403);
    expect(toAdmin.body.code).toBe('adminsOnly');
    const demoteAdmin = await request(t.url).post(`/api/v1/admin/members/${admin.id}/role`).set(coordinator.auth).send({ role: 'member' }).expect(403);
    expect(demoteAdmin.body.code).toBe('adminsOnly');
    const own = await request(t.url).post(`/api/v1/admin/members/${admin.id}/role`).set(admin.auth).send({ role: 'member' }).expect(409);
    expect(own.body.code).toBe('invalidTransition');

    await request(t.url).post(`/api/v1/admin/members/${member.id}/role`).set(admin.auth).send({ role: 'member' }).expect(200);
    await request(t.url).get('/api/v1/admin/members').set(member.auth).expect(403);
    await request(t.url).post('/api/v1/admin/members/00000000-0000-4000-8000-000000000000/role').set(admin.auth).send({ role: 'member' }).expect(404);
  });
});

// The mentorships page: every pair with its health, so a coordinator sees which need a word.
describe('every mentorship with its health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells on-track, quiet, concern and closed pairs apart, filters on it, and shows no goal or note', async () => {
    const http = api(t);
    const coordinator = await createCoordinator(t);
    const fresh = await startMentorship(t);
    const quiet = await startMentorship(t);
    const worried = await startMentorship(t);
    const ended = await startMentorship(t);
    const db = t.app.get(DataSource);

    // Started 40 days ago and met once, 25 days ago: three weeks without a session.
    await db.query(`UPDATE mentorships SET started_at = now() - interval '40 days' WHERE id = $1`, [quiet.mentorshipId]);
    const longAgo = new Date(Date.now() - 25 * 86_400_000).toISOString();
    await http
      .post(`/mentoring/mentorships/${quiet.mentorshipId}/sessions`, quiet.mentor, { heldAt: longAgo, durationMinutes: 60, notes: 'Private notes' })
      .expect(201);
    // Met last week, but the mentee says it is not a good fit.
    await http
      .post(`/mentoring/mentorships/${worried.mentorshipId}/sessions`, worried.mentor, {
        heldAt: new Date().toISOString(),
        durationMinutes: 30,
        notes: 'Private notes',
      })
      .expect(201);
    await http.post(`/mentoring/mentorships/${worried.mentorshipId}/fit-check`, worried.mentee, { goodFit: false }).expect(200);
    await http
      .post(`/mentoring/mentorships/${ended.mentorshipId}/close`, ended.mentee, { outcome: 'goals-met', rating: 5, feedback: 'Thank you' })
      .expect(200);

    const healthOf = async (query = '') => {
      const page = await http.get(`/admin/mentoring/mentorships?limit=100${query}`, coordinator).expect(200);
      expect(JSON.stringify(page.body)).not.toMatch(/Private notes/);
      return new Map((page.body.items as { id: string; health: string }[]).map((m) => [m.id, m.health]));
    };
    const all = await healthOf();
    expect([fresh, quiet, worried, ended].map((pair) => all.get(pair.mentorshipId))).toEqual(['on-track', 'quiet', 'concern', 'closed']);
    expect([...(await healthOf('&health=quiet')).keys()]).toContain(quiet.mentorshipId);
    expect([...(await healthOf('&health=quiet')).values()].every((h) => h === 'quiet')).toBe(true);
    expect([...(await healthOf('&health=concern')).keys()]).toEqual([worried.mentorshipId]);

    const bad = await http.get('/admin/mentoring/mentorships?health=poorly', coordinator).expect(400);
    expect(bad.body.errors[0].field).toBe('health');
    await http.get('/admin/mentoring/mentorships', fresh.mentor).expect(403);
  });
});

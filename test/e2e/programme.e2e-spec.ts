// The coordinator's console: GET /admin/metrics and /admin/reports/*.csv on a small fixture whose
// figures were worked out by hand (the comments beside the expectations show the working).
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { ProgrammeMetricsView } from '@mutuals/contracts';
import { createCoordinator, createMember, createOrganisation, type TestMember } from '../support/factories';
import { createCategory, createThread, reply } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const at = (day: string) => `${day}T12:00:00Z`;

describe('the programme console: metrics and reports', () => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: TestMember;
  let member: TestMember;
  let adviser: TestMember;
  const sql = (text: string, parameters: unknown[] = []) => db.query(text, parameters);

  const metrics = async (query: Record<string, string>, who: TestMember = coordinator): Promise<ProgrammeMetricsView> =>
    (await request(t.url).get('/api/v1/admin/metrics').query(query).set(who.auth).expect(200)).body;

  const csv = async (report: string, query: Record<string, string>) => {
    const response = await request(t.url).get(`/api/v1/admin/reports/${report}.csv`).query(query).set(coordinator.auth).expect(200);
    return { response, rows: parse(response.text, { bom: true, columns: true }) as Record<string, string>[] };
  };

  /** A member as of a day: registered (and approved) then, in an organisation or with their own sector and region. */
  async function person(
    name: string,
    fields: {
      registered: string;
      approved?: string | null;
      status?: string;
      organisationId?: string;
      sectors?: string[];
      region?: string;
      offers?: boolean;
      seeks?: boolean;
    },
  ): Promise<TestMember> {
    const created = await createMember(t, { displayName: name });
    await sql(`UPDATE users SET created_at = $2, approved_at = $3, status = $4 WHERE id = $1`, [
      created.id,
      at(fields.registered),
      fields.approved === undefined ? at(fields.registered) : fields.approved && at(fields.approved),
      fields.status ?? 'active',
    ]);
    await sql(
      `UPDATE profiles SET organisation_id = $2, sectors = $3, region = $4, mentor_offers = $5, mentee_seeks = $6 WHERE user_id = $1`,
      [
        created.id,
        fields.organisationId ?? null,
        fields.sectors ?? [],
        fields.region ?? null,
        fields.offers ?? false,
        fields.seeks ?? false,
      ],
    );
    return created;
  }

  async function requestFrom(mentee: TestMember, mentor: TestMember, created: string, status: string, expiresAt?: string): Promise<string> {
    const id = randomUUID();
    await sql(
      `INSERT INTO mentoring_requests (id, mentee_id, mentor_id, message, status, expires_at, created_at)
       VALUES ($1, $2, $3, 'Hello', $4, coalesce($5::timestamptz, $6::timestamptz + interval '14 days'), $6)`,
      [id, mentee.id, mentor.id, status, expiresAt ?? null, at(created)],
    );
    return id;
  }

  async function mentorship(
    mentee: TestMember,
    mentor: TestMember,
    requestId: string,
    fields: {
      started: string;
      closed?: string;
      outcome?: string;
      rating?: number;
      mentorFit?: boolean;
      menteeFit?: boolean;
      sessions: [string, number][];
    },
  ): Promise<string> {
    const id = randomUUID();
    await sql(
      `INSERT INTO mentorships (id, mentor_id, mentee_id, request_id, status, started_at, closed_at, closed_by, outcome, rating, mentor_good_fit, mentee_good_fit, feedback)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'PRIVATE FEEDBACK')`,
      [
        id,
        mentor.id,
        mentee.id,
        requestId,
        fields.closed ? 'closed' : 'active',
        at(fields.started),
        fields.closed ? at(fields.closed) : null,
        fields.closed ? mentee.id : null,
        fields.outcome ?? null,
        fields.rating ?? null,
        fields.mentorFit ?? null,
        fields.menteeFit ?? null,
      ],
    );
    for (const [day, minutes] of fields.sessions)
      await sql(
        `INSERT INTO mentorship_sessions (mentorship_id, held_at, duration_minutes, notes, logged_by) VALUES ($1, $2, $3, 'PRIVATE NOTES', $4)`,
        [id, at(day), minutes, mentor.id],
      );
    return id;
  }

  let x1: string;
  let x3: string;
  let expiringRequest: string;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    db = t.app.get(DataSource);
    coordinator = await createCoordinator(t);
    member = await createMember(t);
    adviser = await createMember(t);
    // Outside the programme's people: staff and a rejected application.
    await sql(`UPDATE users SET role = 'adviser' WHERE id = $1`, [adviser.id]);
    await sql(`UPDATE users SET created_at = '2025-01-01' WHERE id IN ($1, $2, $3)`, [coordinator.id, member.id, adviser.id]);
    await person('Rejected Applicant', { registered: '2026-08-01', status: 'rejected', approved: null });

    // Organisations: A and B created in Q3, C before it.
    const orgA = await createOrganisation(t, coordinator, {
      name: 'Riverside Community Health',
      sector: 'community-health',
      stage: 'business-case',
      region: 'london',
    });
    const orgB = await createOrganisation(t, coordinator, {
      name: '-Valleys Housing Co-op',
      sector: 'housing',
      stage: 'options-appraisal',
      region: 'wales',
    });
    const orgC = await createOrganisation(t, coordinator, {
      name: 'Northern Homes Mutual',
      sector: 'housing',
      stage: 'trading',
      region: 'north-west',
    });
    await sql(`UPDATE organisations SET created_at = $2 WHERE id = $1`, [orgA.id, at('2026-07-05')]);
    await sql(`UPDATE organisations SET created_at = $2 WHERE id = $1`, [orgB.id, at('2026-08-10')]);
    await sql(`UPDATE organisations SET created_at = $2 WHERE id = $1`, [orgC.id, at('2026-05-01')]);

    const mentorM1 = await person('Mentor One', { registered: '2026-03-01', organisationId: orgC.id, offers: true });
    const m2 = await person('Mentor Two', { registered: '2026-07-02', organisationId: orgC.id, offers: true });
    const e1 = await person('Mentee One', { registered: '2026-07-03', approved: '2026-07-04', organisationId: orgA.id, seeks: true });
    const e2 = await person('Mentee Two', { registered: '2026-08-11', approved: '2026-08-12', organisationId: orgB.id, seeks: true });
    const e3 = await person('Mentee Three', { registered: '2026-09-01', approved: '2026-09-02', organisationId: orgA.id, seeks: true });
    const menteeE4 = await person('Mentee Four', {
      registered: '2026-06-15',
      approved: '2026-06-16',
      sectors: ['youth-services'],
      region: 'scotland',
      seeks: true,
    });
    await person("=cmd|' /C calc'!A0", { registered: '2026-09-20', approved: null, status: 'pending', organisationId: orgB.id });

    // E1: asked 10 July, matched 14 July (4 days), sessions 20 July (6 days later), 15 August, 10 September.
    x1 = await mentorship(e1, mentorM1, await requestFrom(e1, mentorM1, '2026-07-10', 'accepted'), {
      started: '2026-07-14',
      sessions: [
        ['2026-07-20', 60],
        ['2026-08-15', 90],
        ['2026-09-10', 30],
      ],
    });
    // E2: asked 11 August (declined) and 12 August, matched 20 August (9 days), one session 30 August (10 days), closed 25 September.
    await requestFrom(e2, mentorM1, '2026-08-11', 'declined');
    await mentorship(e2, m2, await requestFrom(e2, m2, '2026-08-12', 'accepted'), {
      started: '2026-08-20',
      closed: '2026-09-25',
      outcome: 'goals-met',
      rating: 4,
      mentorFit: true,
      menteeFit: true,
      sessions: [['2026-08-30', 60]],
    });
    // E3: asked in September; one request expires within three days, another in ten.
    expiringRequest = await requestFrom(e3, mentorM1, '2026-09-05', 'pending', new Date(Date.now() + 2 * 86_400_000).toISOString());
    await requestFrom(e3, m2, '2026-09-06', 'pending', new Date(Date.now() + 10 * 86_400_000).toISOString());
    // E4: matched before Q3, met in May and June only, and said it is not a good fit.
    x3 = await mentorship(menteeE4, m2, await requestFrom(menteeE4, m2, '2026-04-25', 'accepted'), {
      started: '2026-05-01',
      menteeFit: false,
      sessions: [
        ['2026-05-10', 60],
        ['2026-06-10', 60],
      ],
    });

    // Activity in the week of Monday 6 July: E1 opens a thread, E2 replies, E1 sends two chat messages.
    const category = await createCategory(t, coordinator);
    const thread = await createThread(t, e1, category.id);
    await reply(t, e2, thread.id, 'Thanks, useful');
    await sql(`UPDATE forum_posts SET created_at = '2026-07-08T10:00:00Z' WHERE thread_id = $1`, [thread.id]);
    const conversation = await request(t.url)
      .post('/api/v1/chat/conversations')
      .set(e1.auth)
      .send({ kind: 'direct', memberIds: [e2.id] });
    for (const body of ['Hello', 'Are you free on Tuesday?'])
      await request(t.url)
        .post(`/api/v1/chat/conversations/${conversation.body.id}/messages`)
        .set(e1.auth)
        .send({ clientId: randomUUID(), body })
        .expect(201);
    await sql(`UPDATE messages SET created_at = '2026-07-07T09:00:00Z' WHERE conversation_id = $1`, [conversation.body.id]);
  });

  afterAll(() => t?.close());

  describe('who may read them', () => {
    it.each([
      'metrics',
      'reports/members.csv',
      'reports/organisations.csv',
      'reports/mentorships.csv',
      'reports/sessions.csv',
      'reports/outcomes.csv',
    ])('/admin/%s: 401 signed out, 403 for members and advisers', async (path) => {
      await request(t.url).get(`/api/v1/admin/${path}`).expect(401);
      await request(t.url).get(`/api/v1/admin/${path}`).set(member.auth).expect(403);
      await request(t.url).get(`/api/v1/admin/${path}`).set(adviser.auth).expect(403);
    });

    it('400 for a report that does not exist', async () => {
      await request(t.url).get('/api/v1/admin/reports/passwords.csv').set(coordinator.auth).expect(400);
    });

    it.each([
      [{ from: '2026-13-01' }, 'from'],
      [{ from: '2026-07-01', to: '2026-06-30' }, 'to'],
      [{ to: '2026-02-30' }, 'to'],
      [{ sector: 'nonsense' }, 'sector'],
      [{ region: 'atlantis' }, 'region'],
      [{ cohort: '2026-7' }, 'cohort'],
    ])('400 naming the field for %j', async (query, field) => {
      const response = await request(t.url).get('/api/v1/admin/metrics').query(query).set(coordinator.auth).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('the figures of Q3 2026, worked out by hand', () => {
    let view: ProgrammeMetricsView;
    beforeAll(async () => {
      view = await metrics(Q3);
    });

    it('echoes the period', () => {
      expect(view.filters).toEqual({ ...Q3, sector: null, region: null, cohort: null });
    });

    it('members registered in the period by sector, stage, region and nation', () => {
      // M2 (org C), E1 (A), E2 (B), E3 (A), the pending applicant (B); not M1 or E4 (earlier), staff or the rejected.
      expect(view.members.total).toBe(5);
      expect(view.members.mentorsOffering).toBe(1);
      const counts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.count]));
      expect(counts(view.members.bySector)).toEqual({ housing: 3, 'community-health': 2 });
      expect(counts(view.members.byStage)).toEqual({ 'business-case': 2, 'options-appraisal': 2, trading: 1 });
      expect(view.members.byStage.map((row) => row.key)).toEqual(['options-appraisal', 'business-case', 'trading']);
      expect(counts(view.members.byRegion)).toEqual({ london: 2, wales: 2, 'north-west': 1 });
      expect(counts(view.members.byNation)).toEqual({ england: 3, wales: 2 });
      expect(view.organisations.total).toBe(2);
      expect(counts(view.organisations.bySector)).toEqual({ housing: 1, 'community-health': 1 });
    });

    it('the mentoring funnel', () => {
      expect(view.funnel).toEqual({
        registered: 5,
        approved: 4, // M2, E1, E2, E3
        seeking: 2, // E2 (closed) and E3; E1 and E4 are in active pairs
        requested: 3, // E1, E2, E3
        matched: 2, // E1, E2
        active: 2, // E1's and E4's pairs at 30 September
        closedByOutcome: [{ key: 'goals-met', label: 'Goals met', count: 1 }],
      });
    });

    it('match rate against the 70% benchmark: 2 of the 3 who asked', () => {
      expect(view.matchRate).toEqual({ asked: 3, matched: 2, rate: 2 / 3, benchmark: 0.7 });
    });

    it('median days to match (4 and 9) and to the first session (6 and 10)', () => {
      expect(view.timeToMatch).toEqual({ matched: 2, medianDaysToMatch: 6.5, withSession: 2, medianDaysToFirstSession: 8 });
    });

    it('sessions and hours by month, E4 pair’s May and June sessions outside', () => {
      expect(view.sessionsByMonth).toEqual([
        { month: '2026-07', sessions: 1, hours: 1 },
        { month: '2026-08', sessions: 2, hours: 2.5 },
        { month: '2026-09', sessions: 1, hours: 0.5 },
      ]);
    });

    it('pairs meeting three or more times: E1’s of the three pairs active in Q3', () => {
      expect(view.engagement).toEqual({ pairs: 3, metThreeTimes: 1, share: 1 / 3 });
    });

    it('satisfaction: one close rating of 4; fit checks 2 good of 3 answers', () => {
      expect(view.satisfaction.ratings).toBe(1);
      expect(view.satisfaction.averageRating).toBe(4);
      expect(view.satisfaction.byRating.find((row) => row.key === '4')?.count).toBe(1);
      expect(view.satisfaction).toMatchObject({ fitAnswers: 3, goodFit: 2, goodFitShare: 2 / 3 });
    });

    it('needs attention now: two pairs without a session for 21 days, one fit concern, one request about to expire', () => {
      expect(view.attention.counts).toEqual({ 'no-session': 2, 'fit-concern': 1, 'request-expiring': 1 });
      const ids = (reason: string) => view.attention.items.filter((item) => item.reason === reason).map((item) => item.id);
      expect(ids('no-session')).toEqual([x3, x1]); // oldest last session first: June, then September
      expect(ids('fit-concern')).toEqual([x3]);
      expect(ids('request-expiring')).toEqual([expiringRequest]);
      expect(view.attention.items.find((item) => item.id === x3)?.mentee.displayName).toBe('Mentee Four');
    });

    it('forum and chat activity by week, from the Monday before 1 July', () => {
      expect(view.activityByWeek).toHaveLength(14);
      expect(view.activityByWeek[0].week).toBe('2026-06-29');
      expect(view.activityByWeek[1]).toEqual({ week: '2026-07-06', forumPosts: 2, chatMessages: 2, activeMembers: 2 });
      expect(view.activityByWeek.filter((week) => week.forumPosts + week.chatMessages > 0)).toHaveLength(1);
    });
  });

  describe('filters', () => {
    it('by sector: housing', async () => {
      const view = await metrics({ ...Q3, sector: 'housing' });
      expect(view.members.total).toBe(3);
      expect(view.funnel).toMatchObject({ requested: 1, matched: 1, active: 0 });
      expect(view.matchRate).toMatchObject({ asked: 1, matched: 1, rate: 1 });
      expect(view.sessionsByMonth.map((month) => month.sessions)).toEqual([0, 1, 0]);
      expect(view.organisations.total).toBe(1);
    });

    it('by region: Scotland (E4, with their own region and sector)', async () => {
      const view = await metrics({ ...Q3, region: 'scotland' });
      expect(view.members.total).toBe(0);
      expect(view.engagement).toEqual({ pairs: 1, metThreeTimes: 0, share: 0 });
      expect(view.attention.counts).toEqual({ 'no-session': 1, 'fit-concern': 1, 'request-expiring': 0 });
    });

    it('by cohort: those who joined in July 2026', async () => {
      const view = await metrics({ ...Q3, cohort: '2026-07' });
      expect(view.members.total).toBe(2); // M2, E1
      expect(view.funnel.requested).toBe(1);
      expect(view.organisations.total).toBe(1); // A
    });

    it('by date range: the whole year so far takes in E4 and M1', async () => {
      const view = await metrics({ from: '2026-01-01', to: '2026-12-31' });
      expect(view.members.total).toBe(7);
      expect(view.funnel.matched).toBe(3);
      expect(view.sessionsByMonth.reduce((sum, month) => sum + month.sessions, 0)).toBe(6);
    });
  });

  describe('CSV reports', () => {
    it('members.csv: UTF-8 with a byte order mark, parsing back to the rows the dashboard counts', async () => {
      const view = await metrics(Q3);
      const { response, rows } = await csv('members', Q3);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mutuals-members-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(Buffer.from(response.text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(rows).toHaveLength(view.members.total);
      const bySector = new Map<string, number>();
      for (const row of rows) bySector.set(row.sector, (bySector.get(row.sector) ?? 0) + 1);
      expect(Object.fromEntries(bySector)).toEqual(Object.fromEntries(view.members.bySector.map((row) => [row.key, row.count])));
      expect(Object.keys(rows[0])).not.toContain('email');
    });

    it('neutralises cells a spreadsheet would run as formulas', async () => {
      const members = (await csv('members', Q3)).rows;
      expect(members.map((row) => row.name)).toContain("'=cmd|' /C calc'!A0");
      expect(members.every((row) => !/^[=+\-@\t\r]/.test(row.name))).toBe(true);
      const organisations = (await csv('organisations', Q3)).rows;
      expect(organisations.map((row) => row.name).sort()).toEqual(["'-Valleys Housing Co-op", 'Riverside Community Health']);
    });

    it('mentorships.csv: the pairs active in the period, with counts and hours but no notes, goals or feedback', async () => {
      const view = await metrics(Q3);
      const { response, rows } = await csv('mentorships', Q3);
      expect(rows).toHaveLength(view.engagement.pairs);
      expect(rows.filter((row) => Number(row.sessions) >= 3)).toHaveLength(view.engagement.metThreeTimes);
      expect(rows.find((row) => row.id === x1)).toMatchObject({ mentor: 'Mentor One', mentee: 'Mentee One', sessions: '3', hours: '3' });
      expect(response.text).not.toMatch(/PRIVATE/);
    });

    it('sessions.csv: per month and pair, summing to the dashboard’s sessions and hours by month', async () => {
      const view = await metrics(Q3);
      const { response, rows } = await csv('sessions', Q3);
      expect(response.text).not.toMatch(/PRIVATE/);
      const months = new Map<string, { sessions: number; hours: number }>();
      for (const row of rows) {
        const month = months.get(row.month) ?? { sessions: 0, hours: 0 };
        months.set(row.month, { sessions: month.sessions + Number(row.sessions), hours: month.hours + Number(row.hours) });
      }
      expect(view.sessionsByMonth.filter((month) => month.sessions > 0)).toEqual([...months].map(([month, sums]) => ({ month, ...sums })));
    });

    it('outcomes.csv: the dashboard’s headline figures, one per row', async () => {
      const { rows } = await csv('outcomes', { ...Q3, sector: 'housing' });
      const value = (section: string, measure: string) => rows.find((row) => row.section === section && row.measure === measure)?.value;
      expect(value('funnel', 'registered')).toBe('3');
      expect(value('match rate', 'rate')).toBe('1');
      expect(value('match rate', 'benchmark')).toBe('0.7');
      expect(value('closed', 'Goals met')).toBe('1');
    });

    it('takes the same filters as the dashboard', async () => {
      expect((await csv('members', { ...Q3, cohort: '2026-07' })).rows.map((row) => row.name).sort()).toEqual(['Mentee One', 'Mentor Two']);
      expect((await csv('mentorships', { ...Q3, region: 'scotland' })).rows.map((row) => row.id)).toEqual([x3]);
      await request(t.url).get('/api/v1/admin/reports/members.csv').query({ sector: 'nonsense' }).set(coordinator.auth).expect(400);
    });
  });
});

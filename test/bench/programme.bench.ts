// The coordinator's dashboard at programme scale: 10,000 members, 2,000 organisations, 5,000
// mentorships with about 15,000 sessions, 20,000 forum posts and 30,000 chat messages, seeded with
// generate_series SQL. The built server runs in its own process (test/bench/support/harness.ts);
// GET /admin/metrics (every figure of the dashboard, SQL aggregates) is timed request by request,
// p50 and p99. The baseline, in the same run, computes the same figures by reading the rows into
// this process over a pg pool and counting in JavaScript (no HTTP: the baseline is spared that),
// and its figures are checked against the app's.
//   npm run bench -- programme      BENCH_DATABASE=pglite, BENCH_ROUNDS (default 30)
import type { Pool } from 'pg';
import type { ProgrammeMetricsView } from '@mutuals/contracts';
import { REGIONS, SECTORS, STAGES } from '@mutuals/profiles';
import { benchDatabaseKind, benchMembers, openBenchDatabase, startBenchApp } from './support/harness';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const MEMBERS = 10_000;
const ORGANISATIONS = 2_000;
const MENTORSHIPS = 5_000;

async function seed(pool: Pool): Promise<void> {
  const started = Date.now();
  const slugs = (terms: readonly { slug: string }[]) => terms.map((term) => term.slug);
  await pool.query(
    `INSERT INTO organisations (name, kind, sector, stage, region, created_by, created_at)
     SELECT 'Bench organisation ' || g, (ARRAY['mutual', 'aspiring', 'vcse'])[1 + g % 3],
            ($1::text[])[1 + g % cardinality($1::text[])], ($2::text[])[1 + (g / 3) % cardinality($2::text[])],
            ($3::text[])[1 + (g / 7) % cardinality($3::text[])], gen_random_uuid(), now() - make_interval(days => g % 540)
       FROM generate_series(1, $4::int) g`,
    [slugs(SECTORS), slugs(STAGES), slugs(REGIONS), ORGANISATIONS],
  );
  await pool.query(
    `INSERT INTO users (email, password_hash, display_name, handle, role, status, created_at, approved_at)
     SELECT 'bench' || g || '@bench.example', 'not-a-hash', 'Bench Member ' || g, 'bench-' || g, 'member',
            CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'active' END, now() - make_interval(days => g % 600, hours => g % 24),
            CASE WHEN g % 50 = 0 THEN NULL ELSE now() - make_interval(days => g % 600) + interval '2 days' END
       FROM generate_series(1, $1::int) g`,
    [MEMBERS],
  );
  await pool.query(`CREATE TABLE bench_people AS SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'bench%'`);
  await pool.query(`CREATE TABLE bench_orgs AS SELECT id, row_number() OVER (ORDER BY name) AS n FROM organisations WHERE name LIKE 'Bench%'`);
  // Every fifth member offers mentoring; two in three of the others seek it; one in ten has no organisation.
  await pool.query(
    `INSERT INTO profiles (user_id, display_name, handle, status, organisation_id, region, sectors, mentor_offers, mentee_seeks)
     SELECT p.id, 'Bench Member ' || p.n, 'bench-' || p.n, 'active', CASE WHEN p.n % 10 = 0 THEN NULL ELSE o.id END,
            CASE WHEN p.n % 10 = 0 THEN ($1::text[])[1 + p.n % cardinality($1::text[])] END,
            CASE WHEN p.n % 10 = 0 THEN ARRAY[($2::text[])[1 + p.n % cardinality($2::text[])]] ELSE '{}' END,
            p.n % 5 = 0, p.n % 5 <> 0 AND p.n % 3 <> 0
       FROM bench_people p JOIN bench_orgs o ON o.n = 1 + p.n % $3::int`,
    [slugs(REGIONS), slugs(SECTORS), ORGANISATIONS],
  );
  // Requests: one accepted per mentorship, plus declined, pending and expired ones.
  await pool.query(
    `CREATE TABLE bench_pairs AS
     SELECT g, mentee.id AS mentee_id, mentor.id AS mentor_id, now() - make_interval(days => g % 500, hours => g % 24) AS asked_at
       FROM generate_series(1, $1::int) g
       JOIN bench_people mentee ON mentee.n = 1 + (g * 7) % $2::int AND mentee.n % 5 <> 0
       JOIN bench_people mentor ON mentor.n = 5 * (1 + g % ($2::int / 5))`,
    [MENTORSHIPS * 2, MEMBERS],
  );
  await pool.query(
    `INSERT INTO mentoring_requests (mentee_id, mentor_id, message, status, expires_at, created_at, decided_at)
     SELECT mentee_id, mentor_id, 'Bench request', CASE WHEN g <= $1::int THEN 'accepted' WHEN g % 3 = 0 THEN 'declined' ELSE 'expired' END,
            asked_at + interval '14 days', asked_at, asked_at + make_interval(days => g % 20)
       FROM bench_pairs WHERE g <= $1::int * 1.4`,
    [MENTORSHIPS],
  );
  await pool.query(
    `INSERT INTO mentorships (mentor_id, mentee_id, request_id, status, started_at, closed_at, closed_by, outcome, rating, mentor_good_fit, mentee_good_fit)
     SELECT r.mentor_id, r.mentee_id, r.id, CASE WHEN p.g % 3 = 0 THEN 'closed' ELSE 'active' END, r.decided_at,
            CASE WHEN p.g % 3 = 0 THEN least(now(), r.decided_at + make_interval(days => 30 + p.g % 120)) END,
            CASE WHEN p.g % 3 = 0 THEN r.mentee_id END,
            CASE WHEN p.g % 3 = 0 THEN (ARRAY['goals-met', 'partly-met', 'ended-early', 'not-a-fit'])[1 + p.g % 4] END,
            CASE WHEN p.g % 3 = 0 THEN 1 + p.g % 5 END,
            CASE WHEN p.g % 4 <> 0 THEN p.g % 9 <> 0 END, CASE WHEN p.g % 5 <> 0 THEN p.g % 11 <> 0 END
       FROM mentoring_requests r JOIN bench_pairs p ON p.mentee_id = r.mentee_id AND p.mentor_id = r.mentor_id AND p.asked_at = r.created_at
      WHERE r.status = 'accepted'`,
  );
  // 0 to 6 sessions a pair, a fortnight apart after the start.
  await pool.query(
    `INSERT INTO mentorship_sessions (mentorship_id, held_at, duration_minutes, notes, logged_by)
     SELECT m.id, least(now(), m.started_at + make_interval(days => 3 + 14 * s)), 30 + 15 * (s % 4), 'Bench notes', m.mentor_id
       FROM (SELECT m.*, row_number() OVER (ORDER BY m.id) AS n FROM mentorships m) m
       CROSS JOIN generate_series(0, 5) s
      WHERE s < m.n % 7`,
  );
  await pool.query(`INSERT INTO forum_categories (slug, name, description, position) VALUES ('bench', 'Bench', 'Seeded', 100)`);
  await pool.query(
    `INSERT INTO forum_threads (id, category_id, title, author_id, last_seq, reply_count, last_post_at, created_at)
     SELECT gen_random_uuid(), (SELECT id FROM forum_categories WHERE slug = 'bench'), 'Bench thread ' || g, p.id, 40, 39, now(), now() - make_interval(days => g % 365)
       FROM generate_series(1, 500) g JOIN bench_people p ON p.n = g * 13`,
  );
  await pool.query(
    `INSERT INTO forum_posts (id, thread_id, seq, author_id, body, body_html, plain_text, created_at, search)
     SELECT gen_random_uuid(), t.id, s, p.id, 'Bench post', '<p>Bench post</p>', 'Bench post', t.created_at + make_interval(hours => s * 5), to_tsvector('simple', 'bench post')
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM forum_threads WHERE title LIKE 'Bench%') t
       CROSS JOIN generate_series(1, 40) s
       JOIN bench_people p ON p.n = 1 + (t.n * 31 + s * 17) % $1::int`,
    [MEMBERS],
  );
  await pool.query(
    `INSERT INTO conversations (id, kind, title, created_by, last_seq, created_at)
     SELECT gen_random_uuid(), 'group', 'Bench ' || g, p.id, 30, now() - make_interval(days => g % 365)
       FROM generate_series(1, 1000) g JOIN bench_people p ON p.n = g * 3`,
  );
  await pool.query(
    `INSERT INTO messages (conversation_id, seq, sender_id, client_id, body, body_html, created_at)
     SELECT c.id, s, p.id, gen_random_uuid(), 'Bench message', '<p>Bench message</p>', c.created_at + make_interval(hours => s * 3)
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM conversations WHERE title LIKE 'Bench%') c
       CROSS JOIN generate_series(1, 30) s
       JOIN bench_people p ON p.n = 1 + (c.n * 11 + s * 7) % $1::int`,
    [MEMBERS],
  );
  await pool.query(`DROP TABLE bench_people, bench_orgs, bench_pairs`);
  await pool.query(`VACUUM ANALYZE`);
  const counts = (
    await pool.query(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM organisations)::int AS organisations,
              (SELECT count(*) FROM mentorships)::int AS mentorships, (SELECT count(*) FROM mentorship_sessions)::int AS sessions,
              (SELECT count(*) FROM mentoring_requests)::int AS requests, (SELECT count(*) FROM forum_posts)::int AS posts,
              (SELECT count(*) FROM messages)::int AS messages`,
    )
  ).rows[0];
  console.log(`seeded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s (${benchDatabaseKind()})`);
}

// ---- the baseline: the same figures from rows read into this process ----

const DAY = 86_400_000;
const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const value = Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
  return Number(value.toFixed(1));
};
const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const month = (at: Date) => at.toISOString().slice(0, 7);
const monday = (at: Date) => {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};

/** Every figure the dashboard's headline, funnel and charts show, with no filters, over [from, to). */
async function figuresFromRows(pool: Pool, from: Date, to: Date) {
  const q = async <T>(sql: string) => (await pool.query(sql)).rows as T[];
  type Person = { id: string; status: string; created_at: Date; approved_at: Date | null; sector: string | null; stage: string | null; region: string | null; offers: boolean; seeks: boolean };
  const people = await q<Person>(
    `SELECT u.id, u.status, u.created_at, u.approved_at, coalesce(o.sector, p.sectors[1]) AS sector, coalesce(o.stage, p.mentee_stage) AS stage,
            coalesce(p.region, o.region) AS region, coalesce(p.mentor_offers, false) AS offers, coalesce(p.mentee_seeks, false) AS seeks
       FROM users u LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN organisations o ON o.id = p.organisation_id
      WHERE u.role = 'member' AND u.status <> 'rejected'`,
  );
  const organisations = await q<{ sector: string; stage: string; region: string; created_at: Date }>(`SELECT sector, stage, region, created_at FROM organisations`);
  const requests = await q<{ id: string; mentee_id: string; status: string; created_at: Date; expires_at: Date }>(`SELECT id, mentee_id, status, created_at, expires_at FROM mentoring_requests`);
  const mentorships = await q<{ id: string; mentee_id: string; status: string; started_at: Date; closed_at: Date | null; outcome: string | null; rating: number | null; mentor_good_fit: boolean | null; mentee_good_fit: boolean | null }>(
    `SELECT id, mentee_id, status, started_at, closed_at, outcome, rating, mentor_good_fit, mentee_good_fit FROM mentorships`,
  );
  const sessions = await q<{ mentorship_id: string; held_at: Date; duration_minutes: number }>(`SELECT mentorship_id, held_at, duration_minutes FROM mentorship_sessions`);
  const flagged = new Set((await q<{ mentorship_id: string }>(`SELECT DISTINCT mentorship_id FROM mentoring_check_ins WHERE flagged`)).map((row) => row.mentorship_id));
  const posts = await q<{ author_id: string; created_at: Date }>(`SELECT author_id, created_at FROM forum_posts`);
  const messages = await q<{ sender_id: string; created_at: Date }>(`SELECT sender_id, created_at FROM messages`);

  const within = (at: Date | null) => at !== null && at >= from && at < to;
  const everyone = new Map(people.map((person) => [person.id, person]));
  const registered = people.filter((person) => within(person.created_at));
  const menteeOf = (mentee: string) => everyone.has(mentee);
  const ours = mentorships.filter((m) => menteeOf(m.mentee_id));
  const sessionsOf = new Map<string, typeof sessions>();
  for (const session of sessions) sessionsOf.set(session.mentorship_id, [...(sessionsOf.get(session.mentorship_id) ?? []), session]);
  const activeMentees = new Set(ours.filter((m) => m.status === 'active').map((m) => m.mentee_id));
  const firstAsked = new Map<string, Date>();
  for (const r of requests)
    if (menteeOf(r.mentee_id) && within(r.created_at) && (!firstAsked.has(r.mentee_id) || r.created_at < firstAsked.get(r.mentee_id)!))
      firstAsked.set(r.mentee_id, r.created_at);
  const started = ours.filter((m) => within(m.started_at));
  const matchDays = started.map((m) => {
    const previous = Math.max(-Infinity, ...ours.filter((o) => o.mentee_id === m.mentee_id && o.started_at < m.started_at).map((o) => o.started_at.getTime()));
    const asked = requests.filter((r) => r.mentee_id === m.mentee_id && r.created_at <= m.started_at && r.created_at.getTime() > previous);
    const since = asked.length ? Math.min(...asked.map((r) => r.created_at.getTime())) : m.started_at.getTime();
    return (m.started_at.getTime() - since) / DAY;
  });
  const firstSessionDays = started.flatMap((m) => {
    const held = sessionsOf.get(m.id);
    return held ? [(Math.min(...held.map((s) => s.held_at.getTime())) - m.started_at.getTime()) / DAY] : [];
  });
  const pairs = ours.filter((m) => m.started_at < to && (m.closed_at === null || m.closed_at >= from));
  const closed = ours.filter((m) => within(m.closed_at));
  const ratings = closed.filter((m) => m.rating !== null);
  const now = Date.now();
  const lastSession = (m: (typeof ours)[number]) => Math.max(m.started_at.getTime(), ...(sessionsOf.get(m.id) ?? []).map((s) => s.held_at.getTime()));
  const sessionsInPeriod = sessions.filter((s) => within(s.held_at) && ours.some((m) => m.id === s.mentorship_id));
  const written = [
    ...posts.filter((p) => everyone.has(p.author_id) && within(p.created_at)).map((p) => ({ who: p.author_id, at: p.created_at, post: true })),
    ...messages.filter((m) => everyone.has(m.sender_id) && within(m.created_at)).map((m) => ({ who: m.sender_id, at: m.created_at, post: false })),
  ];
  const weeks = new Map<string, { forumPosts: number; chatMessages: number; members: Set<string> }>();
  for (const item of written) {
    const week = weeks.get(monday(item.at)) ?? { forumPosts: 0, chatMessages: 0, members: new Set<string>() };
    if (item.post) week.forumPosts += 1;
    else week.chatMessages += 1;
    week.members.add(item.who);
    weeks.set(monday(item.at), week);
  }
  const fitAnswers = pairs.flatMap((m) => [m.mentor_good_fit, m.mentee_good_fit]).filter((answer) => answer !== null);
  return {
    membersTotal: registered.length,
    membersBySector: Object.fromEntries(countBy(registered, (p) => p.sector ?? 'unknown')),
    membersByStage: Object.fromEntries(countBy(registered, (p) => p.stage ?? 'unknown')),
    membersByRegion: Object.fromEntries(countBy(registered, (p) => p.region ?? 'unknown')),
    organisationsBySector: Object.fromEntries(countBy(organisations.filter((o) => within(o.created_at)), (o) => o.sector)),
    funnel: {
      registered: registered.length,
      approved: people.filter((p) => within(p.approved_at)).length,
      seeking: people.filter((p) => p.status === 'active' && p.seeks && !activeMentees.has(p.id)).length,
      requested: firstAsked.size,
      matched: new Set(started.map((m) => m.mentee_id)).size,
      active: new Set(ours.filter((m) => m.started_at < to && (m.closed_at === null || m.closed_at >= to)).map((m) => m.mentee_id)).size,
    },
    closedByOutcome: Object.fromEntries(countBy(closed, (m) => m.outcome ?? 'unknown')),
    matchRate: {
      asked: firstAsked.size,
      matched: [...firstAsked].filter(([mentee, asked]) => ours.some((m) => m.mentee_id === mentee && m.started_at >= asked)).length,
    },
    medianDaysToMatch: median(matchDays),
    medianDaysToFirstSession: median(firstSessionDays),
    sessionsByMonth: Object.fromEntries(
      [...countBy(sessionsInPeriod, (s) => month(s.held_at))].map(([key, count]) => [
        key,
        { sessions: count, minutes: sessionsInPeriod.filter((s) => month(s.held_at) === key).reduce((sum, s) => sum + s.duration_minutes, 0) },
      ]),
    ),
    engagement: { pairs: pairs.length, metThreeTimes: pairs.filter((m) => (sessionsOf.get(m.id) ?? []).filter((s) => s.held_at < to).length >= 3).length },
    satisfaction: {
      ratings: ratings.length,
      average: ratings.length ? Number((ratings.reduce((sum, m) => sum + m.rating!, 0) / ratings.length).toFixed(2)) : null,
      fitAnswers: fitAnswers.length,
      goodFit: fitAnswers.filter(Boolean).length,
    },
    attention: {
      'no-session': ours.filter((m) => m.status === 'active' && lastSession(m) < now - 21 * DAY).length,
      'fit-concern': ours.filter((m) => m.status === 'active' && (m.mentor_good_fit === false || m.mentee_good_fit === false || flagged.has(m.id))).length,
      'request-expiring': requests.filter((r) => menteeOf(r.mentee_id) && r.status === 'pending' && r.expires_at.getTime() > now && r.expires_at.getTime() <= now + 3 * DAY).length,
    },
    activeWeeks: weeks.size,
    activity: Object.fromEntries([...weeks].map(([week, w]) => [week, { forumPosts: w.forumPosts, chatMessages: w.chatMessages, members: w.members.size }])),
  };
}

/** The app's answer in the baseline's shape, to check both count the same. */
function figuresFromView(view: ProgrammeMetricsView) {
  const counts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.count]));
  const active = view.activityByWeek.filter((week) => week.forumPosts + week.chatMessages > 0);
  return {
    membersTotal: view.members.total,
    membersBySector: counts(view.members.bySector),
    membersByStage: counts(view.members.byStage),
    membersByRegion: counts(view.members.byRegion),
    organisationsBySector: counts(view.organisations.bySector),
    funnel: { ...view.funnel, closedByOutcome: undefined },
    closedByOutcome: counts(view.funnel.closedByOutcome),
    matchRate: { asked: view.matchRate.asked, matched: view.matchRate.matched },
    medianDaysToMatch: view.timeToMatch.medianDaysToMatch,
    medianDaysToFirstSession: view.timeToMatch.medianDaysToFirstSession,
    sessionsByMonth: Object.fromEntries(
      view.sessionsByMonth.filter((m) => m.sessions > 0).map((m) => [m.month, { sessions: m.sessions, minutes: Math.round(m.hours * 60) }]),
    ),
    engagement: { pairs: view.engagement.pairs, metThreeTimes: view.engagement.metThreeTimes },
    satisfaction: {
      ratings: view.satisfaction.ratings,
      average: view.satisfaction.averageRating,
      fitAnswers: view.satisfaction.fitAnswers,
      goodFit: view.satisfaction.goodFit,
    },
    attention: view.attention.counts,
    activeWeeks: active.length,
    activity: Object.fromEntries(active.map((w) => [w.week, { forumPosts: w.forumPosts, chatMessages: w.chatMessages, members: w.activeMembers }])),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(label: string, run: () => Promise<unknown>): Promise<{ p50: number; p99: number; mean: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const took: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    await run();
    took.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  took.sort((a, b) => a - b);
  const figures = { p50: percentile(took, 50), p99: percentile(took, 99), mean: took.reduce((a, b) => a + b, 0) / took.length };
  console.log(`  ${label}: p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms (${ROUNDS} rounds)`);
  return figures;
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(`programme_${benchDatabaseKind()}`);
  try {
    await (await startBenchApp(database)).stop();
    const coordinator = await database.withPool(async (pool) => {
      await seed(pool);
      return (await benchMembers(pool, 1, 'coordinator'))[0]!;
    });

    // The app: the built server in its own process, the whole dashboard per request.
    let view: ProgrammeMetricsView | undefined;
    const app = await startBenchApp(database);
    let appFigures;
    try {
      const fetchDashboard = async () => {
        const response = await fetch(`${app.url}/api/v1/admin/metrics`, { headers: { authorization: `Bearer ${coordinator.token}` } });
        if (!response.ok) throw new Error(`GET /admin/metrics: ${response.status} ${await response.text()}`);
        view = (await response.json()) as ProgrammeMetricsView;
      };
      appFigures = await time('app, GET /admin/metrics (SQL aggregates, server process)', fetchDashboard);
    } finally {
      await app.stop();
    }

    // The baseline, with the server stopped (PGlite's directory is one process's at a time).
    const from = new Date(`${view!.filters.from}T00:00:00Z`);
    const to = new Date(new Date(`${view!.filters.to}T00:00:00Z`).getTime() + DAY);
    let rows: Awaited<ReturnType<typeof figuresFromRows>> | undefined;
    const baseFigures = await database.withPool((pool) =>
      time('baseline, rows read into the process and counted in JS', async () => {
        rows = await figuresFromRows(pool, from, to);
      }),
    );

    const fromApp = JSON.stringify(figuresFromView(view!), (key, value) => (value === undefined ? undefined : value));
    const fromRows = JSON.stringify(rows);
    const sorted = (text: string) => JSON.stringify(sortKeys(JSON.parse(text)));
    const agree = sorted(fromApp) === sorted(fromRows);
    console.log(`\nprogramme dashboard, ${MEMBERS} members, ${ORGANISATIONS} organisations, ${view!.engagement.pairs} pairs active in ${view!.filters.from}..${view!.filters.to}`);
    console.log(`  who        p50 ms   p99 ms`);
    console.log(`  app      ${appFigures.p50.toFixed(1).padStart(7)}  ${appFigures.p99.toFixed(1).padStart(7)}`);
    console.log(`  baseline ${baseFigures.p50.toFixed(1).padStart(7)}  ${baseFigures.p99.toFixed(1).padStart(7)}`);
    console.log(`  baseline/app p50: ${(baseFigures.p50 / appFigures.p50).toFixed(2)}x; figures agree: ${agree}`);
    if (!agree) {
      console.log(`app:      ${sorted(fromApp)}\nbaseline: ${sorted(fromRows)}`);
      process.exitCode = 1;
    }
  } finally {
    await database.drop();
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

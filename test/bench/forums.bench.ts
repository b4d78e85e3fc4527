// Forums at scale, as users run it: the built server in its own process, the load from another
// (test/bench/support/harness.ts), 200,000 posts in 10,000 threads by 2,000 members on Postgres
// (BENCH_DATABASE=pglite: 20,000 posts in the embedded PGlite). Each scenario (a thread page of 20
// posts, a category's thread list, searches for common words, for rare words and for a different
// rare word each time, posting a reply) runs at saturation (64 connections) and at fixed arrival
// rates, against the app and against a bare node:http + pg server running the same SQL
// (test/bench/support/bare-forums-server.ts), in the same run. Figures also go to test/.artifacts/forums-<database>-bench.json.
//   npm run bench -- forums            BENCH_SECONDS, BENCH_RATES=250,1000, BENCH_POSTS, BENCH_ONLY=search, BENCH_REUSE=1
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { BareForumsConfig } from './support/bare-forums-server';
import {
  type BenchDatabase,
  type LoadOptions,
  type PlannedRequest,
  type Row,
  type Target,
  benchDatabaseKind,
  benchMembers,
  loadLabel,
  measure,
  openBenchDatabase,
  printTable,
  saveRows,
  startBaseline,
  startBenchApp,
} from './support/harness';

const KIND = benchDatabaseKind();
const POSTS = Number(process.env.BENCH_POSTS ?? (KIND === 'pglite' ? 20_000 : 200_000));
const THREADS = Math.ceil(POSTS / 20);
const RATES = (process.env.BENCH_RATES ?? '250,1000').split(',').filter(Boolean).map(Number);
const ONLY = process.env.BENCH_ONLY?.split(',');

// A forum's vocabulary: indexes are drawn with a skew, so early words are common and late ones rare.
const COMMON = [
  'staff',
  'council',
  'contract',
  'pension',
  'board',
  'service',
  'mutual',
  'commissioner',
  'tupe',
  'transfer',
  'budget',
  'members',
  'social',
  'value',
  'care',
  'community',
  'team',
  'plan',
  'business',
  'governance',
];
const TOPICAL = [
  'admission',
  'agreement',
  'asset',
  'lock',
  'engagement',
  'tender',
  'retender',
  'procurement',
  'bid',
  'consortium',
  'partnership',
  'volunteers',
  'safeguarding',
  'library',
  'leisure',
  'youth',
  'health',
  'actuary',
  'guarantee',
  'bond',
  'reserves',
  'cashflow',
  'vat',
  'payroll',
  'framework',
  'outcomes',
  'survey',
  'council',
  'directors',
  'articles',
  'regulator',
  'dividend',
  'mobilisation',
  'appraisal',
  'options',
  'liability',
  'consultation',
  'harmonise',
  'shadow',
  'ownership',
];
const RARE = Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)}`);
const WORDS = [...COMMON, ...TOPICAL, ...RARE];
/** Common words match a sixth to a half of all posts; the rare ones (the tail of the vocabulary) under 1,000 of 200,000 posts, two of them together a handful. */
const COMMON_QUERIES = ['staff', 'pension', 'council contract', 'tupe transfer', '"social value"', 'service -board'];
const RARE_QUERIES = ['term2bb', 'term2b7', 'term2ag', 'term2b0 term2b1', 'term2ax', 'term29z'];
/**
 * Every rare word, each behind 0 to 19 stop words ("the"), which search drops: the same work, a
 * different cache key, so that nearly every request misses the app's cache of results.
 */
const DISTINCT_QUERIES = Array.from({ length: 20 }, (_, k) => RARE.map((word) => `${'the '.repeat(k)}${word}`)).flat();

/**
 * Bulk SQL: members, categories, threads, then 20 posts a thread with their tsvectors, in batches
 * (the trigger on forum_posts writes their search postings; a run of 200,000 takes minutes). Words are
 * drawn with hashint8, an int4 hash (dividing it by the int8 range, as before, made every word
 * "staff": one word in every post, no other word anywhere).
 */
async function seed(pool: Pool): Promise<void> {
  const started = Date.now();
  await pool.query(`INSERT INTO users (email, password_hash, display_name, handle, role, status)
    SELECT 'bench' || g || '@bench.example', 'not-a-hash', 'Bench Member ' || g, 'bench-' || g, 'member', 'active' FROM generate_series(1, 2000) g`);
  await pool.query(`INSERT INTO forum_categories (slug, name, description, position)
    SELECT 'bench-' || g, 'Bench category ' || g, 'Seeded', 100 + g FROM generate_series(1, 10) g`);
  await pool.query(`CREATE TABLE bench_users AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE email LIKE 'bench%'`);
  await pool.query(
    `CREATE TABLE bench_categories AS SELECT id, row_number() OVER (ORDER BY position) - 1 AS n FROM forum_categories WHERE slug LIKE 'bench-%'`,
  );
  await pool.query(
    `INSERT INTO forum_threads (id, category_id, title, author_id, last_seq, reply_count, last_post_at, created_at)
     SELECT gen_random_uuid(), c.id, 'Thread ' || g || ' on ' || ($1::text[])[1 + g % 60], u.id, 20, 19,
            now() - (g || ' minutes')::interval + interval '20 minutes', now() - (g || ' minutes')::interval
       FROM generate_series(0, $2::int - 1) g
       JOIN bench_categories c ON c.n = g % 10
       JOIN bench_users u ON u.n = (g * 7) % 2000`,
    [WORDS, THREADS],
  );
  // The search postings' index is built after the rows (the trigger on forum_posts writes the
  // rows): one sorted build is far faster than millions of insertions in word order.
  await pool.query(`ALTER TABLE forum_search_postings DROP CONSTRAINT "PK_a19ac669d0072eb85771b2fb96f"`);
  await pool.query(`CREATE TABLE bench_threads AS SELECT id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM forum_threads`);
  const batch = 500;
  for (let from = 1; from <= THREADS; from += batch) {
    await pool.query(
      `INSERT INTO forum_posts (id, thread_id, seq, author_id, body, body_html, plain_text, created_at, search)
       SELECT gen_random_uuid(), t.id, s, u.id, x.txt, '<p>' || x.txt || '</p>', x.txt, t.created_at + s * interval '1 second', to_tsvector('english', x.txt)
         FROM bench_threads t
         CROSS JOIN generate_series(1, 20) s
         JOIN bench_users u ON u.n = (t.n * 31 + s * 17) % 2000
         CROSS JOIN LATERAL (
           SELECT string_agg(($1::text[])[1 + floor(cardinality($1::text[]) * power(abs(hashint8((t.n * 20 + s) * 64 + i)::bigint) / 2147483649.0, 2.2))::int], ' ') AS txt
             FROM generate_series(1, 30) i
         ) x
        WHERE t.n BETWEEN $2 AND $3`,
      [WORDS, from, from + batch - 1],
    );
    console.log(
      `  seeding posts: ${Math.min(from + batch - 1, THREADS) * 20} of ${POSTS} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  await pool.query(`UPDATE forum_threads t SET last_post_id = p.id FROM forum_posts p WHERE p.thread_id = t.id AND p.seq = 20`);
  await pool.query(
    `UPDATE forum_categories c SET thread_count = $1::int / 10, post_count = $1::int * 2, last_activity_at = now() WHERE slug LIKE 'bench-%'`,
    [THREADS],
  );
  await pool.query(`ALTER TABLE forum_search_postings ADD CONSTRAINT "PK_a19ac669d0072eb85771b2fb96f" PRIMARY KEY (term, impact, post_id)`);
  await pool.query(`DROP TABLE bench_users, bench_categories, bench_threads`);
  await pool.query(`VACUUM ANALYZE`);
  const [{ posts }] = (await pool.query(`SELECT count(*)::int AS posts FROM forum_posts`)).rows;
  console.log(`seeded ${posts} posts in ${THREADS} threads by 2,000 members in ${((Date.now() - started) / 1000).toFixed(1)} s (${KIND})`);
}

interface Scenario {
  name: string;
  app: PlannedRequest[];
  baseline: PlannedRequest[];
  loads: LoadOptions[];
}

function scenarios(threadIds: string[], viewerToken: string, posters: { token: string }[]): Scenario[] {
  const bearer = { authorization: `Bearer ${viewerToken}` };
  const get = (path: string, headers: Record<string, string> = {}): PlannedRequest => ({ method: 'GET', path, headers });
  const reads: LoadOptions[] = [{ connections: 64 }, ...RATES.map((rate) => ({ rate }))];
  const categories = Array.from({ length: 10 }, (_, i) => `bench-${i + 1}`);
  const search = (queries: string[]) => ({
    app: queries.map((q) => get(`/api/v1/forums/search?q=${encodeURIComponent(q)}&limit=20`, bearer)),
    baseline: queries.map((q) => get(`/search?q=${encodeURIComponent(q)}`)),
  });
  const body = (i: number) => JSON.stringify({ body: `Reply ${i}: the **pension** admission agreement came back from the actuary today.` });
  const postTo = (path: (id: string) => string, withToken: boolean): PlannedRequest[] =>
    Array.from({ length: 256 }, (_, i) => ({
      method: 'POST',
      path: path(threadIds[i % threadIds.length]!),
      headers: { 'content-type': 'application/json', ...(withToken && { authorization: `Bearer ${posters[i % posters.length]!.token}` }) },
      body: body(i),
    }));
  return [
    {
      name: 'thread page (20 posts)',
      app: threadIds.map((id) => get(`/api/v1/forums/threads/${id}/posts?limit=20`, bearer)),
      baseline: threadIds.map((id) => get(`/threads/${id}/posts`)),
      loads: reads,
    },
    {
      name: "category's thread list",
      app: categories.map((slug) => get(`/api/v1/forums/categories/${slug}/threads?limit=20`, bearer)),
      baseline: categories.map((slug) => get(`/categories/${slug}/threads`)),
      loads: reads,
    },
    { name: 'search, common words', ...search(COMMON_QUERIES), loads: reads },
    { name: 'search, rare words', ...search(RARE_QUERIES), loads: reads },
    { name: 'search, distinct words', ...search(DISTINCT_QUERIES), loads: reads },
    {
      name: 'posting a reply',
      app: postTo((id) => `/api/v1/forums/threads/${id}/posts`, true),
      baseline: postTo((id) => `/threads/${id}/posts`, false),
      loads: [{ connections: 64 }],
    },
  ].filter((s) => !ONLY || ONLY.some((o) => s.name.includes(o)));
}

/** Runs the scenarios' loads against one target; the app's and the baseline's figures of a load pair up by index. */
async function runAll(target: Target, list: Scenario[], who: 'app' | 'baseline'): Promise<Map<string, Row['app']>> {
  const figures = new Map<string, Row['app']>();
  for (const scenario of list) {
    for (const load of scenario.loads) {
      const result = await measure(target, scenario[who], load);
      figures.set(`${scenario.name}|${loadLabel(load)}`, result);
      console.log(
        `  ${who.padEnd(8)} ${scenario.name}, ${loadLabel(load)}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}`,
      );
    }
  }
  return figures;
}

async function main(): Promise<void> {
  const database: BenchDatabase = await openBenchDatabase(`forums_${KIND}`);
  try {
    // The app migrates the fresh database; the rows are then written in bulk SQL.
    await (await startBenchApp(database)).stop();
    const { viewer, posters, threadIds } = await database.withPool(async (pool) => {
      const [{ posts }] = (await pool.query(`SELECT count(*)::int AS posts FROM forum_posts`)).rows;
      if (posts < POSTS) await seed(pool);
      else {
        console.log(`reusing ${posts} posts (BENCH_REUSE=1)`);
        // Posting watches a thread: an earlier run's posters would make every reply here mail and
        // notify them, which a fresh seed's replies do not. Their watching goes, their posts stay.
        await pool.query(
          `DELETE FROM forum_subscriptions WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'viewer-%@bench.example')`,
        );
      }
      const [viewer] = await benchMembers(pool, 1);
      const posters = await benchMembers(pool, 64);
      const threadIds: string[] = (await pool.query(`SELECT id FROM forum_threads ORDER BY hashtext(id::text) LIMIT 64`)).rows.map(
        (r) => r.id,
      );
      return { viewer: viewer!, posters, threadIds };
    });
    const all = scenarios(threadIds, viewer.token, posters);
    const bareConfig: BareForumsConfig = {
      ...(database.kind === 'pglite' ? { dataDir: database.env.DATA_DIR } : { databaseUrl: database.env.DATABASE_URL }),
      poolSize: Number(database.env.DATABASE_POOL_SIZE),
      viewerId: viewer.id,
    };
    // Reads first on both, then writes on both: the writes change what the reads would see.
    const reads = all.filter((s) => s.loads.length > 1);
    const writes = all.filter((s) => s.loads.length === 1);
    const appFigures = new Map<string, Row['app']>();
    const baseFigures = new Map<string, Row['app']>();
    for (const batch of [reads, writes]) {
      if (batch.length === 0) continue;
      // One at a time: the embedded database's directory is locked to one process.
      const app = await startBenchApp(database);
      try {
        for (const [k, v] of await runAll({ url: app.url, pid: app.child.pid }, batch, 'app')) appFigures.set(k, v);
      } finally {
        await app.stop();
      }
      const bare = await startBaseline(join(__dirname, 'support/bare-forums-server.ts'), bareConfig);
      try {
        for (const [k, v] of await runAll(bare, batch, 'baseline')) baseFigures.set(k, v);
      } finally {
        await bare.stop();
      }
    }
    const rows: Row[] = all.flatMap((s) =>
      s.loads.map((load) => {
        const key = `${s.name}|${loadLabel(load)}`;
        return { scenario: s.name, load: loadLabel(load), app: appFigures.get(key)!, baseline: baseFigures.get(key) };
      }),
    );
    printTable(
      `forums on ${KIND === 'pglite' ? 'embedded PGlite' : 'Postgres'}, ${POSTS.toLocaleString('en-GB')} posts (app = built server; baseline = node:http + pg, same SQL)`,
      rows,
    );
    saveRows(`forums-${KIND}`, rows, { posts: POSTS });
  } finally {
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// Forums read paths on Postgres at scale: 200,000 posts in 10,000 threads by 2,000 members.
// Each scenario (a thread page of 20 posts, a category's thread list, a search) runs at 64
// connections against the real app and against a bare node:http + pg server that runs the same
// SQL (exported by the forums repositories), in the same run; the ratio is the figure that matters.
//   npx ts-node --transpile-only -r tsconfig-paths/register test/bench/forums.bench.ts
// DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/test); the scratch
// database mn_bench_forums is made afresh on it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import { POST_REACTIONS_SQL, THREAD_POSTS_SQL } from '../../libs/forums/src/forum-posts.repository';
import { HEADLINE_OPTIONS, searchSql } from '../../libs/forums/src/forum-search.repository';
import { categoryThreadsSql } from '../../libs/forums/src/forum-threads.repository';
import { snippetHtml } from '../../libs/forums/src/post-text';
import { createMember } from '../support/factories';
import { startTestApp } from '../support/test-app';

// autocannon ships no types; this is the part used here.
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: { method: 'GET'; path: string }[];
}) => Promise<AutocannonResult>;

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
process.env.DATABASE_URL = BASE_URL; // the test app then uses a real pool, not the embedded one
const DATABASE = 'mn_bench_forums';
const POOL_SIZE = 20;
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

// A forum's vocabulary: indexes are drawn with a skew, so early words are common and late ones rare.
const COMMON = ['staff', 'council', 'contract', 'pension', 'board', 'service', 'mutual', 'commissioner', 'tupe', 'transfer', 'budget', 'members', 'social', 'value', 'care', 'community', 'team', 'plan', 'business', 'governance'];
const TOPICAL = ['admission', 'agreement', 'asset', 'lock', 'engagement', 'tender', 'retender', 'procurement', 'bid', 'consortium', 'partnership', 'volunteers', 'safeguarding', 'library', 'leisure', 'youth', 'health', 'actuary', 'guarantee', 'bond', 'reserves', 'cashflow', 'vat', 'payroll', 'framework', 'outcomes', 'survey', 'council', 'directors', 'articles', 'regulator', 'dividend', 'mobilisation', 'appraisal', 'options', 'liability', 'consultation', 'harmonise', 'shadow', 'ownership'];
const RARE = Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)}`);
const WORDS = [...COMMON, ...TOPICAL, ...RARE];

async function recreateDatabase(): Promise<string> {
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/** Bulk SQL: members, categories, threads, then 20 posts a thread with their tsvectors. */
async function seed(pool: Pool): Promise<void> {
  const started = Date.now();
  await pool.query(`INSERT INTO users (email, password_hash, display_name, handle, role, status)
    SELECT 'bench' || g || '@bench.example', 'not-a-hash', 'Bench Member ' || g, 'bench-' || g, 'member', 'active' FROM generate_series(1, 2000) g`);
  await pool.query(`INSERT INTO forum_categories (slug, name, description, position)
    SELECT 'bench-' || g, 'Bench category ' || g, 'Seeded', g FROM generate_series(1, 10) g`);
  await pool.query(`CREATE TABLE bench_users AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE email LIKE 'bench%'`);
  await pool.query(`CREATE TABLE bench_categories AS SELECT id, row_number() OVER (ORDER BY position) - 1 AS n FROM forum_categories`);
  await pool.query(`INSERT INTO forum_threads (category_id, title, author_id, last_seq, reply_count, last_post_at, created_at)
    SELECT c.id, 'Thread ' || g || ' on ' || ($1::text[])[1 + g % 60], u.id, 20, 19,
           now() - (g || ' minutes')::interval + interval '20 minutes', now() - (g || ' minutes')::interval
      FROM generate_series(0, 9999) g
      JOIN bench_categories c ON c.n = g % 10
      JOIN bench_users u ON u.n = (g * 7) % 2000`, [WORDS]);
  // Built after the rows: one index build is far faster than 200,000 GIN insertions.
  await pool.query(`DROP INDEX forum_posts_search_idx`);
  await pool.query(`INSERT INTO forum_posts (id, thread_id, seq, author_id, body, body_html, plain_text, created_at, search)
    SELECT gen_random_uuid(), t.id, s, u.id, x.txt, '<p>' || x.txt || '</p>', x.txt, t.created_at + s * interval '1 second', to_tsvector('english', x.txt)
      FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM forum_threads) t
      CROSS JOIN generate_series(1, 20) s
      JOIN bench_users u ON u.n = (t.n * 31 + s * 17) % 2000
      CROSS JOIN LATERAL (
        SELECT string_agg(($1::text[])[1 + floor(cardinality($1::text[]) * power(abs(hashint8((t.n * 20 + s) * 64 + i)) / 9223372036854775807.0, 2.2))::int], ' ') AS txt
          FROM generate_series(1, 30) i
      ) x`, [WORDS]);
  await pool.query(`UPDATE forum_threads t SET last_post_id = p.id FROM forum_posts p WHERE p.thread_id = t.id AND p.seq = 20`);
  await pool.query(`UPDATE forum_categories c SET thread_count = 1000, post_count = 20000, last_activity_at = now()`);
  await pool.query(`CREATE INDEX forum_posts_search_idx ON forum_posts USING GIN (search)`);
  await pool.query(`VACUUM ANALYZE`);
  const [{ posts }] = (await pool.query(`SELECT count(*)::int AS posts FROM forum_posts`)).rows;
  console.log(`seeded ${posts} posts in 10,000 threads by 2,000 members in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The baseline: the same statements, the same pool size, JSON out, nothing else. */
function bareServer(pool: Pool, viewerId: string): Promise<Server> {
  const authors = async (ids: string[]) =>
    new Map((await pool.query(`SELECT id, display_name, handle, role, status FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]])).rows.map((u) => [u.id, u]));
  const routes: [RegExp, (m: RegExpMatchArray, url: URL) => Promise<unknown>][] = [
    [/^\/threads\/([0-9a-f-]{36})\/posts$/, async (m) => {
      const posts = (await pool.query(THREAD_POSTS_SQL, [m[1], viewerId, false, 0, 21])).rows.slice(0, 20);
      const [reactions, names] = await Promise.all([pool.query(POST_REACTIONS_SQL, [posts.map((p) => p.id), viewerId]), authors(posts.map((p) => p.author_id))]);
      return { items: posts.map((p) => ({ ...p, author: names.get(p.author_id), reactions: reactions.rows.filter((r) => r.post_id === p.id) })) };
    }],
    [/^\/categories\/([a-z0-9-]+)\/threads$/, async (m) => {
      const [category] = (await pool.query(`SELECT id FROM forum_categories WHERE slug = $1`, [m[1]])).rows;
      const threads = (await pool.query(categoryThreadsSql(false), [category.id, viewerId, false, 21])).rows.slice(0, 20);
      const names = await authors(threads.map((t) => t.author_id));
      return { items: threads.map((t) => ({ ...t, author: names.get(t.author_id) })) };
    }],
    [/^\/search$/, async (_, url) => {
      const hits = (await pool.query(searchSql(false), [url.searchParams.get('q'), 21, null, HEADLINE_OPTIONS])).rows.slice(0, 20);
      const names = await authors(hits.map((h) => h.author_id));
      return { items: hits.map((h) => ({ ...h, snippet: snippetHtml(h.headline), author: names.get(h.author_id) })) };
    }],
  ];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bare');
    for (const [pattern, handle] of routes) {
      const match = url.pathname.match(pattern);
      if (!match) continue;
      try {
        const body = JSON.stringify(await handle(match, url));
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, paths: string[], headers: Record<string, string>): Promise<Figures> {
  const run = (duration: number) =>
    autocannon({ url, connections: CONNECTIONS, duration, headers, requests: paths.map((path) => ({ method: 'GET', path })) });
  await run(2); // warm-up: JIT, pool connections, plan and buffer caches
  const result = await run(SECONDS);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  const databaseUrl = await recreateDatabase();
  const app = await startTestApp({ databaseUrl, rateLimits: false, env: { DATABASE_POOL_SIZE: String(POOL_SIZE) } });
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  try {
    await seed(pool);
    const viewer = await createMember(app);
    const bare = await bareServer(pool, viewer.id);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    const threadIds: string[] = (await pool.query(`SELECT id FROM forum_threads ORDER BY hashtext(id::text) LIMIT 64`)).rows.map((r) => r.id);
    const queries = ['pension', 'tupe transfer', 'asset lock', '"social value"', 'retender -council', 'actuary guarantee', 'term2s', 'term1xq', 'consortium bid', 'safeguarding volunteers'];
    const scenarios: { name: string; app: string[]; bare: string[] }[] = [
      { name: 'thread page (20 posts)', app: threadIds.map((id) => `/api/v1/forums/threads/${id}/posts?limit=20`), bare: threadIds.map((id) => `/threads/${id}/posts`) },
      { name: "category's thread list", app: Array.from({ length: 10 }, (_, i) => `/api/v1/forums/categories/bench-${i + 1}/threads?limit=20`), bare: Array.from({ length: 10 }, (_, i) => `/categories/bench-${i + 1}/threads`) },
      { name: 'search', app: queries.map((q) => `/api/v1/forums/search?q=${encodeURIComponent(q)}&limit=20`), bare: queries.map((q) => `/search?q=${encodeURIComponent(q)}`) },
    ];

    const rows: string[] = [];
    for (const scenario of scenarios) {
      const appFigures = await load(app.url, scenario.app, viewer.auth);
      const bareFigures = await load(bareUrl, scenario.bare, {});
      const ratio = appFigures.rps / bareFigures.rps;
      const line = (who: string, f: Figures) => `  ${who.padEnd(5)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms${f.errors ? `   ${f.errors} errors` : ''}`;
      console.log(`${scenario.name}\n${line('app', appFigures)}\n${line('bare', bareFigures)}\n  ratio app/bare ${ratio.toFixed(2)} (aim >= 0.5)`);
      rows.push(`${scenario.name}: app/bare ${ratio.toFixed(2)}, app p99 ${appFigures.p99} ms`);
      if (scenario.name === 'search') console.log(`  search p99 ${appFigures.p99} ms (aim < 50 ms): ${appFigures.p99 < 50 ? 'met' : 'NOT met'}`);
    }
    console.log(`\nsummary\n  ${rows.join('\n  ')}`);
    bare.close();
  } finally {
    await pool.end();
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// The baseline of the forums benchmark: node:http + pg running the forums' own hot statements
// (exported by their repositories), the same pool size, JSON out, nothing else: no framework, no
// auth, no validation, no cache. Run as its own process by the harness; argv[2] is its JSON config;
// prints {"port": n} once listening. With `dataDir` it opens the embedded PGlite there, as the app does.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { EmbeddedPostgres } from '../../../libs/core/src/database/embedded-postgres';
import { INSERT_INTO_THREAD_SQL, POST_REACTORS_SQL, THREAD_POSTS_SQL } from '../../../libs/forums/src/forum-posts.repository';
import { searchHits } from '../../../libs/forums/src/forum-search.repository';
import { THREAD_FOR_POSTING_SQL, UNREAD_COUNTS_SQL, categoryThreadsSql } from '../../../libs/forums/src/forum-threads.repository';
import { snippetHtml } from '../../../libs/forums/src/post-text';

export interface BareForumsConfig {
  databaseUrl?: string;
  dataDir?: string;
  poolSize: number;
  /** Whose unread counts and reactions the reads show, and who posts. */
  viewerId: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as BareForumsConfig;
  const embedded = config.dataDir ? await EmbeddedPostgres.start(config.dataDir) : null;
  const pool = new Pool({ connectionString: embedded?.url ?? config.databaseUrl, max: config.poolSize });
  const viewerId = config.viewerId;
  const authors = async (ids: string[]) =>
    new Map(
      (await pool.query(`SELECT id, display_name, handle, avatar_url FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]])).rows.map(
        (u) => [u.id, u],
      ),
    );

  const routes: [string, RegExp, (m: RegExpMatchArray, url: URL, body: string) => Promise<unknown>][] = [
    [
      'GET',
      /^\/threads\/([0-9a-f-]{36})\/posts$/,
      async (m) => {
        const posts = (await pool.query(THREAD_POSTS_SQL, [m[1], false, 0, 21])).rows.slice(0, 20);
        const [reactions, names] = await Promise.all([
          pool.query(POST_REACTORS_SQL, [posts.map((p) => p.id)]),
          authors(posts.map((p) => p.author_id)),
        ]);
        return {
          items: posts.map((p) => ({
            ...p,
            author: names.get(p.author_id),
            reactions: reactions.rows
              .filter((r) => r.post_id === p.id)
              .map((r) => ({ emoji: r.emoji, n: r.user_ids.length, mine: r.user_ids.includes(viewerId) })),
          })),
        };
      },
    ],
    [
      'GET',
      /^\/categories\/([a-z0-9-]+)\/threads$/,
      async (m) => {
        const [category] = (await pool.query(`SELECT id FROM forum_categories WHERE slug = $1`, [m[1]])).rows;
        const threads = (await pool.query(categoryThreadsSql(false), [category.id, false, 21])).rows.slice(0, 20);
        const [names, reads] = await Promise.all([
          authors(threads.map((t) => t.author_id)),
          pool.query(UNREAD_COUNTS_SQL, [viewerId, threads.map((t) => t.id)]),
        ]);
        const unread = new Map(reads.rows.map((r) => [r.thread_id, r.unread]));
        return { items: threads.map((t) => ({ ...t, author: names.get(t.author_id), unreadCount: unread.get(t.id) ?? t.visible_count })) };
      },
    ],
    [
      'GET',
      /^\/search$/,
      async (_, url) => {
        const hits = (
          await searchHits(async (sql, parameters) => (await pool.query(sql, parameters)).rows, url.searchParams.get('q')!, null, 21, null)
        ).slice(0, 20);
        const names = await authors(hits.map((h) => h.author_id));
        return { items: hits.map((h) => ({ ...h, snippet: snippetHtml(h.headline), author: names.get(h.author_id) })) };
      },
    ],
    // A reply as the app sends one that nobody watches: the thread read first, then one statement (the
    // thread's seq under its row lock, the post with its search vector, the author's subscription,
    // the category's count) as its own transaction.
    [
      'POST',
      /^\/threads\/([0-9a-f-]{36})\/posts$/,
      async (m, _, raw) => {
        const { body } = JSON.parse(raw) as { body: string };
        const [thread] = (await pool.query(THREAD_FOR_POSTING_SQL, [m[1], viewerId, null, true])).rows;
        const [id, at] = [randomUUID(), new Date()];
        const params = [
          m[1],
          at,
          id,
          false,
          viewerId,
          body,
          `<p>${body}</p>`,
          null,
          body,
          null,
          null,
          '',
          thread.title,
          thread.hidden,
          thread.category_id,
        ];
        const [stored] = (await pool.query(INSERT_INTO_THREAD_SQL, params)).rows;
        return { id, seq: stored.last_seq, created_at: at };
      },
    ],
  ];

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://bare');
      for (const [method, pattern, handle] of routes) {
        const match = req.method === method && url.pathname.match(pattern);
        if (!match) continue;
        try {
          const body = JSON.stringify(await handle(match, url, raw));
          res.writeHead(method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(body);
        } catch (error) {
          res.writeHead(500).end(String(error));
        }
        return;
      }
      res.writeHead(404).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`));
  process.on('SIGTERM', () => {
    server.close();
    void pool
      .end()
      .then(() => embedded?.stop())
      .finally(() => process.exit(0));
  });
}

void main();

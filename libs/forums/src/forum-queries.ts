// The SQL of the hot reads, in one place: the service runs it, and test/bench/forums.bench.ts
// runs the very same statements behind a bare node:http server as the baseline.

/**
 * The columns of a post as a caller may see them, with the post it replies to joined as `q`.
 * A deleted post keeps no text; a quote shows only while the quoted post is visible.
 * `me` and `moderator` are the placeholders of the caller's id and moderator flag.
 */
export function postSelect(me: string, moderator: string): string {
  return `SELECT p.id, p.thread_id, p.seq, p.author_id, p.status, p.created_at, p.edited_at, p.reply_to_post_id,
      CASE WHEN p.status = 'deleted' THEN '' ELSE p.body_html END AS body_html,
      CASE WHEN p.status <> 'deleted' AND q.status = 'visible' THEN p.quote_html END AS quote_html,
      (p.quote_html IS NOT NULL AND p.status <> 'deleted') AS has_quote,
      CASE WHEN p.status <> 'deleted' AND (p.author_id = ${me} OR ${moderator}) THEN p.body END AS body
    FROM forum_posts p LEFT JOIN forum_posts q ON q.id = p.reply_to_post_id`;
}

/** Only this many matches are ranked: Postgres ranks every match otherwise (DESIGN.md, 473 ms at 250k). */
export const SEARCH_CANDIDATES = 500;

/** $1 thread, $2 viewer, $3 moderator, $4 after seq, $5 limit + 1. Keyset on seq. */
export const THREAD_POSTS_SQL = `${postSelect('$2', '$3')}
  WHERE p.thread_id = $1 AND p.seq > $4 AND (p.status <> 'hidden' OR $3)
  ORDER BY p.seq LIMIT $5`;

/** $1 posts, $2 viewer. */
export const POST_REACTIONS_SQL = `SELECT post_id, emoji, count(*)::int AS n, bool_or(user_id = $2) AS mine
  FROM forum_reactions WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, emoji`;

/**
 * $1 category, $2 viewer, $3 limit + 1, then the keyset ($4 pinned, $5 last post at, $6 id).
 * Pinned first, then latest activity; unread counts visible posts after the viewer's last read.
 */
export function categoryThreadsSql(after: boolean): string {
  return `SELECT t.id, t.title, t.author_id, t.reply_count, t.last_post_at, t.last_post_at::text AS at_key, t.pinned, t.locked,
      (SELECT count(*)::int FROM forum_posts p
        WHERE p.thread_id = t.id AND p.status = 'visible' AND p.seq > COALESCE(r.last_read_seq, 0)) AS unread_count
    FROM forum_threads t
    LEFT JOIN forum_thread_reads r ON r.thread_id = t.id AND r.user_id = $2
    WHERE t.category_id = $1 ${after ? 'AND (t.pinned, t.last_post_at, t.id) < ($4::boolean, $5::timestamptz, $6::uuid)' : ''}
    ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC
    LIMIT $3`;
}

/**
 * $1 query (web search syntax), $2 limit + 1, $3 category or null, $4 ts_headline options, then the
 * keyset ($5 rank, $6 post id). The GIN index finds matches; at most SEARCH_CANDIDATES are ranked;
 * snippets are made for the page alone, since ts_headline re-parses the text.
 */
export function searchSql(after: boolean): string {
  return `WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q),
    candidates AS (
      SELECT p.id, p.thread_id, p.author_id, p.created_at, ts_rank_cd(p.search, query.q)::float8 AS rank
        FROM forum_posts p CROSS JOIN query
       WHERE p.search @@ query.q AND p.status = 'visible'
         AND ($3::uuid IS NULL OR p.thread_id IN (SELECT id FROM forum_threads WHERE category_id = $3::uuid))
       LIMIT ${SEARCH_CANDIDATES}
    ),
    page AS (
      SELECT * FROM candidates c
       ${after ? 'WHERE (c.rank, c.id) < ($5::float8, $6::uuid)' : ''}
       ORDER BY c.rank DESC, c.id DESC LIMIT $2
    )
    SELECT page.id AS post_id, page.thread_id, page.author_id, page.created_at, page.rank, t.title, cat.slug AS category_slug,
           ts_headline('english', p.plain_text, query.q, $4) AS headline
      FROM page
      JOIN forum_posts p ON p.id = page.id
      JOIN forum_threads t ON t.id = page.thread_id
      JOIN forum_categories cat ON cat.id = t.category_id
      CROSS JOIN query
     ORDER BY page.rank DESC, page.id DESC`;
}

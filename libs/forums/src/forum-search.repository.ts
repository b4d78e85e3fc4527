import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MARK_START, MARK_STOP } from './post-text';

/**
 * Only the newest this many matches are ranked: ranking every match of a common word costs time
 * in proportion to the forum (DESIGN.md, 473 ms at 250k posts), while the newest matches are found
 * in recency order by forum_posts_recent_idx, and a rare word's few matches by the GIN index.
 */
export const SEARCH_CANDIDATES = 1000;

/** A match's relevance is divided by 1 + its age in RECENCY_DAYS: a post 90 days old needs twice a new one's relevance. */
const RECENCY_DAYS = 90;

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * $1 query (web search syntax), $2 limit + 1, $3 category or null, $4 ts_headline options, then the
 * keyset ($5 rank, $6 post id). Visible posts of visible threads only. The newest
 * SEARCH_CANDIDATES matches are ranked by relevance (the title weighs more) favouring recent
 * posts; ages count from the hour, so a rank stays put while someone pages through; snippets are
 * made for the page alone, since ts_headline re-parses the text. Exported for test/bench/forums.bench.ts.
 */
export function searchSql(after: boolean): string {
  // The query is written out in the candidates' WHERE, not taken from the query CTE: the planner
  // then knows the words, and so how many posts match, and walks forum_posts_recent_idx for a
  // common word instead of fetching all its matches from the GIN index to sort them.
  return `WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q, date_trunc('hour', now()) AS at),
    candidates AS (
      SELECT p.id, p.thread_id, p.author_id, p.created_at, p.search
        FROM forum_posts p
       WHERE p.search @@ websearch_to_tsquery('english', $1) AND p.status = 'visible'
         AND NOT EXISTS (SELECT 1 FROM forum_threads h WHERE h.id = p.thread_id AND h.hidden)
         AND ($3::uuid IS NULL OR p.thread_id IN (SELECT id FROM forum_threads WHERE category_id = $3::uuid))
       ORDER BY p.created_at DESC
       LIMIT ${SEARCH_CANDIDATES}
    ),
    ranked AS (
      SELECT c.id, c.thread_id, c.author_id, c.created_at,
             (ts_rank_cd(c.search, query.q) / (1 + GREATEST(extract(epoch FROM query.at - c.created_at), 0) / ${RECENCY_DAYS * 86_400}))::float8 AS rank
        FROM candidates c CROSS JOIN query
    ),
    page AS (
      SELECT * FROM ranked r
       ${after ? 'WHERE (r.rank, r.id) < ($5::float8, $6::uuid)' : ''}
       ORDER BY r.rank DESC, r.id DESC LIMIT $2
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

export interface SearchHitRow {
  post_id: string;
  thread_id: string;
  author_id: string;
  created_at: Date;
  rank: number;
  title: string;
  category_slug: string;
  headline: string;
}

/** Full-text search over the forums. */
@Injectable()
export class ForumSearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  search(q: string, categoryId: string | null, limit: number, after: [rank: number, postId: string] | null): Promise<SearchHitRow[]> {
    return this.db.query(searchSql(after !== null), [q, limit, categoryId, HEADLINE_OPTIONS, ...(after ?? [])]);
  }
}

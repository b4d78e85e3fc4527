import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MARK_START, MARK_STOP } from './post-text';

/** Only this many matches are ranked: Postgres ranks every match otherwise (DESIGN.md, 473 ms at 250k). */
export const SEARCH_CANDIDATES = 500;

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * $1 query (web search syntax), $2 limit + 1, $3 category or null, $4 ts_headline options, then the
 * keyset ($5 rank, $6 post id). Visible posts of visible threads only. The GIN index finds matches;
 * at most SEARCH_CANDIDATES are ranked; snippets are made for the page alone, since ts_headline
 * re-parses the text. Exported for test/bench/forums.bench.ts.
 */
export function searchSql(after: boolean): string {
  return `WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q),
    candidates AS (
      SELECT p.id, p.thread_id, p.author_id, p.created_at, ts_rank_cd(p.search, query.q)::float8 AS rank
        FROM forum_posts p CROSS JOIN query
       WHERE p.search @@ query.q AND p.status = 'visible'
         AND NOT EXISTS (SELECT 1 FROM forum_threads h WHERE h.id = p.thread_id AND h.hidden)
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

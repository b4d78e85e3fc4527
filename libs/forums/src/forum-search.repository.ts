import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MARK_START, MARK_STOP } from './post-text';

/**
 * A query of several words takes, for each word, its best SEARCH_CANDIDATES_PER_WORD matches of
 * the whole query (by that word's score) from the first SEARCH_SCAN[0] of the word's postings, and
 * when that fills less than a page (a phrase or AND of common words), from the next ones up to
 * SEARCH_SCAN[1]. A word with fewer postings than that is covered whole.
 */
export const SEARCH_CANDIDATES_PER_WORD = 200;
export const SEARCH_SCAN = [1000, 10_000] as const;

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * $1 query (web search syntax), $2 limit + 1, $3 category or null, $4 ts_headline options, then the
 * keyset ($5 score, $6 post id). Visible posts of visible threads only, from forum_search_postings
 * (migration SearchPostings).
 *
 * A post's score for a query is forum_search_score(the sum of its ranks for each word the query
 * looks for, its creation time): relevance (a title word weighs more) halved every 180 days of
 * age, as a number that does not depend on the time now, so pages stay put. A post's score is at
 * least its score for any one of those words, which is what the postings hold.
 *
 * One word (whatever it excludes): the word's postings are walked best first from the keyset,
 * each post checked, until the page is full, so its ranking and pages are exact and complete,
 * in a small category too. Several words: each word's best matches of the whole query (phrases,
 * AND, OR, exclusions checked), walked from the keyset's score down (a post after the keyset
 * scores below it, so each of its words does too), are ranked together: exact whenever a word
 * has at most SEARCH_SCAN[1] postings, otherwise the best of what the most relevant and recent
 * postings of each word hold. A query of exclusions alone finds nothing. Snippets are made for
 * the page alone, since ts_headline re-parses the text. Exported for test/bench.
 */
export function searchSql(after: boolean): string {
  // The query is written out, not taken from the query CTE: the planner then knows how many posts
  // match it, and that a walk stops early.
  const matches = `p.status = 'visible' AND NOT t.hidden AND ($3::uuid IS NULL OR t.category_id = $3::uuid) AND p.search @@ websearch_to_tsquery('english', $1)`;
  const score = `forum_search_score((SELECT sum(ts_rank_cd(p.search, forum_search_term(terms.term))::float8) FROM terms), p.created_at)`;
  const walk = (keyset: string, scan: string, take: string, when: string) => `
      SELECT hit.id FROM terms CROSS JOIN LATERAL (
        SELECT p.id
          FROM (SELECT s.post_id, s.impact FROM forum_search_postings s
                 WHERE s.term = terms.term ${after ? `AND ${keyset}` : ''}
                 ORDER BY s.impact DESC, s.post_id DESC ${scan}) s
          JOIN forum_posts p ON p.id = s.post_id
          JOIN forum_threads t ON t.id = p.thread_id
         WHERE ${matches}
         ORDER BY s.impact DESC, s.post_id DESC
         LIMIT ${take}
      ) hit
       WHERE ${when}`;
  const several = (from: number, to: number, when = '') =>
    walk(
      's.impact <= $5::float8',
      `OFFSET ${from} LIMIT ${to - from}`,
      String(SEARCH_CANDIDATES_PER_WORD),
      `(SELECT n FROM words) > 1${when}`,
    );
  const afterKeyset = after ? `WHERE (${score}, p.id) < ($5::float8, $6::uuid)` : '';
  return `WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q),
    terms AS (SELECT forum_search_terms(query.q) AS term FROM query),
    words AS (SELECT count(*) AS n FROM terms),
    one AS (${walk('(s.impact, s.post_id) < ($5::float8, $6::uuid)', '', '$2', '(SELECT n FROM words) = 1')}),
    near AS (${several(0, SEARCH_SCAN[0])}),
    far AS (${several(SEARCH_SCAN[0], SEARCH_SCAN[1], ` AND (SELECT count(*) FROM near JOIN forum_posts p ON p.id = near.id ${afterKeyset}) < $2`)}),
    scored AS (
      SELECT p.id, p.thread_id, p.author_id, p.created_at, ${score} AS rank
        FROM (SELECT id FROM one UNION SELECT id FROM near UNION SELECT id FROM far) c JOIN forum_posts p ON p.id = c.id
    ),
    page AS (
      SELECT * FROM scored r
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

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
export const SEARCH_SCAN = [500, 5000] as const;

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** The lexemes a query looks for (querytree drops exclusions), as the postings hold them. */
export const SEARCH_TERMS_SQL = `SELECT array(SELECT forum_search_terms(websearch_to_tsquery('english', $1))) AS terms`;

/**
 * $1 query (web search syntax), $2 limit + 1, $3 category or null, $4 ts_headline options, $5 the
 * query's one word or its words (SEARCH_TERMS_SQL), then the keyset ($6 score, $7 post id).
 * Visible posts of visible threads only, from forum_search_postings (migration SearchPostings).
 *
 * A post's score for a query is forum_search_score(the sum of its ranks for each word the query
 * looks for, its creation time): relevance (a title word weighs more) halved every 180 days of
 * age, as a number that does not depend on the time now, so pages stay put. A post's score is at
 * least its score for any one of those words, which is what the postings hold.
 *
 * One word (whatever it excludes): its score is the posting's, and the word's postings are walked
 * best first from the keyset, each post checked, until the page is full: exact ranking, complete
 * pages, in a small category too. Several words: each word's best matches of the whole query
 * (phrases, AND, OR, exclusions checked), walked from the keyset's score down (a post after the
 * keyset scores below it, so each of its words does too), are ranked together: exact whenever a
 * word has at most SEARCH_SCAN[1] postings, otherwise the best of what the most relevant and
 * recent postings of each word hold. Snippets are made for the page alone, since ts_headline
 * re-parses the text. Two statements, so that the common one (one word) is planned in a
 * fraction of the other's time.
 */
export function searchSql(words: 'one' | 'several', after: boolean): string {
  // The query is written out, not taken from a CTE: the planner then knows how many posts match
  // it, and that a walk stops early.
  const matches = `p.status = 'visible' AND NOT t.hidden AND ($3::uuid IS NULL OR t.category_id = $3::uuid) AND p.search @@ websearch_to_tsquery('english', $1)`;
  const hits = (page: string) => `
    SELECT page.id AS post_id, page.thread_id, page.author_id, page.created_at, page.rank, t.title, cat.slug AS category_slug,
           ts_headline('english', page.plain_text, websearch_to_tsquery('english', $1), $4) AS headline
      FROM (${page}) page
      JOIN forum_threads t ON t.id = page.thread_id
      JOIN forum_categories cat ON cat.id = t.category_id
     ORDER BY page.rank DESC, page.id DESC`;
  if (words === 'one')
    return hits(`
      SELECT p.id, p.thread_id, p.author_id, p.created_at, p.plain_text, s.impact AS rank
        FROM forum_search_postings s
        JOIN forum_posts p ON p.id = s.post_id
        JOIN forum_threads t ON t.id = p.thread_id
       WHERE s.term = $5::text AND ${matches} ${after ? 'AND (s.impact, s.post_id) < ($6::float8, $7::uuid)' : ''}
       ORDER BY s.impact DESC, s.post_id DESC
       LIMIT $2`);
  const score = `forum_search_score((SELECT sum(ts_rank_cd(p.search, forum_search_term(terms.term))::float8) FROM terms), p.created_at)`;
  const afterKeyset = (rank: string, id: string) => (after ? `WHERE (${rank}, ${id}) < ($6::float8, $7::uuid)` : '');
  const walk = (from: number, to: number) => `
      SELECT hit.id FROM terms CROSS JOIN LATERAL (
        SELECT p.id
          FROM (SELECT s.post_id, s.impact FROM forum_search_postings s
                 WHERE s.term = terms.term ${after ? 'AND s.impact <= $6::float8' : ''}
                 ORDER BY s.impact DESC, s.post_id DESC OFFSET ${from} LIMIT ${to - from}) s
          JOIN forum_posts p ON p.id = s.post_id
          JOIN forum_threads t ON t.id = p.thread_id
         WHERE ${matches}
         ORDER BY s.impact DESC, s.post_id DESC
         LIMIT ${SEARCH_CANDIDATES_PER_WORD}
      ) hit`;
  return `WITH terms AS (SELECT unnest($5::text[]) AS term),
    near AS (${walk(0, SEARCH_SCAN[0])}),
    far AS (${walk(SEARCH_SCAN[0], SEARCH_SCAN[1])}
       WHERE (SELECT count(*) FROM near JOIN forum_posts p ON p.id = near.id ${afterKeyset(score, 'p.id')}) < $2)
    ${hits(`
      SELECT * FROM (
        SELECT p.id, p.thread_id, p.author_id, p.created_at, p.plain_text, ${score} AS rank
          FROM (SELECT id FROM near UNION SELECT id FROM far) c JOIN forum_posts p ON p.id = c.id) r
       ${afterKeyset('r.rank', 'r.id')}
       ORDER BY r.rank DESC, r.id DESC LIMIT $2`)}`;
}

/** A page of search hits (limit + 1 rows), by the statements above; `query` runs one (the app's connection, or the bench's baseline). */
export async function searchHits(
  query: <Row>(sql: string, parameters: unknown[]) => Promise<Row[]>,
  q: string,
  categoryId: string | null,
  limit: number,
  after: [rank: number, postId: string] | null,
): Promise<SearchHitRow[]> {
  const [{ terms }] = (await query<{ terms: string[] }>(SEARCH_TERMS_SQL, [q])) as [{ terms: string[] }];
  // Exclusions alone, or stop words alone: nothing an index could find.
  if (terms.length === 0) return [];
  const one = terms.length === 1;
  return query<SearchHitRow>(searchSql(one ? 'one' : 'several', after !== null), [
    q,
    limit,
    categoryId,
    HEADLINE_OPTIONS,
    one ? terms[0] : terms,
    ...(after ?? []),
  ]);
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
    return searchHits((sql, parameters) => this.db.query(sql, parameters), q, categoryId, limit, after);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Impact-ordered postings for search (forum-search.repository.ts): a row per word of a visible
 * post, scored by forum_search_score, kept by triggers on forum_posts so that every way a post
 * changes (posting, editing, hiding, deleting, erasing a member, bulk SQL) keeps them exact. The
 * GIN index and the newest-first index served only search, and each cost every post written.
 *
 * A word's rank in a post is ts_rank_cd against that word alone: forum_search_term makes its
 * tsquery from the lexeme as stored (quoted, so it is not parsed or stemmed again). A score is
 * ln(rank) + seconds since 1970 * ln 2 / 180 days, which orders like rank * 2^(-age / 180 days)
 * whatever the time now, so a score never needs recomputing. A trigger deletes a post's postings
 * by recomputing their keys, exactly, from the old row: changing either function means
 * rebuilding the table.
 */
export class SearchPostings1796229098416 implements MigrationInterface {
  name = 'SearchPostings1796229098416';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_posts_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_posts_recent_idx"`);
    await queryRunner.query(
      `CREATE TABLE "forum_search_postings" ("term" text NOT NULL, "impact" double precision NOT NULL, "post_id" uuid NOT NULL, CONSTRAINT "PK_a19ac669d0072eb85771b2fb96f" PRIMARY KEY ("term", "impact", "post_id"))`,
    );
    // Plain SQL, neither strict nor calling a regular expression, so that they are inlined: the
    // trigger computes one score per word of every post written.
    await queryRunner.query(`CREATE FUNCTION forum_search_term(term text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN ('''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || '''')::tsquery`);
    // querytree keeps what an index could look for (no exclusions), each lexeme quoted with ' and \
    // doubled. PL/pgSQL so that the planner takes ROWS as said (a query has a word or two), not 10:
    // with 10 it costs a search above jit_above_cost, and compiling it takes longer than running it.
    await queryRunner.query(`CREATE FUNCTION forum_search_terms(q tsquery) RETURNS SETOF text
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE ROWS 2 AS $$
      BEGIN
        RETURN QUERY SELECT DISTINCT regexp_replace(m[1], '([''\\\\])(.)', '\\2', 'g')
          FROM regexp_matches(querytree(q), '''((?:[^''\\\\]|''''|\\\\.)*)''', 'g') m;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION forum_search_score(rank float8, at timestamptz) RETURNS float8
      LANGUAGE sql STABLE PARALLEL SAFE
      RETURN ln(GREATEST(rank, 1e-6)) + date_part('epoch', at) * (ln(2::float8) / 15552000)`);
    await queryRunner.query(`CREATE FUNCTION forum_search_postings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'visible' THEN
          DELETE FROM forum_search_postings s USING unnest(OLD.search) w
           WHERE s.term = w.lexeme
             AND s.impact = forum_search_score(ts_rank_cd(OLD.search, forum_search_term(w.lexeme)), OLD.created_at)
             AND s.post_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'visible' THEN
          INSERT INTO forum_search_postings (term, impact, post_id)
          SELECT w.lexeme, forum_search_score(ts_rank_cd(NEW.search, forum_search_term(w.lexeme)), NEW.created_at), NEW.id
            FROM unnest(NEW.search) w;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER forum_search_postings_written AFTER INSERT OR DELETE ON forum_posts
      FOR EACH ROW EXECUTE FUNCTION forum_search_postings_sync()`);
    await queryRunner.query(`CREATE TRIGGER forum_search_postings_changed AFTER UPDATE OF search, status, created_at ON forum_posts
      FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search OR OLD.status IS DISTINCT FROM NEW.status OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION forum_search_postings_sync()`);
    await queryRunner.query(`INSERT INTO forum_search_postings (term, impact, post_id)
      SELECT w.lexeme, forum_search_score(ts_rank_cd(p.search, forum_search_term(w.lexeme)), p.created_at), p.id
        FROM forum_posts p CROSS JOIN LATERAL unnest(p.search) w WHERE p.status = 'visible'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER forum_search_postings_changed ON forum_posts`);
    await queryRunner.query(`DROP TRIGGER forum_search_postings_written ON forum_posts`);
    await queryRunner.query(`DROP FUNCTION forum_search_postings_sync()`);
    await queryRunner.query(`DROP FUNCTION forum_search_score(float8, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION forum_search_terms(tsquery)`);
    await queryRunner.query(`DROP FUNCTION forum_search_term(text)`);
    await queryRunner.query(`DROP TABLE "forum_search_postings"`);
    await queryRunner.query(`CREATE INDEX "forum_posts_recent_idx" ON "forum_posts" USING btree ("created_at") `);
    await queryRunner.query(`CREATE INDEX "forum_posts_search_idx" ON "forum_posts" USING gin ("search") `);
  }
}

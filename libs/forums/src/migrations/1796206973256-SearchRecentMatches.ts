import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search takes its candidates newest first (forum-search.repository.ts): for a common word this
 * index walks back from the newest posts until it has enough matches, instead of fetching every
 * match from the GIN index to sort them.
 */
export class SearchRecentMatches1796206973256 implements MigrationInterface {
  name = 'SearchRecentMatches1796206973256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "forum_posts_recent_idx" ON "forum_posts" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_posts_recent_idx"`);
  }
}

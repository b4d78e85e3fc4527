import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, then trimmed: the generator also proposed dropping the hand-added GIN index, CHECK
 * constraints and partial unique index of CreateForums, which the entities cannot express.
 */
export class ThreadHidingAndIdempotencyKeys1796191149134 implements MigrationInterface {
  name = 'ThreadHidingAndIdempotencyKeys1796191149134';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_threads" ADD "hidden" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "forum_threads" ADD "client_id" uuid`);
    await queryRunner.query(`ALTER TABLE "forum_posts" ADD "client_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_threads_client_key" ON "forum_threads"  ("author_id", "client_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_posts_client_key" ON "forum_posts"  ("author_id", "client_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_posts_client_key"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_client_key"`);
    await queryRunner.query(`ALTER TABLE "forum_posts" DROP COLUMN "client_id"`);
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP COLUMN "client_id"`);
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP COLUMN "hidden"`);
  }
}

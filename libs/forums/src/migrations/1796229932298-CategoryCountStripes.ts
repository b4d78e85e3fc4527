import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply no longer updates its category's row, which every reply in the category did under one
 * row lock: counts move in stripes by thread (see ForumCategoryCountEntity), and readers add them
 * to the category's columns. The columns keep what they counted so far.
 */
export class CategoryCountStripes1796229932298 implements MigrationInterface {
  name = 'CategoryCountStripes1796229932298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_category_counts" ("category_id" uuid NOT NULL, "stripe" smallint NOT NULL, "thread_count" integer NOT NULL DEFAULT '0', "post_count" integer NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6c9a9a75ad77ab75746b65c6209" PRIMARY KEY ("category_id", "stripe"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_counts" ADD CONSTRAINT "FK_6b7348e90e93b8fdf7345f35277" FOREIGN KEY ("category_id") REFERENCES "forum_categories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The stripes' deltas go back into the columns before the table does.
    await queryRunner.query(
      `UPDATE "forum_categories" c SET "thread_count" = c."thread_count" + s.threads, "post_count" = c."post_count" + s.posts,
              "last_activity_at" = GREATEST(c."last_activity_at", s.at)
         FROM (SELECT "category_id", sum("thread_count")::int AS threads, sum("post_count")::int AS posts, max("last_activity_at") AS at
                 FROM "forum_category_counts" GROUP BY "category_id") s
        WHERE c."id" = s."category_id"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_category_counts" DROP CONSTRAINT "FK_6b7348e90e93b8fdf7345f35277"`);
    await queryRunner.query(`DROP TABLE "forum_category_counts"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateForums1796123667161 implements MigrationInterface {
  name = 'CreateForums1796123667161';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(60) NOT NULL, "name" character varying(80) NOT NULL, "description" character varying(300) NOT NULL, "sector_slug" character varying(40), "position" integer NOT NULL DEFAULT '0', "thread_count" integer NOT NULL DEFAULT '0', "post_count" integer NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_502afa07fc57ce4b302dc00217e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_categories_slug_key" ON "forum_categories"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "forum_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "reason" character varying(500) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "resolution" character varying(16), "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3094e7800a11bdbac238beabaac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "forum_flags_post_idx" ON "forum_flags"  ("post_id") `);
    await queryRunner.query(`CREATE INDEX "forum_flags_queue_idx" ON "forum_flags"  ("status", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "forum_post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body" text NOT NULL, "edited_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_324fe7c4ef9fae3c35f6824aff9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "forum_post_revisions_post_idx" ON "forum_post_revisions"  ("post_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "forum_threads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_id" uuid NOT NULL, "title" character varying(160) NOT NULL, "author_id" uuid NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "last_seq" integer NOT NULL DEFAULT '0', "reply_count" integer NOT NULL DEFAULT '0', "last_post_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_post_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_38ce39ab347624dee46e0d11e95" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_threads_listing_idx" ON "forum_threads"  ("category_id", "pinned", "last_post_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_posts" ("id" uuid NOT NULL, "thread_id" uuid NOT NULL, "seq" integer NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "quote_html" text, "plain_text" text NOT NULL, "reply_to_post_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'visible', "edited_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "search" tsvector NOT NULL, CONSTRAINT "PK_3e9c301114a0fd42c998681b04e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "forum_posts_author_idx" ON "forum_posts"  ("author_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_posts_thread_seq_key" ON "forum_posts"  ("thread_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "forum_reactions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "emoji" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4894fa8ff9c242795043101b73" PRIMARY KEY ("post_id", "user_id", "emoji"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_subscriptions" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b42cef04b381ec89f9122889b4" PRIMARY KEY ("user_id", "thread_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "forum_subscriptions_thread_idx" ON "forum_subscriptions"  ("thread_id") `);
    await queryRunner.query(
      `CREATE TABLE "forum_thread_reads" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "last_read_seq" integer NOT NULL, "last_read_post_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_46dd12d095d199dd2a6034375b3" PRIMARY KEY ("user_id", "thread_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_threads" ADD CONSTRAINT "FK_5099ddd3090752a2c3b5491e31f" FOREIGN KEY ("category_id") REFERENCES "forum_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_posts" ADD CONSTRAINT "FK_c439fcf97f46386dd1cadb86274" FOREIGN KEY ("thread_id") REFERENCES "forum_threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-added: what the entities cannot say.
    await queryRunner.query(`CREATE INDEX "forum_posts_search_idx" ON "forum_posts" USING GIN ("search")`);
    await queryRunner.query(
      `ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_status_check" CHECK ("status" IN ('visible', 'hidden', 'deleted'))`,
    );
    await queryRunner.query(`ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_seq_check" CHECK ("seq" >= 1)`);
    await queryRunner.query(
      `ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_counts_check" CHECK ("reply_count" >= 0 AND "last_seq" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_categories" ADD CONSTRAINT "forum_categories_counts_check" CHECK ("thread_count" >= 0 AND "post_count" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_status_check" CHECK ("status" IN ('open', 'resolved') AND ("resolution" IS NULL OR "resolution" IN ('hide', 'dismiss')))`,
    );
    // One open flag per reporter and post: flagging twice is a conflict, not a second queue entry.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "forum_flags_open_reporter_key" ON "forum_flags" ("post_id", "reporter_id") WHERE "status" = 'open'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_flags_open_reporter_key"`);
    await queryRunner.query(`DROP INDEX "public"."forum_posts_search_idx"`);
    await queryRunner.query(`ALTER TABLE "forum_posts" DROP CONSTRAINT "FK_c439fcf97f46386dd1cadb86274"`);
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP CONSTRAINT "FK_5099ddd3090752a2c3b5491e31f"`);
    await queryRunner.query(`DROP TABLE "forum_thread_reads"`);
    await queryRunner.query(`DROP INDEX "public"."forum_subscriptions_thread_idx"`);
    await queryRunner.query(`DROP TABLE "forum_subscriptions"`);
    await queryRunner.query(`DROP TABLE "forum_reactions"`);
    await queryRunner.query(`DROP INDEX "public"."forum_posts_thread_seq_key"`);
    await queryRunner.query(`DROP INDEX "public"."forum_posts_author_idx"`);
    await queryRunner.query(`DROP TABLE "forum_posts"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_listing_idx"`);
    await queryRunner.query(`DROP TABLE "forum_threads"`);
    await queryRunner.query(`DROP INDEX "public"."forum_post_revisions_post_idx"`);
    await queryRunner.query(`DROP TABLE "forum_post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."forum_flags_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_flags_post_idx"`);
    await queryRunner.query(`DROP TABLE "forum_flags"`);
    await queryRunner.query(`DROP INDEX "public"."forum_categories_slug_key"`);
    await queryRunner.query(`DROP TABLE "forum_categories"`);
  }
}

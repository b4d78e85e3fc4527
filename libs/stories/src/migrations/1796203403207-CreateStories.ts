import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStories1796203403207 implements MigrationInterface {
  name = 'CreateStories1796203403207';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "author_id" uuid NOT NULL, "title" character varying(160) NOT NULL, "summary" character varying(300) NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "sector" character varying(64) NOT NULL, "region" character varying(64), "stage" character varying(64), "organisation_id" uuid, "mentorship_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'draft', "featured" boolean NOT NULL DEFAULT false, "reason" text, "outcomes" jsonb NOT NULL DEFAULT '[]', "organisation_credits" jsonb NOT NULL DEFAULT '[]', "cover_url" character varying(200), "cover_alt" character varying(300) NOT NULL DEFAULT '', "cover_width" integer, "cover_height" integer, "discussion_thread_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_0e45709567c3d81765b64ba1153" UNIQUE ("slug"), CONSTRAINT "PK_bb6f880b260ed96c452b32a39f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "stories_review_idx" ON "stories"  ("status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "stories_author_idx" ON "stories"  ("author_id", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "stories_public_idx" ON "stories"  ("status", "published_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "story_credits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "story_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(100) NOT NULL DEFAULT '', "consent" character varying(10) NOT NULL DEFAULT 'pending', "consented_at" TIMESTAMP WITH TIME ZONE, "asked_at" TIMESTAMP WITH TIME ZONE, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ece211a1cf600e68bb9cc89ed63" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "story_credits_user_idx" ON "story_credits"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "story_credits_member_key" ON "story_credits"  ("story_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "story_slugs" ("slug" character varying(120) NOT NULL, "story_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38011d7549ae1f5db93d6e5f1a5" PRIMARY KEY ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "story_slugs_story_idx" ON "story_slugs"  ("story_id") `);
    await queryRunner.query(
      `ALTER TABLE "story_credits" ADD CONSTRAINT "FK_90b595ad8acc1d87ff54c2d0b9f" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_slugs" ADD CONSTRAINT "FK_853ef1b98f5c73e0ac95fbc7ba2" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "story_slugs" DROP CONSTRAINT "FK_853ef1b98f5c73e0ac95fbc7ba2"`);
    await queryRunner.query(`ALTER TABLE "story_credits" DROP CONSTRAINT "FK_90b595ad8acc1d87ff54c2d0b9f"`);
    await queryRunner.query(`DROP INDEX "public"."story_slugs_story_idx"`);
    await queryRunner.query(`DROP TABLE "story_slugs"`);
    await queryRunner.query(`DROP INDEX "public"."story_credits_member_key"`);
    await queryRunner.query(`DROP INDEX "public"."story_credits_user_idx"`);
    await queryRunner.query(`DROP TABLE "story_credits"`);
    await queryRunner.query(`DROP INDEX "public"."stories_public_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stories_author_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stories_review_idx"`);
    await queryRunner.query(`DROP TABLE "stories"`);
  }
}

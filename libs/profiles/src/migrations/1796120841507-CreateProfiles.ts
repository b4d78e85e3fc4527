import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProfiles1796120841507 implements MigrationInterface {
  name = 'CreateProfiles1796120841507';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(160) NOT NULL, "kind" character varying(16) NOT NULL, "sector" character varying(40) NOT NULL, "stage" character varying(40) NOT NULL, "region" character varying(40) NOT NULL, "legal_form" character varying(40), "staff_count" integer, "website" character varying(300), "description" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organisations_sector_idx" ON "organisations"  ("sector") `);
    await queryRunner.query(
      `CREATE TABLE "organisation_members" ("organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cc6551a3f80b7aca61439ac6a5" PRIMARY KEY ("organisation_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organisation_members_user_idx" ON "organisation_members"  ("user_id") `);
    // TypeORM records generated columns here; it only creates the table itself when every
    // entity is loaded, which a single lib's migration run does not do.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`,
      [
        'public',
        'profiles',
        'GENERATED_COLUMN',
        'search_vector',
        "to_tsvector('simple', coalesce(display_name, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(bio, ''))",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "profiles" ("user_id" uuid NOT NULL, "display_name" character varying(80) NOT NULL, "handle" character varying(30) NOT NULL, "status" character varying(16) NOT NULL, "bio" text, "job_title" character varying(120), "organisation_id" uuid, "region" character varying(40), "sectors" text array NOT NULL DEFAULT '{}', "mentor_offers" boolean NOT NULL DEFAULT false, "mentor_expertise" text array NOT NULL DEFAULT '{}', "mentor_capacity" integer NOT NULL DEFAULT '1', "mentor_stage_reached" character varying(40), "mentee_seeks" boolean NOT NULL DEFAULT false, "mentee_needs" text array NOT NULL DEFAULT '{}', "mentee_stage" character varying(40), "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(display_name, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(bio, ''))) STORED NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e432b7df0d182f8d292902d1a2" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "profiles_organisation_idx" ON "profiles"  ("organisation_id") `);
    // Written by hand: TypeORM cannot declare a GIN index.
    await queryRunner.query(`CREATE INDEX "profiles_search_idx" ON "profiles" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "profiles_directory_idx" ON "profiles"  ("status", "display_name", "user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."profiles_directory_idx"`);
    await queryRunner.query(`DROP INDEX "public"."profiles_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."profiles_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "profiles"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'search_vector', 'public', 'profiles'],
    );
    await queryRunner.query(`DROP INDEX "public"."organisation_members_user_idx"`);
    await queryRunner.query(`DROP TABLE "organisation_members"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_sector_idx"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}

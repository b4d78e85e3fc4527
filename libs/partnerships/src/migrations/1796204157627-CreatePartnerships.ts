import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePartnerships1796204157627 implements MigrationInterface {
  name = 'CreatePartnerships1796204157627';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partnership_capability_profiles" ("organisation_id" uuid NOT NULL, "summary" text NOT NULL, "capabilities" text array NOT NULL, "regions" text array NOT NULL, "sectors" text array NOT NULL DEFAULT '{}', "client_groups" text array NOT NULL DEFAULT '{}', "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_780439e23709b33d917bf828141" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "partnership_opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "posted_by" uuid NOT NULL, "title" character varying(200) NOT NULL, "commissioner" character varying(200) NOT NULL, "description" text NOT NULL, "sector" character varying(64) NOT NULL, "region" character varying(64) NOT NULL, "value_band" character varying(16) NOT NULL, "capabilities_sought" text array NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "value_won" bigint, "conversation_id" uuid, "conversation_owner_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "partnered_at" TIMESTAMP WITH TIME ZONE, "outcome_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partnership_opportunities_value_won" CHECK ((status = 'won') = (value_won IS NOT NULL)), CONSTRAINT "partnership_opportunities_status" CHECK (status IN ('draft', 'open', 'closed', 'partnered', 'won', 'lost', 'withdrawn')), CONSTRAINT "PK_88edb2ac764532a66d66f073adb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "partnership_opportunities_organisation_idx" ON "partnership_opportunities"  ("organisation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "partnership_opportunities_open_deadline_idx" ON "partnership_opportunities"  ("deadline") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "partnership_interests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "member_id" uuid NOT NULL, "pitch" text NOT NULL, "shortlisted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9fb3e486188c540a24550c7d2c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "partnership_interests_member_idx" ON "partnership_interests"  ("member_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "partnership_interests_one_per_organisation" ON "partnership_interests"  ("opportunity_id", "organisation_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."partnership_interests_one_per_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_interests_member_idx"`);
    await queryRunner.query(`DROP TABLE "partnership_interests"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_opportunities_open_deadline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_opportunities_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "partnership_opportunities"`);
    await queryRunner.query(`DROP TABLE "partnership_capability_profiles"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSupport1796217292082 implements MigrationInterface {
  name = 'CreateSupport1796217292082';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "support_fund" ("id" smallint NOT NULL, "total_pence" integer NOT NULL, "committed_pence" integer NOT NULL DEFAULT '0', "delivered_pence" integer NOT NULL DEFAULT '0', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "support_fund_delivered_within_committed" CHECK ("delivered_pence" >= 0 AND "delivered_pence" <= "committed_pence"), CONSTRAINT "support_fund_within_total" CHECK ("committed_pence" <= "total_pence"), CONSTRAINT "PK_d74680cb48e0fd4b90fc1a92cd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "support_partners" ("organisation_id" uuid NOT NULL, "name" character varying(160) NOT NULL, "region" character varying(40) NOT NULL, "day_rate_pence" integer NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0dc3a7103ab2aefa5f792fe027d" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "support_advisers" ("user_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c125cd418b5624ae763c870340" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "support_advisers_partner_idx" ON "support_advisers"  ("partner_id") `);
    await queryRunner.query(
      `CREATE TABLE "support_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "applicant_id" uuid NOT NULL, "status" character varying(32) NOT NULL DEFAULT 'draft', "areas" jsonb NOT NULL DEFAULT '[]', "need" text NOT NULL DEFAULT '', "outcome" text NOT NULL DEFAULT '', "by_when" date, "growth_case" text NOT NULL DEFAULT '', "match_funding_pence" integer NOT NULL DEFAULT '0', "match_funding_source" character varying(300) NOT NULL DEFAULT '', "eligibility" jsonb, "information_request" text, "decline_reason" text, "decision_note" text, "assessment" jsonb, "assessed_by" uuid, "assessed_at" TIMESTAMP WITH TIME ZONE, "partner_id" uuid, "allocated_pence" integer NOT NULL DEFAULT '0', "delivered_pence" integer NOT NULL DEFAULT '0', "rating" smallint, "feedback" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "assigned_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "support_applications_rating" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5), CONSTRAINT "PK_99fea302a125ce7560b7e2f12ae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "support_applications_partner_idx" ON "support_applications"  ("partner_id", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "support_applications_status_idx" ON "support_applications"  ("status", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "support_applications_org_idx" ON "support_applications"  ("organisation_id", "updated_at") `);
    await queryRunner.query(
      `CREATE TABLE "support_allocations" ("application_id" uuid NOT NULL, "area" character varying(40) NOT NULL, "days" numeric(5,1) NOT NULL, "delivered_days" numeric(5,1) NOT NULL DEFAULT '0', "day_rate_pence" integer NOT NULL, CONSTRAINT "support_allocations_delivered_within" CHECK ("delivered_days" >= 0 AND "delivered_days" <= "days"), CONSTRAINT "PK_f2d91ae27ce98112e124bdbd8bf" PRIMARY KEY ("application_id", "area"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "support_delivery_logs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "area" character varying(40) NOT NULL, "date" date NOT NULL, "days" numeric(5,1) NOT NULL, "note" text NOT NULL DEFAULT '', "adviser_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1eb77bfefc29258d5190c862dae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "support_delivery_logs_application_idx" ON "support_delivery_logs"  ("application_id", "date") `);
    await queryRunner.query(
      `CREATE TABLE "support_deliverables" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "file_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "adviser_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b28fc9482b2b00c43745737ac2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "support_deliverables_application_idx" ON "support_deliverables"  ("application_id", "created_at") `,
    );
    // The one fund: the programme's £1.2m of professional advice (shared/DOMAIN.md); coordinators change it.
    await queryRunner.query(`INSERT INTO "support_fund" ("id", "total_pence") VALUES (1, 120000000)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."support_deliverables_application_idx"`);
    await queryRunner.query(`DROP TABLE "support_deliverables"`);
    await queryRunner.query(`DROP INDEX "public"."support_delivery_logs_application_idx"`);
    await queryRunner.query(`DROP TABLE "support_delivery_logs"`);
    await queryRunner.query(`DROP TABLE "support_allocations"`);
    await queryRunner.query(`DROP INDEX "public"."support_applications_org_idx"`);
    await queryRunner.query(`DROP INDEX "public"."support_applications_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."support_applications_partner_idx"`);
    await queryRunner.query(`DROP TABLE "support_applications"`);
    await queryRunner.query(`DROP INDEX "public"."support_advisers_partner_idx"`);
    await queryRunner.query(`DROP TABLE "support_advisers"`);
    await queryRunner.query(`DROP TABLE "support_partners"`);
    await queryRunner.query(`DROP TABLE "support_fund"`);
  }
}

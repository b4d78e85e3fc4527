import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationJoinRequests1796191400735 implements MigrationInterface {
  name = 'OrganisationJoinRequests1796191400735';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organisation_join_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce4c11299168195e240fefba6e1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "organisation_join_requests_organisation_idx" ON "organisation_join_requests"  ("organisation_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisation_join_requests_one_pending_key" ON "organisation_join_requests"  ("user_id") WHERE status = 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."organisation_join_requests_one_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_join_requests_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "organisation_join_requests"`);
  }
}

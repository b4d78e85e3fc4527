import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationStageChanges1796203086035 implements MigrationInterface {
  name = 'OrganisationStageChanges1796203086035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organisation_stage_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "from_stage" character varying(40), "to_stage" character varying(40) NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22ddf15d649ff91c60799508766" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "organisation_stage_changes_changed_at_idx" ON "organisation_stage_changes"  ("changed_at") `);
    await queryRunner.query(`CREATE INDEX "organisation_stage_changes_organisation_idx" ON "organisation_stage_changes"  ("organisation_id", "changed_at") `);
    // Organisations registered before the history existed start it at their current stage.
    await queryRunner.query(
      `INSERT INTO "organisation_stage_changes" ("organisation_id", "from_stage", "to_stage", "changed_by", "changed_at") SELECT "id", NULL, "stage", "created_by", "created_at" FROM "organisations"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."organisation_stage_changes_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_stage_changes_changed_at_idx"`);
    await queryRunner.query(`DROP TABLE "organisation_stage_changes"`);
  }
}
